import Fluent
import Foundation
import SQLKit

/// Inside an audited transaction, the rows a decision rests on are read again after the audit
/// lock: on PostgreSQL also locked with `FOR UPDATE`, so that writers outside the audit log
/// (support counters, the reminders job) wait until the decision is written; SQLite has one
/// writer at a time anyway.
enum RowLock {
    static func lock(_ table: String, id: UUID, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) FOR UPDATE").run()
    }

    /// The model, locked and read afresh; nil when it is gone.
    static func find<M: Model>(_ type: M.Type, _ id: UUID, on db: any Database) async throws -> M? where M.IDValue == UUID {
        try await lock(M.schema, id: id, on: db)
        return try await M.find(id, on: db)
    }
}
