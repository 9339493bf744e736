import Fluent

struct CreateAccountTokens: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(AccountToken.schema)
            .id()
            .field("created_at", .datetime)
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AccountToken.schema).delete()
    }
}
