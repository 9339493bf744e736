import Fluent
import SQLKit

struct CreateOrganisations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Organisation.schema)
            .id()
            .field("created_at", .datetime)
            .field("name", .json, .required)
            .field("search_text", .string, .required)
            .field("sector", .string, .required)
            .field("province_code", .string)
            .field("website", .string, .required)
            .field("description", .json, .required)
            .create()
        try await db.schema(Membership.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "user_id", "organisation_id")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "organisations_sector").on(Organisation.schema).column("sector").run()
        try await sql.create(index: "memberships_organisation").on(Membership.schema).column("organisation_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Membership.schema).delete()
        try await db.schema(Organisation.schema).delete()
    }
}
