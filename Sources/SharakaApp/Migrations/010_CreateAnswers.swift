import Fluent
import SQLKit

/// Reasoned responses, their history, and moderation's mark on proposals.
struct CreateAnswers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ProposalAnswer.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("state", .string, .required)
            .field("reasoning", .string, .required)
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id", onDelete: .cascade))
            .field("answered_by_id", .uuid, .required, .references(User.schema, "id"))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id"))
            .create()
        // SQLite adds one column per ALTER TABLE.
        try await db.schema(Proposal.schema).field("answered_at", .datetime).update()
        try await db.schema(Proposal.schema).field("hidden_at", .datetime).update()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "proposal_answers_proposal").on(ProposalAnswer.schema).column("proposal_id").column("created_at").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Proposal.schema).deleteField("hidden_at").update()
        try await db.schema(Proposal.schema).deleteField("answered_at").update()
        try await db.schema(ProposalAnswer.schema).delete()
    }
}
