import Fluent
import Foundation
import SQLKit

/// Inside a transaction, the rows a decision rests on are locked before they are read, so
/// that writers outside the audit log (support counters, comments, the reminders job) wait
/// until the decision is written: on PostgreSQL the row, with `FOR UPDATE`; on SQLite the
/// database's write lock, taken by a write that changes nothing — a transaction that read
/// first and wrote later would fail if another connection had committed in between.
enum RowLock {
    static func lock(_ table: String, id: UUID, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) FOR UPDATE").run()
        } else {
            try await sql.raw("UPDATE \(ident: table) SET id = id WHERE id = \(bind: id)").run()
        }
    }

    /// The model, locked and read afresh; nil when it is gone.
    static func find<M: Model>(_ type: M.Type, _ id: UUID, on db: any Database) async throws -> M? where M.IDValue == UUID {
        try await lock(M.schema, id: id, on: db)
        return try await M.find(id, on: db)
    }
}
