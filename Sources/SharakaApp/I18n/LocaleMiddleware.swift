import SharakaCore
import Vapor

/// Reads the language from the URL prefix and remembers it in a cookie, so that
/// the bare root and error pages later answer in the same language.
struct LocaleMiddleware: AsyncMiddleware {
    static let cookieName = "sharaka_lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let code = request.parameters.get("lang"), let language = Language(rawValue: code) else {
            throw Abort(.notFound)
        }
        request.language = language
        let response = try await next.respond(to: request)
        Self.remember(language, from: request, in: response)
        return response
    }

    static func remember(_ language: Language, from request: Request, in response: Response) {
        if request.cookies[cookieName]?.string != language.rawValue {
            response.cookies[cookieName] = HTTPCookies.Value(
                string: language.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                isSecure: request.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
    }
}

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = Language }

    /// The page language: URL prefix first, then the cookie, then Accept-Language, then Arabic.
    var language: Language {
        get {
            if let l = storage[LanguageKey.self] { return l }
            if let first = url.path.split(separator: "/").first, let l = Language(rawValue: String(first)) { return l }
            return preferredLanguage
        }
        set { storage[LanguageKey.self] = newValue }
    }

    var preferredLanguage: Language {
        if let c = cookies[LocaleMiddleware.cookieName]?.string, let l = Language(rawValue: c) { return l }
        return Language.preferred(fromAcceptLanguage: headers.first(name: .acceptLanguage)) ?? .default
    }

    var t: Localizer { Localizer(language) }
}
