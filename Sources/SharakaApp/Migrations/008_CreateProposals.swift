import Fluent
import SQLKit

struct CreateProposals: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Proposal.schema)
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("process_id", .uuid, .required, .references(ParticipatoryProcess.schema, "id"))
            .field("author_id", .uuid, .required, .references(User.schema, "id"))
            .field("organisation_id", .uuid, .references(Organisation.schema, "id"))
            .field("merged_into_id", .uuid, .references(Proposal.schema, "id"))
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("language", .string, .required)
            .field("ogp_value", .string, .required)
            .field("theme", .string, .required)
            .field("province_code", .string)
            .field("attachment_sha256", .string)
            .field("status", .string, .required)
            .field("answer_state", .string)
            .field("supports_count", .int, .required)
            .field("comments_count", .int, .required)
            .field("random_key", .int, .required)
            .field("search_text", .string, .required)
            .create()
        // The unique pair is what makes "one support per account" true under any concurrency.
        try await db.schema(Support.schema)
            .id()
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "proposal_id", "user_id")
            .create()
        let sql = db as! any SQLDatabase
        // One index per filter and sort the list offers, each led by the process.
        for (name, column) in [("newest", "created_at"), ("supports", "supports_count"), ("comments", "comments_count"),
                               ("value", "ogp_value"), ("theme", "theme"), ("province", "province_code"), ("answer", "answer_state")] {
            try await sql.create(index: "proposals_\(name)").on(Proposal.schema).column("process_id").column(column).run()
        }
        try await sql.create(index: "proposals_author").on(Proposal.schema).column("author_id").run()
        try await sql.create(index: "supports_user").on(Support.schema).column("user_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Support.schema).delete()
        try await db.schema(Proposal.schema).delete()
    }
}
