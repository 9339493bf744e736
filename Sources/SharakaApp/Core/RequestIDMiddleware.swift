import Vapor

/// Echoes Vapor's request id so that a user's bug report can be matched with the log line.
struct RequestIDMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = Date()
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Request-Id", value: request.id)
        request.logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(request.url.path),
            "status": .stringConvertible(response.status.code),
            "ms": .stringConvertible(Int(Date().timeIntervalSince(start) * 1000)),
        ])
        return response
    }
}
