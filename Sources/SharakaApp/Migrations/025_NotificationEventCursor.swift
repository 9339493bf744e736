import Fluent

/// How far an event's fan-out has gone: followers are told in chunks, each its own short
/// transaction, so that on SQLite's single writer an unrelated write waits for one chunk,
/// not for 5,000 followers; a crash resumes after the last chunk written.
struct NotificationEventCursor: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("notification_events").field("delivered_to", .uuid).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("notification_events").deleteField("delivered_to").update()
    }
}
