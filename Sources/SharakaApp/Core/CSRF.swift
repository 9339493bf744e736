import Crypto
import Vapor

/// Synchroniser-token protection for every state-changing form (Vapor has none built in).
/// The token lives in the server-side session; forms carry it in `_csrf`.
enum CSRF {
    static let fieldName = "_csrf"

    static func newToken() -> String {
        [UInt8].random(count: 32).base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    static func token(for request: Request) -> String {
        if let t = request.session.data["csrf"] { return t }
        let t = newToken()
        request.session.data["csrf"] = t
        return t
    }


    struct Middleware: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            if request.method == .POST {
                // A body that arrives in several packets (large uploads, chunked encoding) is
                // still streaming when route middleware runs; read it fully before looking in it.
                _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
                let sent = (try? request.content.get(String.self, at: CSRF.fieldName)) ?? request.headers.first(name: "X-CSRF-Token")
                guard let expected = request.existingSession?.data["csrf"], let sent,
                      Array(sent.utf8).count == Array(expected.utf8).count,
                      zip(sent.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
                else { throw Abort(.forbidden, reason: "csrf") }
            }
            return try await next.respond(to: request)
        }
    }
}

/// Hidden token field for forms built before the request context is at hand;
/// `Page.render` fills in the session's token.
func CSRFField() -> HNode {
    H.trusted("<input type=\"hidden\" name=\"\(CSRF.fieldName)\" value=\"\(CSRF.placeholder)\"/>")
}

extension CSRF {
    /// A private-use character marks the slot; it cannot come from a form field unescaped
    /// in a way that leaks anyone's token but the viewer's own.
    static let placeholder = "\u{E000}csrf\u{E000}"
}
