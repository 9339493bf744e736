import Fluent
import SQLKit
import Vapor

/// Write endpoints authenticate by `Authorization: Bearer <token>` only. A browser
/// session is not enough here, so another site cannot make a visitor's browser write.
struct APITokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.currentUser = nil
        // One statement, read with SQLKit: the token and its owner joined. This runs on every
        // API write (a support is one), and Fluent's model decoding of two models was a third
        // of the CPU of a support.
        guard let bearer = request.headers.bearerAuthorization?.token, bearer.hasPrefix(APIToken.prefix),
              let found = try await TokenOwner.find(hash: APIToken.hash(bearer), on: request.db as! any SQLDatabase),
              !found.user.isBlocked, !found.user.isDeleted, found.user.isConfirmed
        else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer realm=\"sharaka\""],
                        reason: "A valid personal API token is required (Authorization: Bearer shk_…). Create one on your account page.")
        }
        let (token, user) = (found, found.user)
        // Once a minute is precise enough and spares a write per request. On SQLite the write
        // queues with the supports (`sqliteWriteGate`) rather than meet them at the file lock,
        // where both sides would sleep in SQLite's backoff.
        if (token.lastUsedAt.map { Date().timeIntervalSince($0) > 60 }) ?? true {
            let id = token.tokenID
            let sql = request.db as! any SQLDatabase
            let touch: @Sendable () async throws -> Void = {
                try await sql.raw("UPDATE api_tokens SET last_used_at = \(bind: Date()) WHERE id = \(bind: id)").run()
            }
            if let gate = request.application.sqliteWriteGate { try await gate.run(touch) } else { try await touch() }
        }
        request.currentUser = user
        return try await next.respond(to: request)
    }
}

/// A live token and the account it belongs to, as one row.
struct TokenOwner {
    let tokenID: UUID
    let lastUsedAt: Date?
    /// Built from the row, and marked as stored, so that saving it updates the account.
    let user: User

    private struct Row: Decodable {
        let token_id: UUID, last_used_at: Date?
        let id: UUID, created_at: Date?, name: String, email: String, password_hash: String, preferred_language: String
        let province_code: String?, role: String, confirmed_at: Date?, blocked_at: Date?, deleted_at: Date?
        let email_notifications: String, last_digest_at: Date?
    }

    static func find(hash: String, on sql: any SQLDatabase) async throws -> TokenOwner? {
        guard let r = try await sql.raw("""
            SELECT t.id AS token_id, t.last_used_at, u.id, u.created_at, u.name, u.email, u.password_hash, u.preferred_language, u.province_code,
                   u.role, u.confirmed_at, u.blocked_at, u.deleted_at, u.email_notifications, u.last_digest_at
            FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = \(bind: hash) AND t.revoked_at IS NULL
            """).first(decoding: Row.self) else { return nil }
        let user = User()
        user.id = r.id; user.createdAt = r.created_at; user.name = r.name; user.email = r.email; user.passwordHash = r.password_hash
        user.preferredLanguage = r.preferred_language; user.provinceCode = r.province_code; user.role = r.role
        user.confirmedAt = r.confirmed_at; user.blockedAt = r.blocked_at; user.deletedAt = r.deleted_at
        user.emailNotifications = r.email_notifications; user.lastDigestAt = r.last_digest_at
        user.$id.exists = true
        return TokenOwner(tokenID: r.token_id, lastUsedAt: r.last_used_at, user: user)
    }
}

/// 422 with the problem of each field, for clients to show beside their inputs.
struct ValidationProblem: Content {
    let type: String
    let title: String
    let status: Int
    let detail: String
    let errors: [String: String]

    static func response(_ errors: [String: String]) throws -> Response {
        let body = ValidationProblem(type: "about:blank", title: "Unprocessable Content", status: 422,
                                     detail: "Some fields are not valid; see errors.", errors: errors)
        let res = Response(status: .unprocessableEntity)
        try res.content.encode(body, as: .json)
        res.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        return res
    }
}
