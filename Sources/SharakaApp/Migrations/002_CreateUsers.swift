import Fluent
import SQLKit

struct CreateUsers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(User.schema)
            .id()
            .field("created_at", .datetime)
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("preferred_language", .string, .required)
            .field("province_code", .string)
            .field("role", .string, .required)
            .field("confirmed_at", .datetime)
            .field("blocked_at", .datetime)
            .field("deleted_at", .datetime)
            .unique(on: "email")
            .create()
        try await db.schema(LoginAttempt.schema)
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("succeeded", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "login_attempts_email").on(LoginAttempt.schema).column("email").column("created_at").run()
        try await sql.create(index: "login_attempts_address").on(LoginAttempt.schema).column("address").column("created_at").run()
        try await sql.create(index: "users_role").on(User.schema).column("role").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(LoginAttempt.schema).delete()
        try await db.schema(User.schema).delete()
    }
}
