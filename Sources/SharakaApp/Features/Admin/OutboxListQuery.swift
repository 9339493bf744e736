import Foundation
import SQLKit

/// One e-mail as the administrators' outbox shows it; the text only where nothing sends it.
struct OutboxItem: Sendable, Decodable {
    let created_at: Date
    let recipient: String
    let subject: String
    let status: String
    let last_error: String?
    let body: String?
}

/// The outbox, newest first, a page at a time.
enum OutboxListQuery {
    static func page(offset: Int, limit: Int, withText: Bool, on db: any SQLDatabase) async throws -> (items: [OutboxItem], total: Int) {
        let total = try await db.raw("SELECT COUNT(*) AS n FROM outbox").first()?.decode(column: "n", as: Int.self) ?? 0
        let body: SQLQueryString = withText ? "body" : "NULL AS body"
        let items = try await db.raw("""
            SELECT created_at, recipient, subject, status, last_error, \(body) FROM outbox
            ORDER BY created_at DESC, id LIMIT \(literal: limit) OFFSET \(literal: offset)
            """).all(decoding: OutboxItem.self)
        return (items, total)
    }
}
