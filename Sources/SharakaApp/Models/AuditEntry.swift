import Fluent
import SharakaCore
import Vapor

/// The tamper-evident audit log (see `AuditChain`).
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "sequence") var sequence: Int
    @Field(key: "recorded_at") var recordedAt: String
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "object_kind") var objectKind: String
    @Field(key: "object_id") var objectID: String
    /// The commitment (or plan) whose public history shows this entry.
    @Field(key: "scope_id") var scopeID: String
    @Field(key: "before") var before: String
    @Field(key: "after") var after: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    var record: AuditRecord {
        AuditRecord(sequence: sequence, recordedAt: recordedAt, actor: actor, action: action, objectKind: objectKind,
                    objectID: objectID, scope: scopeID, before: before, after: after, previousHash: previousHash)
    }
}
