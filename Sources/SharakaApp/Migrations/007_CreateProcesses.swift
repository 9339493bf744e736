import Fluent
import SQLKit

struct CreateProcesses: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ParticipatoryProcess.schema)
            .id()
            .field("created_at", .datetime)
            .field("published_at", .datetime)
            .field("title", .json, .required)
            .field("summary", .json, .required)
            .field("description", .json, .required)
            .field("scope", .json, .required)
            .field("contact", .string, .required)
            .field("hashtag", .string, .required)
            .field("status", .string, .required)
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .create()
        // Dates as ISO text (YYYY-MM-DD): the same ordering and comparisons on both engines.
        try await db.schema(Phase.schema)
            .id()
            .field("process_id", .uuid, .required, .references(ParticipatoryProcess.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("name", .json, .required)
            .field("description", .json, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "processes_status").on(ParticipatoryProcess.schema).column("status").run()
        try await sql.create(index: "phases_process").on(Phase.schema).column("process_id").column("starts_on").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Phase.schema).delete()
        try await db.schema(ParticipatoryProcess.schema).delete()
    }
}
