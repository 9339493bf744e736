import Fluent
import NIOConcurrencyHelpers
import SharakaCore
import Vapor

/// The region's identity is on every page; reading it from the database each time
/// would double the queries of a simple page. Cached for a few seconds only, so
/// that an edit made through another instance shows up quickly everywhere.
struct RegionSnapshot: Sendable {
    let name: LocalizedText
    let logo: String?
    let isDemo: Bool

    static func load(_ db: any Database) async throws -> RegionSnapshot {
        let region = try await Region.query(on: db).first()
        return RegionSnapshot(name: region?.name ?? LocalizedText([.ar: "شراكة"]), logo: region?.logoSHA256, isDemo: region?.isDemo ?? false)
    }
}

extension Application {
    private struct RegionCacheKey: StorageKey { typealias Value = ShortLivedCache<RegionSnapshot> }

    var regionCache: ShortLivedCache<RegionSnapshot> {
        if let c = storage[RegionCacheKey.self] { return c }
        let c = ShortLivedCache<RegionSnapshot>(ttl: 10)
        storage[RegionCacheKey.self] = c
        return c
    }
}

extension Request {
    /// Context for rendering a page. `touchSession` is false for error pages, which must
    /// not fail again on a broken database.
    func pageContext(notice: String? = nil) async -> PageContext {
        let db = self.db
        let region = try? await application.regionCache.get { try await RegionSnapshot.load(db) }
        let lang = language
        let parts = url.path.split(separator: "/", omittingEmptySubsequences: true)
        let relative = parts.first.flatMap { Language(rawValue: String($0)) } != nil ? parts.dropFirst().joined(separator: "/") : ""
        let query = url.query.map { "?" + $0 } ?? ""
        var unread = 0
        if let user = currentUser {
            unread = (try? await Notification.query(on: db).filter(\.$user.$id == user.id!).filter(\.$readAt == nil).count()) ?? 0
        }
        return PageContext(
            language: lang, t: Localizer(lang),
            user: currentUser.map { .init(id: $0.id!, name: $0.name, role: $0.roleValue, unread: unread) },
            csrfToken: { CSRF.token(for: self) },
            relativePath: relative + (method == .GET ? query : ""),
            regionName: region.map { Localizer(lang).text($0.name) } ?? Localizer(lang)(.appName),
            regionLogo: region?.logo, isDemo: region?.isDemo ?? false,
            notice: notice ?? existingSession?.data["notice"].flatMap { n in session.data["notice"] = nil; return n },
            problem: existingSession?.data["problem"].flatMap { n in session.data["problem"] = nil; return n },
            publicURL: publicURL)
    }

    /// One-shot message shown on the next page (after a redirect).
    func flash(_ message: String) { if sessionsReady { session.data["notice"] = message } }

    /// A refusal told on the next page (after a redirect), drawn as an error, not as a notice.
    func flashProblem(_ message: String) { if sessionsReady { session.data["problem"] = message } }

    func render(_ page: Page) async -> Response { page.render(await pageContext()) }
}
