import Fluent
import Vapor

/// Queues an e-mail. Callers pass their transaction's database so that the
/// message exists if and only if the change that caused it was committed.
enum Outbox {
    static func enqueue(to recipient: String, subject: String, body: String, on db: any Database) async throws {
        try await OutboxMessage(recipient: recipient, subject: subject, body: body).create(on: db)
    }
}
