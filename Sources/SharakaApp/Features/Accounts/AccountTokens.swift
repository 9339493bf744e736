import Crypto
import Fluent
import SQLKit
import Vapor

/// Creates and redeems the one-time links sent by e-mail.
enum AccountTokens {
    static let confirmLifetime: TimeInterval = 7 * 24 * 3600
    static let resetLifetime: TimeInterval = 2 * 3600
    static let signInLifetime: TimeInterval = 15 * 60

    static func hash(_ token: String) -> String { SHA256.hash(data: Data(token.utf8)).hex }

    /// Returns the clear token, which only ever exists in the e-mail.
    static func issue(for user: User, purpose: AccountToken.Purpose, on db: any Database) async throws -> String {
        let token = CSRF.newToken()
        let lifetime = switch purpose {
        case .confirmEmail: confirmLifetime
        case .resetPassword: resetLifetime
        case .signIn: signInLifetime
        }
        try await AccountToken(userID: user.id!, purpose: purpose, tokenHash: hash(token), expiresAt: Date().addingTimeInterval(lifetime)).create(on: db)
        return token
    }

    /// Marks the token used and returns its account, or nil when it is unknown, used or expired.
    /// One conditional UPDATE … RETURNING makes a double click redeem it once only.
    static func redeem(_ token: String, purpose: AccountToken.Purpose, on db: any Database) async throws -> User? {
        guard !token.isEmpty, token.count < 200 else { return nil }
        let now = Date()
        let rows = try await (db as! any SQLDatabase).raw("""
            UPDATE account_tokens SET used_at = \(bind: now)
            WHERE token_hash = \(bind: hash(token)) AND purpose = \(bind: purpose.rawValue)
              AND used_at IS NULL AND expires_at > \(bind: now)
            RETURNING user_id
            """).all()
        guard let userID = try rows.first?.decode(column: "user_id", as: UUID.self) else { return nil }
        return try await User.find(userID, on: db)
    }

    /// Issues a one-time link to `page` for `purpose` and queues the e-mail that carries it,
    /// in one transaction.
    static func send(_ purpose: AccountToken.Purpose, to user: User, page: SiteURL, _ req: Request,
                     mail: @escaping @Sendable (User, String, any Database) async throws -> Void) async throws {
        let base = req.publicURL + page.path(req.language)
        try await req.db.transaction { db in
            let token = try await issue(for: user, purpose: purpose, on: db)
            try await mail(user, "\(base)?token=\(token)", db)
        }
    }

    static func link(_ req: Request, _ url: SiteURL, token: String) -> String {
        "\(req.publicURL)\(url.path(req.language))?token=\(token)"
    }
}
