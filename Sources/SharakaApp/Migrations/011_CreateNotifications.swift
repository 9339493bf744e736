import Fluent
import SQLKit

struct CreateNotifications: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Notification.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .field("emailed_at", .datetime)
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("target_kind", .string, .required)
            .field("target_id", .uuid, .required)
            .field("title", .string, .required)
            .create()
        try await db.schema(Follow.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("target_kind", .string, .required)
            .field("target_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "target_kind", "target_id")
            .create()
        // SQLite adds one column per ALTER TABLE.
        try await db.schema(User.schema).field("email_notifications", .string, .required, .sql(.default("immediate"))).update()
        try await db.schema(User.schema).field("last_digest_at", .datetime).update()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "notifications_user").on(Notification.schema).column("user_id").column("created_at").run()
        try await sql.create(index: "follows_target").on(Follow.schema).column("target_kind").column("target_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(User.schema).deleteField("last_digest_at").update()
        try await db.schema(User.schema).deleteField("email_notifications").update()
        try await db.schema(Follow.schema).delete()
        try await db.schema(Notification.schema).delete()
    }
}
