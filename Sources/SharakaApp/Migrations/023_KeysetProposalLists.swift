import Fluent
import SQLKit

/// The sorted proposal lists page by keyset ("the rows after this one"), so every order ends
/// in the id as its last tie-breaker; the list indexes get the id as their last column, so
/// that the page after a cursor is an index range read in order, with no sort of ties.
struct KeysetProposalLists: AsyncMigration {
    static let orders = [1: "supports_count, created_at", 2: "comments_count, created_at", 3: "created_at"]

    func prepare(on db: any Database) async throws {
        try await recreate(db, suffix: ", id")
    }

    func revert(on db: any Database) async throws {
        try await recreate(db, suffix: "")
    }

    private func recreate(_ db: any Database, suffix: String) async throws {
        let sql = db as! any SQLDatabase
        for (i, columns) in Self.orders.sorted(by: { $0.key < $1.key }) {
            try await sql.raw("DROP INDEX proposals_list_\(unsafeRaw: String(i))").run()
            try await sql.raw("CREATE INDEX proposals_list_\(unsafeRaw: String(i)) ON proposals (process_id, \(unsafeRaw: columns + suffix)) WHERE hidden_at IS NULL").run()
        }
    }
}
