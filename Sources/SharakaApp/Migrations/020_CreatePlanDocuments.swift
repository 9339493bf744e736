import Fluent
import SQLKit

struct CreatePlanDocuments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(PlanDocument.schema)
            .id()
            .field("name", .string, .required)
            .field("file_sha256", .string, .required)
            .field("created_at", .datetime, .required)
            .field("plan_id", .uuid, .required, .references(ActionPlan.schema, "id", onDelete: .cascade))
            .create()
        try await (db as! any SQLDatabase).create(index: "plan_documents_plan").on(PlanDocument.schema).column("plan_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PlanDocument.schema).delete()
    }
}
