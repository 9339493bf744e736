import Fluent
import SQLKit

struct CreateAssessments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(AssessmentReport.schema)
            .id()
            .field("title", .string, .required)
            .field("published_at", .datetime, .required)
            .field("plan_id", .uuid, .required, .references(ActionPlan.schema, "id", onDelete: .cascade))
            .field("reviewer_id", .uuid, .required, .references(User.schema, "id"))
            .create()
        try await db.schema(Assessment.schema)
            .id()
            .field("updated_at", .datetime, .required)
            .field("verifiable", .bool, .required)
            .field("relevance", .string, .required)
            .field("potential_impact", .string, .required)
            .field("completion", .string, .required)
            .field("did_it_open", .string, .required)
            .field("narrative", .string, .required)
            .field("sources", .string, .required)
            .field("commitment_id", .uuid, .required, .references(Commitment.schema, "id", onDelete: .cascade))
            .field("reviewer_id", .uuid, .required, .references(User.schema, "id"))
            .field("report_id", .uuid, .references(AssessmentReport.schema, "id", onDelete: .cascade))
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "assessments_commitment").on(Assessment.schema).column("commitment_id").run()
        try await sql.create(index: "assessments_report").on(Assessment.schema).column("report_id").run()
        try await sql.create(index: "assessment_reports_plan").on(AssessmentReport.schema).column("plan_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Assessment.schema).delete()
        try await db.schema(AssessmentReport.schema).delete()
    }
}
