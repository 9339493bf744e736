import Fluent
import SQLKit
import Vapor

enum HealthController {
    /// Liveness: the process answers. No database work, so a slow database does not get us restarted.
    @Sendable static func live(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: "ok"))
    }

    /// Readiness: the database answers a trivial query.
    @Sendable static func ready(req: Request) async throws -> Response {
        do {
            _ = try await (req.db as! any SQLDatabase).raw("SELECT 1 AS one").first()
            return Response(status: .ok, body: .init(string: "ready"))
        } catch {
            req.logger.warning("readyz: \(String(reflecting: error))")
            return Response(status: .serviceUnavailable, body: .init(string: "database unavailable"))
        }
    }
}
