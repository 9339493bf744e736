import Fluent

struct CreateFiles: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(StoredFile.schema)
            .field("sha256", .string, .identifier(auto: false))
            .field("size", .int, .required)
            .field("kind", .string, .required)
            .field("original_name", .string, .required)
            .field("content", .data)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(StoredFile.schema).delete()
    }
}
