import Fluent

struct CreateRegion: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Region.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .json, .required)
            .field("contact_email", .string, .required)
            .field("contact_phone", .string, .required)
            .field("address", .string, .required)
            .field("logo_sha256", .string)
            .field("is_demo", .bool, .required)
            .unique(on: "code")
            .create()
        try await db.schema(Province.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .json, .required)
            .field("kind", .string, .required)
            .field("population", .int, .required)
            .unique(on: "code")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Province.schema).delete()
        try await db.schema(Region.schema).delete()
    }
}
