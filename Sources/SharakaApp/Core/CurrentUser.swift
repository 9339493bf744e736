import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Loads the signed-in account from the session. Blocked and deleted accounts are
/// signed out on their next request, whichever instance serves it.
struct CurrentUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.sessionsReady = true
        if let session = request.existingSession, let raw = session.data["user_id"], let id = UUID(uuidString: raw) {
            if let user = try await User.find(id, on: request.db), !user.isBlocked, !user.isDeleted {
                request.currentUser = user
            } else {
                session.data["user_id"] = nil
            }
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// The session only if the browser sent one. Touching `session` creates a session
    /// row, which anonymous page views must not do (one insert per visitor per page).
    var existingSession: Session? {
        guard sessionsReady else { return nil }
        return cookies[application.sessions.configuration.cookieName] != nil || hasSession ? session : nil
    }

    private struct SessionsReadyKey: StorageKey { typealias Value = Bool }

    /// Whether the sessions middleware has run for this request. Vapor's `session` traps
    /// without it, and an error answered by an outer middleware (a refused request shape,
    /// say) is drawn as a page before the sessions middleware was reached.
    var sessionsReady: Bool {
        get { storage[SessionsReadyKey.self] ?? false }
        set { storage[SessionsReadyKey.self] = newValue }
    }

    private struct CurrentUserKey: StorageKey { typealias Value = User }

    var currentUser: User? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    var role: Role { currentUser?.roleValue ?? .visitor }

    /// Throws 403 (or sends a visitor to the login page) unless the policy allows the action.
    func require(_ action: Action) throws {
        if Policy.allows(role, action) { return }
        if currentUser == nil && action != .register {
            // Come back here after signing in, unless "here" was a form post.
            let next = method == .GET ? "?next=" + (url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") : ""
            throw Abort.redirect(to: SiteURL.login.path(language) + next)
        }
        throw Abort(.forbidden)
    }

    func requireUser() throws -> User {
        guard let user = currentUser else {
            throw Abort.redirect(to: SiteURL.login.path(language))
        }
        return user
    }

    /// Starts a session under a new id: an id planted before sign-in (session fixation) dies here.
    func signIn(_ user: User) async throws {
        if let old = session.id {
            try await (db as! any SQLDatabase).raw("DELETE FROM sessions WHERE key = \(bind: old.string)").run()
        }
        if let id = user.id {
            try await (db as! any SQLDatabase).raw("UPDATE users SET last_sign_in_at = \(bind: Date()) WHERE id = \(bind: id)").run()
        }
        session.id = nil
        session.data = SessionData()
        session.data["user_id"] = user.id?.uuidString
        session.data["csrf"] = CSRF.newToken()
    }
}
