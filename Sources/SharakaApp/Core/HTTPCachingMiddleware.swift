import SharakaCore
import Vapor

/// Validators for what everyone sees alike: an anonymous GET answered 200 gets a strong ETag
/// (a hash of the body, so it changes exactly when the bytes do) and `Cache-Control:
/// public, no-cache` (keep it, but ask each time) — `private` on the first visit, whose
/// answer sets the language cookie, which shared caches must not hand on. A request that
/// already holds that version gets 304 with no body. Anything personal — a session cookie
/// sent or set, an API token — stays `private, no-store`.
struct HTTPCachingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let revalidated = Self.fromPageCache(request) { return revalidated }
        let response = try await next.respond(to: request)
        // A handler that set its own caching (health checks, static assets, stored files,
        // the OpenAPI document) knows best.
        guard response.headers.first(name: .cacheControl) == nil else { return response }
        let session = request.application.sessions.configuration.cookieName
        let personal = request.cookies[session] != nil || request.headers.bearerAuthorization != nil
            || response.headers[.setCookie].contains { $0.hasPrefix(session + "=") }
        guard !personal, request.method == .GET || request.method == .HEAD, response.status == .ok,
              let tag = response.headers.first(name: .eTag) ?? response.body.buffer.map(PageCache.etag)
        else {
            response.headers.replaceOrAdd(name: .cacheControl, value: personal ? "private, no-store" : "no-store")
            return response
        }
        var headers = response.headers
        headers.replaceOrAdd(name: .eTag, value: tag)
        headers.replaceOrAdd(name: .cacheControl, value: headers[.setCookie].isEmpty ? "public, no-cache" : "private, no-cache")
        headers.replaceOrAdd(name: .vary, value: "Accept-Encoding")
        if Self.matches(request.headers[.ifNoneMatch], tag) {
            headers.remove(name: .contentLength)
            return Response(status: .notModified, headers: headers)
        }
        response.headers = headers
        return response
    }

    /// A revalidation of a page the page cache holds fresh is answered here, before the
    /// session, the account, routing and the page's own middleware: the stored ETag is the
    /// one the handler would give, and the answer has no body. Everything else goes on.
    static func fromPageCache(_ request: Request) -> Response? {
        let ifNoneMatch = request.headers[.ifNoneMatch]
        guard !ifNoneMatch.isEmpty, request.method == .GET, request.headers.bearerAuthorization == nil,
              request.cookies[request.application.sessions.configuration.cookieName] == nil,
              let entry = request.application.pageCache.fresh(PageCacheMiddleware.key(request)),
              let tag = entry.headers.first(name: .eTag), matches(ifNoneMatch, tag)
        else { return nil }
        var headers = entry.headers
        headers.remove(name: .contentLength)
        headers.remove(name: .contentEncoding)
        let response = Response(status: .notModified, headers: headers)
        // As LocaleMiddleware would: a page under /xx/ remembers its language.
        if let first = request.url.path.split(separator: "/").first, let language = Language(rawValue: String(first)) {
            LocaleMiddleware.remember(language, from: request, in: response)
        }
        response.headers.replaceOrAdd(name: .cacheControl, value: response.headers[.setCookie].isEmpty ? "public, no-cache" : "private, no-cache")
        response.headers.replaceOrAdd(name: .vary, value: "Accept-Encoding")
        return response
    }

    /// `If-None-Match` holds a list of tags, possibly weak (`W/"…"`, as compressing proxies
    /// rewrite them), or `*`.
    static func matches(_ values: [String], _ tag: String) -> Bool {
        let bare = tag.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        for value in values {
            for candidate in value.split(separator: ",") {
                var c = candidate.trimmingCharacters(in: .whitespaces)
                if c == "*" { return true }
                if c.hasPrefix("W/") { c.removeFirst(2) }
                if c.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) == bare { return true }
            }
        }
        return false
    }
}
