import Fluent
import SQLKit
import Vapor

/// What a new password ends: every other session of the account (whoever knew the old
/// password may be signed in somewhere), and on request its API tokens, in one transaction.
enum PasswordChange {
    static func apply(_ user: User, revokeTokens: Bool, keeping session: String?, on db: any Database) async throws {
        try await db.transaction { db in
            try await user.save(on: db)
            try await DatabaseSessions.endSessions(of: user.id!, except: session, on: db as! any SQLDatabase)
            if revokeTokens {
                try await APIToken.query(on: db).filter(\.$user.$id == user.id!).filter(\.$revokedAt == nil)
                    .set(\.$revokedAt, to: Date()).update()
            }
        }
    }
}
