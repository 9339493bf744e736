import Fluent

/// When each account last signed in, for the administrators' list of accounts (an account
/// that never signed in since it was confirmed is often one whose owner is stuck).
struct UserLastSignIn: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users").field("last_sign_in_at", .datetime).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("last_sign_in_at").update()
    }
}
