import Fluent
import SharakaCore
import Vapor

/// Loads the signed-in account from the session. Blocked and deleted accounts are
/// signed out on their next request, whichever instance serves it.
struct CurrentUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
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
        cookies[application.sessions.configuration.cookieName] != nil || hasSession ? session : nil
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
            try await SessionRecord.query(on: db).filter(\.$key == old).delete()
        }
        session.id = nil
        session.data = SessionData()
        session.data["user_id"] = user.id?.uuidString
        session.data["csrf"] = CSRF.newToken()
    }
}
