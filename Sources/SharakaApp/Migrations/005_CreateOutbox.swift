import Fluent
import SQLKit

struct CreateOutbox: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(OutboxMessage.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("claimed_until", .datetime)
            .field("claimed_by", .string)
            .field("last_error", .string)
            .field("sent_at", .datetime)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "outbox_due").on(OutboxMessage.schema).column("status").column("next_attempt_at").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(OutboxMessage.schema).delete()
    }
}
