import Vapor

/// Newsrooms' notebooks and other sites' pages may read the public API from a browser:
/// GET and HEAD under /api/v1 answer `Access-Control-Allow-Origin: *`, errors included, so
/// that the caller can read the problem. Never with credentials — no cookie and no
/// `Authorization` header is allowed across origins — so a page elsewhere reads only what
/// anyone may read, and writes stay same-origin (or a token outside any browser).
struct PublicReadCORSMiddleware: AsyncMiddleware {
    static let allowedHeaders = "Accept, Accept-Language, If-None-Match"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.url.path.hasPrefix("/api/v1/") else { return try await next.respond(to: request) }
        if request.method == .OPTIONS, request.headers.first(name: "Access-Control-Request-Method") != nil {
            // A preflight: only reads, only the headers a read needs.
            let asked = request.headers.first(name: "Access-Control-Request-Method")?.uppercased() ?? ""
            let response = Response(status: asked == "GET" || asked == "HEAD" ? .noContent : .forbidden)
            if response.status == .noContent {
                response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
                response.headers.replaceOrAdd(name: "Access-Control-Allow-Methods", value: "GET, HEAD")
                response.headers.replaceOrAdd(name: "Access-Control-Allow-Headers", value: Self.allowedHeaders)
                response.headers.replaceOrAdd(name: "Access-Control-Max-Age", value: "86400")
            }
            return response
        }
        let response = try await next.respond(to: request)
        if request.method == .GET || request.method == .HEAD {
            response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
            response.headers.replaceOrAdd(name: "Access-Control-Expose-Headers", value: "ETag, Link, Retry-After")
        }
        return response
    }
}
