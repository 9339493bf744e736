import Fluent
import SQLKit

/// Sessions with lifetimes the server enforces, known devices for the login throttle,
/// throttled attempts told apart from real failures, and each proposal's own name for its
/// attachment (the same content attached twice is stored once).
struct SecurityHardening: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("sessions")
            .field("key", .string, .identifier(auto: false))
            .field("user_id", .uuid)
            .field("data", .string, .required)
            .field("created_at", .datetime, .required)
            .field("seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await db.schema(KnownDevice.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await db.schema(LoginAttempt.schema)
            .field("throttled", .bool, .required, .sql(.default(false)))
            .update()
        try await db.schema(Proposal.schema).field("attachment_name", .string).update()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "sessions_user").on("sessions").column("user_id").run()
        try await sql.create(index: "sessions_expires").on("sessions").column("expires_at").run()
        try await sql.create(index: "known_devices_user").on(KnownDevice.schema).column("user_id").run()
        try await sql.create(index: "login_attempts_created").on(LoginAttempt.schema).column("created_at").run()
        // Sessions of the previous driver never expired; they end here.
        try await db.schema("_fluent_sessions").delete()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("sessions").delete()
        try await db.schema(KnownDevice.schema).delete()
        try await db.schema(LoginAttempt.schema).deleteField("throttled").update()
        try await db.schema(Proposal.schema).deleteField("attachment_name").update()
        try await SessionRecord.migration.prepare(on: db)
    }
}
