import SharakaCore
import Vapor

/// Looks at a request's shape before anything decodes it, and refuses with 400 (a page, or
/// problem details under /api) what would otherwise crash or poison something later:
/// a multipart body without a usable boundary (MultipartKit's precondition stops the whole
/// process), control characters in the path, query or text fields (PostgreSQL refuses NUL;
/// SQLite stores it and pages cut the text short), and a body cut short or too large.
struct RequestGuardMiddleware: AsyncMiddleware {
    /// Far below NIO's own limit (80 KB of head, past which it closes the connection without
    /// an answer), so that a long address or header block gets a proper status.
    static let maxURLBytes = 8 * 1024
    static let maxHeaderBytes = 32 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.url.string.utf8.count > Self.maxURLBytes { throw Abort(.uriTooLong) }
        if request.headers.reduce(0, { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }) > Self.maxHeaderBytes {
            throw Abort(.requestHeaderFieldsTooLarge)
        }
        if ControlCharacters.inPercentEncoded(request.url.path.utf8) || ControlCharacters.inPercentEncoded((request.url.query ?? "").utf8) {
            throw Abort(.badRequest, reason: "Control characters are not accepted in addresses.")
        }
        guard request.method != .GET, request.method != .HEAD else { return try await next.respond(to: request) }

        var boundary: String?
        if let type = request.headers.contentType, type.type == "multipart" {
            guard let b = type.parameters["boundary"], MultipartBoundary.isValid(b) else {
                throw Abort(.badRequest, reason: "A multipart body needs a boundary of 1 to 70 characters.")
            }
            boundary = b
        }
        // Read the whole body here, so that a client that stops sending gets a 400 and an
        // oversized one a 413, instead of an error in whichever handler reads it first.
        let body: ByteBuffer?
        do {
            body = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
        } catch let abort as any AbortError {
            throw abort
        } catch {
            throw Abort(.badRequest, reason: "The request body ended before its announced length.")
        }
        guard let body, body.readableBytes > 0 else { return try await next.respond(to: request) }

        let bytes = body.readableBytesView
        let forbidden: Bool
        switch request.headers.contentType {
        case .some(let t) where t.type == "multipart":
            let all = Array(bytes)
            forbidden = MultipartBoundary.textParts(all, boundary: boundary!).contains { ControlCharacters.inRaw(all[$0]) }
        case .some(let t) where t.type == "application" && (t.subType == "json" || t.subType.hasSuffix("+json")):
            forbidden = ControlCharacters.inJSON(bytes)
        default:
            forbidden = ControlCharacters.inPercentEncoded(bytes)
        }
        if forbidden { throw Abort(.badRequest, reason: "Control characters (other than tab and new line) are not accepted in text.") }
        return try await next.respond(to: request)
    }
}

/// The last word on every answer's headers: no header with CR, LF or NUL leaves the server,
/// whatever a handler put in it. Vapor 4 builds its HTTP/1 pipeline without NIO's
/// `NIOHTTPResponseHeadersValidator` and offers no hook to add it, so it is done here.
struct ResponseHeaderGuardMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let bad = response.headers.filter { !Self.isValidName($0.name) || !Self.isValidValue($0.value) }
        guard !bad.isEmpty else { return response }
        request.logger.error("refused to send invalid response headers: \(bad.map(\.name))")
        let safe = Response(status: .internalServerError, body: .init(string: "Internal Server Error"))
        safe.headers.contentType = .plainText
        safe.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return safe
    }

    static func isValidValue(_ v: String) -> Bool {
        !v.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }
    }

    static func isValidName(_ n: String) -> Bool {
        !n.isEmpty && n.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "!#$%&'*+-.^_`|~".utf8.contains(b)
        }
    }
}
