import Vapor

/// Whatever a request queued for notification (a comment, a moderation decision, a place on a
/// workshop) is fanned out once its handler is done, so after its transactions committed;
/// audited writes already deliver theirs right after their own commit.
struct NotificationDeliveryMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Reading changes nothing, and must not cost a statement.
        guard request.method != .GET, request.method != .HEAD else { return try await next.respond(to: request) }
        // `req.db` takes the request's logger: the events its handler emits are marked its own.
        let owner = UUID().uuidString
        request.logger[metadataKey: NotificationQueue.ownerKey] = .string(owner)
        return try await NotificationQueue.delivering(request.application, owner: owner) { try await next.respond(to: request) }
    }
}
