import Foundation

/// Officials merge similar proposals into one: the merged ones point at it, and so do those
/// that had been merged into them, so that no chain of merges is left behind.
public enum ProposalMerging {
    public struct Candidate: Sendable, Equatable {
        public var id: UUID
        public var process: UUID
        public var mergedInto: UUID?
        public var author: UUID
        public init(id: UUID, process: UUID, mergedInto: UUID?, author: UUID) {
            self.id = id; self.process = process; self.mergedInto = mergedInto; self.author = author
        }
    }

    public enum Refusal: Error, Sendable, Equatable {
        /// The target has itself been merged into another proposal.
        case targetMerged
        case nothingChosen
        /// A chosen proposal is gone, of another process, or already merged.
        case notMergeable
    }

    public struct Decision: Sendable, Equatable {
        /// The proposals now merged into the target, in the order chosen.
        public var merged: [UUID]
        /// Their authors (the target's author excepted), who are told.
        public var notify: Set<UUID>
        public var audit: [UUID: AuditFields]
    }

    /// - Parameters:
    ///   - found: the chosen proposals as they are under the lock (missing ones are absent).
    public static func decide(target: Candidate, chosen: [UUID], found: [Candidate]) -> Result<Decision, Refusal> {
        if target.mergedInto != nil { return .failure(.targetMerged) }
        var seen = Set<UUID>()
        let ids = chosen.filter { $0 != target.id && seen.insert($0).inserted }
        guard !ids.isEmpty else { return .failure(.nothingChosen) }
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var notify = Set<UUID>(), audit: [UUID: AuditFields] = [:]
        for id in ids {
            guard let c = byID[id], c.process == target.process, c.mergedInto == nil else { return .failure(.notMergeable) }
            if c.author != target.author { notify.insert(c.author) }
            audit[id] = AuditFields(before: ["merged_into": ""], after: ["merged_into": target.id.uuidString])
        }
        return .success(Decision(merged: ids, notify: notify, audit: audit))
    }
}
