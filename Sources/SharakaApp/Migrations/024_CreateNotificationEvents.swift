import Fluent
import SQLKit

/// Events waiting to be told to the people concerned. A change writes one row in its own
/// transaction (so nobody hears of a change that was rolled back); the fan-out to followers
/// runs after the commit, outside the audit lock, as one multi-row INSERT … SELECT.
struct CreateNotificationEvents: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("notification_events")
            .id()
            .field("created_at", .datetime, .required)
            .field("kind", .string, .required)
            .field("target_kind", .string, .required)
            .field("target_id", .uuid, .required)
            .field("title", .string, .required)
            /// Named recipients, comma-separated ids.
            .field("recipients", .string, .required)
            /// Whether the target's followers hear of it too.
            .field("followers", .bool, .required)
            /// Ids that never hear of it (the actor, whoever got a more specific notification).
            .field("except_ids", .string, .required)
            .create()
        try await (db as! any SQLDatabase).raw("CREATE INDEX notification_events_created ON notification_events (created_at)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("notification_events").delete()
    }
}
