import Vapor

/// Headers that make injected markup inert and keep the site out of foreign frames.
/// No inline script or style is allowed: every page must work within that.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let h = response.headers
        var headers = h
        headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "strict-origin-when-cross-origin")
        headers.replaceOrAdd(name: "X-Frame-Options", value: "SAMEORIGIN")
        headers.replaceOrAdd(name: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()")
        // Over https (directly, or behind a trusted proxy that says so) browsers are told to
        // never come back over plain http.
        if request.isHTTPS {
            headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        response.headers = headers
        return response
    }
}

extension Request {
    /// Whether the browser reached us over TLS: the public URL is https, or a trusted proxy says so.
    var isHTTPS: Bool {
        if settings.configuredPublicURL?.hasPrefix("https://") == true { return true }
        return settings.trustProxy && headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }
}
