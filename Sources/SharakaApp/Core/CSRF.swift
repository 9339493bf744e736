import Crypto
import NIOPosix
import Vapor

/// Synchroniser-token protection for every state-changing form (Vapor has none built in).
/// The token lives in the server-side session; forms carry it in `_csrf`.
enum CSRF {
    static let fieldName = "_csrf"

    static func newToken() -> String {
        [UInt8].random(count: 32).base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    static func token(for request: Request) -> String {
        // An error page drawn before sessions were read has no session to hold a token.
        guard request.sessionsReady else { return "" }
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
                // A form drawn for a session that has since ended (timed out, signed out in another
                // tab): not an attack but a person whose text must not be lost. They are asked
                // to sign in again, and what they typed travels with the sign-in form.
                if sent != nil, request.existingSession?.data["csrf"] == nil {
                    let page = LoginPage.page(request.t, email: "", next: "", error: nil, expired: true, draft: FormDraft.from(request), status: .unauthorized)
                    return await request.render(page)
                }
                guard let expected = request.existingSession?.data["csrf"], let sent,
                      Array(sent.utf8).count == Array(expected.utf8).count,
                      zip(sent.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
                else { throw Abort(.forbidden, reason: "csrf") }
            }
            return try await next.respond(to: request)
        }
    }
}

/// The hidden token field. Forms are built before the page is drawn, so the field is drawn
/// late: `Page.render` binds the request's token provider while it draws, and each form
/// gets the real token as it is written (the provider creates the session on first use,
/// so a page without forms creates none). Outside a page being drawn it has no token.
func CSRFField() -> HNode {
    H.drawnLate {
        let token = RenderContext.csrfToken?() ?? ""
        return "<input type=\"hidden\" name=\"\(CSRF.fieldName)\" value=\"\(token.attributeEscaped)\"/>"
    }
}

/// What a page being drawn knows of its request, bound for the duration of the drawing.
/// Drawing is synchronous (no suspension point), so the binding lives in a thread-local
/// variable: a `@TaskLocal` bound with the synchronous `withValue` crashed release builds
/// (swift_task_localValuePush on a null task, Swift 6.3.1), which the debug test builds
/// never showed.
enum RenderContext {
    private final class Binding {
        let csrfToken: @Sendable () -> String
        init(_ csrfToken: @escaping @Sendable () -> String) { self.csrfToken = csrfToken }
    }

    // Each thread reads and writes only its own slot.
    nonisolated(unsafe) private static let current = ThreadSpecificVariable<Binding>()

    static var csrfToken: (@Sendable () -> String)? { current.currentValue?.csrfToken }

    static func drawing<T>(csrfToken: @escaping @Sendable () -> String, _ body: () -> T) -> T {
        let outer = current.currentValue
        current.currentValue = Binding(csrfToken)
        defer { current.currentValue = outer }
        return body()
    }
}
