import Crypto
import Foundation

/// One entry of the tamper-evident audit log: who changed what, the fields before and
/// after, chained to the previous entry by its hash. Changing, removing or reordering
/// any stored entry breaks every hash after it.
public struct AuditRecord: Sendable, Equatable {
    public var sequence: Int
    /// ISO 8601 in UTC with milliseconds, stored as text so that both engines give back
    /// exactly what was hashed.
    public var recordedAt: String
    public var actor: String
    public var action: String
    public var objectKind: String
    public var objectID: String
    /// The commitment or plan whose public history shows the entry.
    public var scope: String
    /// Canonical JSON (sorted keys) of the changed fields.
    public var before: String
    public var after: String
    public var previousHash: String

    public init(sequence: Int, recordedAt: String, actor: String, action: String, objectKind: String, objectID: String,
                scope: String = "", before: String, after: String, previousHash: String) {
        self.sequence = sequence; self.recordedAt = recordedAt; self.actor = actor; self.action = action
        self.objectKind = objectKind; self.objectID = objectID; self.scope = scope; self.before = before; self.after = after
        self.previousHash = previousHash
    }

    /// SHA-256 (hex) of every field, each prefixed by its byte length so that no two
    /// different records hash the same text.
    public var hash: String {
        var text = ""
        for field in [String(sequence), recordedAt, actor, action, objectKind, objectID, scope, before, after, previousHash] {
            text += "\(field.utf8.count):\(field)\n"
        }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

public enum AuditChain {
    /// The previous hash of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    public enum Break: Equatable, Sendable {
        /// Entry `sequence` does not hash to what is stored.
        case alteredEntry(sequence: Int)
        /// Entry `sequence` does not point at the hash of the entry before it.
        case brokenLink(sequence: Int)
        /// A number is missing or repeated before `sequence`.
        case gap(sequence: Int)
    }

    /// The first break in a chain given in sequence order with the stored hashes; nil
    /// when every link holds.
    public static func verify(_ entries: [(record: AuditRecord, storedHash: String)]) -> Break? {
        var previous = genesis
        var expected = 1
        for (record, stored) in entries {
            if record.sequence != expected { return .gap(sequence: record.sequence) }
            if record.previousHash != previous { return .brokenLink(sequence: record.sequence) }
            if record.hash != stored { return .alteredEntry(sequence: record.sequence) }
            previous = stored
            expected += 1
        }
        return nil
    }

    /// Canonical JSON for the before/after columns: sorted keys, no extra spaces.
    public static func canonical(_ fields: [String: String]) -> String {
        guard !fields.isEmpty else { return "{}" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(fields)) ?? Data("{}".utf8), as: UTF8.self)
    }

    public static func timestamp(_ date: Date) -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!).format(date)
    }
}
