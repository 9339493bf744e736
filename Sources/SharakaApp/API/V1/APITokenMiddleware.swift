import Fluent
import Vapor

/// Write endpoints authenticate by `Authorization: Bearer <token>` only. A browser
/// session is not enough here, so another site cannot make a visitor's browser write.
struct APITokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.currentUser = nil
        guard let bearer = request.headers.bearerAuthorization?.token, bearer.hasPrefix(APIToken.prefix),
              let token = try await APIToken.query(on: request.db).filter(\.$tokenHash == APIToken.hash(bearer)).filter(\.$revokedAt == nil).with(\.$user).first(),
              !token.user.isBlocked, !token.user.isDeleted, token.user.isConfirmed
        else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer realm=\"sharaka\""],
                        reason: "A valid personal API token is required (Authorization: Bearer shk_…). Create one on your account page.")
        }
        // Once a minute is precise enough and spares a write per request.
        if (token.lastUsedAt.map { Date().timeIntervalSince($0) > 60 }) ?? true {
            token.lastUsedAt = Date()
            try await token.save(on: request.db)
        }
        request.currentUser = token.user
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
