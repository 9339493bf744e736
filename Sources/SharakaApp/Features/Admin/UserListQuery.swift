import Foundation
import SharakaCore
import SQLKit

/// One account as the administrators' list shows it.
struct UserListItem: Sendable {
    let id: UUID
    let name: String
    let email: String
    let role: Role
    let signedUp: Date?
    let confirmed: Bool
    let blocked: Bool
    let lastSignIn: Date?
}

/// Accounts for the administrators' list: those not deleted, matching a text (name or
/// address) and a role, newest first, a page at a time.
enum UserListQuery {
    private struct Row: Decodable {
        let id: UUID, name: String, email: String, role: String, created_at: Date?
        let confirmed_at: Date?, blocked_at: Date?, last_sign_in_at: Date?
    }

    static func page(text: String, role: Role?, offset: Int, limit: Int, on db: any SQLDatabase) async throws -> (items: [UserListItem], total: Int) {
        var match: SQLQueryString = "deleted_at IS NULL"
        if !text.isEmpty {
            // lower() on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not.
            let like = LikePattern.containing(text.lowercased())
            match = "\(match) AND (lower(email) LIKE \(bind: like) ESCAPE '\\' OR lower(name) LIKE \(bind: like) ESCAPE '\\')"
        }
        if let role { match = "\(match) AND role = \(bind: role.rawValue)" }
        let total = try await db.raw("SELECT COUNT(*) AS n FROM users WHERE \(match)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw("""
            SELECT id, name, email, role, created_at, confirmed_at, blocked_at, last_sign_in_at FROM users
            WHERE \(match) ORDER BY created_at DESC, id LIMIT \(literal: limit) OFFSET \(literal: offset)
            """).all(decoding: Row.self)
        return (rows.map {
            UserListItem(id: $0.id, name: $0.name, email: $0.email, role: Role(rawValue: $0.role) ?? .citizen, signedUp: $0.created_at,
                         confirmed: $0.confirmed_at != nil, blocked: $0.blocked_at != nil, lastSignIn: $0.last_sign_in_at)
        }, total)
    }
}
