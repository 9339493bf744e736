import Foundation
import SharakaCore
import SQLKit

/// One entry of the tamper-evident log, as a public history shows it.
struct AuditItem: Sendable {
    let sequence: Int
    let recordedAt: String
    let actor: String
    /// The actor's name when the actor is an account.
    let actorName: String?
    let action: String
    let objectKind: String
    let objectID: String
    let before: String
    let after: String
    let previousHash: String
    let hash: String
}

/// The audit entries of one scope (a commitment, a proposal), newest first by page or all
/// in order, with the actors' names: two statements (a count, the page) and one for names.
struct HistoryQuery: Sendable {
    let scope: UUID

    private struct Row: Decodable {
        let sequence: Int, recorded_at: String, actor: String, action: String, object_kind: String, object_id: String
        let before: String, after: String, previous_hash: String, hash: String
    }
    private struct NameRow: Decodable { let id: UUID, name: String }

    func page(_ page: PageRequest, on db: any SQLDatabase) async throws -> (items: [AuditItem], total: Int) {
        let total = try await db.raw("SELECT COUNT(*) AS n FROM audit_log WHERE scope_id = \(bind: scope.uuidString)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw("""
            SELECT sequence, recorded_at, actor, action, object_kind, object_id, before, after, previous_hash, hash FROM audit_log
            WHERE scope_id = \(bind: scope.uuidString) ORDER BY sequence DESC LIMIT \(unsafeRaw: String(page.per)) OFFSET \(unsafeRaw: String(page.offset))
            """).all(decoding: Row.self)
        return (try await named(rows, on: db), total)
    }

    func all(on db: any SQLDatabase) async throws -> [AuditItem] {
        let rows = try await db.raw("""
            SELECT sequence, recorded_at, actor, action, object_kind, object_id, before, after, previous_hash, hash FROM audit_log
            WHERE scope_id = \(bind: scope.uuidString) ORDER BY sequence
            """).all(decoding: Row.self)
        return try await named(rows, on: db)
    }

    /// Actors are stored as text (an account's id, or "system"), so names are looked up by id.
    private func named(_ rows: [Row], on db: any SQLDatabase) async throws -> [AuditItem] {
        let ids = Array(Set(rows.compactMap { UUID(uuidString: $0.actor) }))
        var names: [UUID: String] = [:]
        if !ids.isEmpty {
            for n in try await db.raw("SELECT id, name FROM users WHERE id IN (\(binds: ids))").all(decoding: NameRow.self) { names[n.id] = n.name }
        }
        return rows.map { r in
            AuditItem(sequence: r.sequence, recordedAt: r.recorded_at, actor: r.actor, actorName: UUID(uuidString: r.actor).flatMap { names[$0] },
                      action: r.action, objectKind: r.object_kind, objectID: r.object_id, before: r.before, after: r.after,
                      previousHash: r.previous_hash, hash: r.hash)
        }
    }
}
