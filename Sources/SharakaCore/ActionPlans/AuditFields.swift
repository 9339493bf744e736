/// What an audited change records, field by field as text: the values it replaced and the
/// values it wrote. Use cases return it; the app appends it to the hash-chained log.
public struct AuditFields: Sendable, Equatable {
    public var before: [String: String]
    public var after: [String: String]

    public init(before: [String: String], after: [String: String]) {
        self.before = before; self.after = after
    }

    /// A write that would record nothing is not a change (saving an unchanged form).
    public var changesSomething: Bool { before != after }
}
