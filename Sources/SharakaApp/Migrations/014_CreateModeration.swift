import Fluent
import SQLKit

struct CreateModeration: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Report.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("target_kind", .string, .required)
            .field("target_id", .uuid, .required)
            .field("reporter_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("reason", .string, .required)
            .field("details", .string, .required)
            .field("resolved_at", .datetime)
            .unique(on: "target_kind", "target_id", "reporter_id")
            .create()
        try await db.schema(ModerationDecision.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("target_kind", .string, .required)
            .field("target_id", .uuid, .required)
            .field("action", .string, .required)
            .field("reason", .string, .required)
            .field("moderator_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "reports_open").on(Report.schema).column("resolved_at").column("created_at").run()
        try await sql.create(index: "moderation_decisions_target").on(ModerationDecision.schema).column("target_kind").column("target_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ModerationDecision.schema).delete()
        try await db.schema(Report.schema).delete()
    }
}
