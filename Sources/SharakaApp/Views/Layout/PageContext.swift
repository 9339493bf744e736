import SharakaCore
import Vapor

/// What every page needs to know about the request, built once per request.
struct PageContext: Sendable {
    let language: Language
    let t: Localizer
    let user: UserSummary?
    /// Creates the session's token on first use, so pages without forms create no session.
    let csrfToken: @Sendable () -> String
    /// Path of the current page below its language prefix, for the language switcher.
    let relativePath: String
    let regionName: String
    let regionLogo: String?
    let isDemo: Bool
    var notice: String?
    /// A refusal carried over a redirect, drawn in the error style.
    var problem: String? = nil
    /// For the absolute addresses a shared link's card needs.
    var publicURL: String = ""

    struct UserSummary: Sendable {
        let id: UUID
        let name: String
        let role: Role
        /// Unread notifications, shown beside the account link.
        let unread: Int
    }

    func url(_ u: SiteURL) -> String { u.path(language) }
}
