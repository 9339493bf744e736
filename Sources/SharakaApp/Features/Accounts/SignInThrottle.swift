import Fluent
import SharakaCore
import SQLKit
import Vapor

/// The login throttle's facts, read from `login_attempts` and `known_devices`.
///
/// Each attempt is recorded before anything is counted, so concurrent attempts see each
/// other: of N sent at once, the k-th to be recorded counts at least k-1 others, so no
/// more than the free number are ever checked (the same on both engines, with no lock).
enum SignInThrottle {
    /// Failures other than `attempt` for the account since its last success (within the window).
    static func accountFailures(_ email: String, excluding attempt: UUID, since windowStart: Date, on db: any SQLDatabase) async throws -> LoginThrottle.Failures {
        let lastSuccess = try await db.raw("""
            SELECT MAX(created_at) AS at FROM login_attempts WHERE email = \(bind: email) AND succeeded = \(bind: true)
            """).first()?.decode(column: "at", as: Date?.self)
        let since = max(windowStart, lastSuccess ?? windowStart)
        return try await failures(db.raw("""
            SELECT COUNT(*) AS n, MAX(created_at) AS latest FROM login_attempts
            WHERE email = \(bind: email) AND succeeded = \(bind: false) AND throttled = \(bind: false)
              AND created_at > \(bind: since) AND id <> \(bind: attempt)
            """))
    }

    /// Failures other than `attempt` from the address within the window.
    static func addressFailures(_ address: String, excluding attempt: UUID, since windowStart: Date, on db: any SQLDatabase) async throws -> LoginThrottle.Failures {
        try await failures(db.raw("""
            SELECT COUNT(*) AS n, MAX(created_at) AS latest FROM login_attempts
            WHERE address = \(bind: address) AND succeeded = \(bind: false) AND throttled = \(bind: false)
              AND created_at > \(bind: windowStart) AND id <> \(bind: attempt)
            """))
    }

    private static func failures(_ query: SQLRawBuilder) async throws -> LoginThrottle.Failures {
        guard let row = try await query.first() else { return .none }
        return .init(count: try row.decode(column: "n", as: Int.self), latest: try row.decode(column: "latest", as: Date?.self))
    }

    // MARK: known devices

    /// Whether this browser has signed in to the account before.
    static func isKnownDevice(_ req: Request, userID: UUID?) async throws -> Bool {
        guard let userID, let token = req.cookies[KnownDevice.cookieName]?.string, token.utf8.count <= 64 else { return false }
        return try await KnownDevice.query(on: req.db).filter(\.$tokenHash == AccountTokens.hash(token)).filter(\.$user.$id == userID).count() > 0
    }

    /// After a successful sign-in: this browser is known to the account from now on.
    static func rememberDevice(_ req: Request, userID: UUID, on response: Response) async throws {
        if let token = req.cookies[KnownDevice.cookieName]?.string, token.utf8.count <= 64,
           let device = try await KnownDevice.query(on: req.db).filter(\.$tokenHash == AccountTokens.hash(token)).filter(\.$user.$id == userID).first() {
            device.lastUsedAt = Date()
            try await device.save(on: req.db)
            return
        }
        let token = CSRF.newToken()
        try await KnownDevice(tokenHash: AccountTokens.hash(token), userID: userID).create(on: req.db)
        response.cookies[KnownDevice.cookieName] = HTTPCookies.Value(
            string: token, expires: Date().addingTimeInterval(KnownDevice.lifetime), maxAge: Int(KnownDevice.lifetime),
            path: "/", isSecure: req.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}
