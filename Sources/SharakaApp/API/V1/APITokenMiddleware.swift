import Fluent
import SQLKit
import Vapor

/// Write endpoints authenticate by `Authorization: Bearer <token>` only. A browser
/// session is not enough here, so another site cannot make a visitor's browser write.
struct APITokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.currentUser = nil
        // One statement: the token and its owner joined, not the token then the user.
        guard let bearer = request.headers.bearerAuthorization?.token, bearer.hasPrefix(APIToken.prefix),
              let token = try await APIToken.query(on: request.db).join(User.self, on: \APIToken.$user.$id == \User.$id)
                .filter(\.$tokenHash == APIToken.hash(bearer)).filter(\.$revokedAt == nil).first(),
              let user = try? token.joined(User.self),
              !user.isBlocked, !user.isDeleted, user.isConfirmed
        else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer realm=\"sharaka\""],
                        reason: "A valid personal API token is required (Authorization: Bearer shk_…). Create one on your account page.")
        }
        // Once a minute is precise enough and spares a write per request. On SQLite the write
        // queues with the supports (`sqliteWriteGate`) rather than meet them at the file lock,
        // where both sides would sleep in SQLite's backoff.
        if (token.lastUsedAt.map { Date().timeIntervalSince($0) > 60 }) ?? true, let id = token.id {
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
