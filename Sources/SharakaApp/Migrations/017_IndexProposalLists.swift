import Fluent
import SQLKit

/// Indexes that serve each order of the public proposal list straight from the index:
/// the list always filters on the process and on "not hidden", then sorts. Measured in
/// bench/RESULTS.md (20,000 proposals): the count went from a table scan to an index
/// count, and the "most supported" page from a sort of every row to an index walk.
struct IndexProposalLists: AsyncMigration {
    static let orders = ["random_key", "supports_count, created_at", "comments_count, created_at", "created_at"]

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for (i, columns) in Self.orders.enumerated() {
            try await sql.raw("CREATE INDEX proposals_list_\(unsafeRaw: String(i)) ON proposals (process_id, hidden_at, \(unsafeRaw: columns))").run()
        }
        // A proposal page lists what was merged into it and the workshops it came from.
        try await sql.raw("CREATE INDEX proposals_merged_into ON proposals (merged_into_id)").run()
        try await sql.raw("CREATE INDEX meeting_proposals_proposal ON meeting_proposals (proposal_id)").run()
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for i in Self.orders.indices { try await sql.raw("DROP INDEX proposals_list_\(unsafeRaw: String(i))").run() }
        try await sql.raw("DROP INDEX proposals_merged_into").run()
        try await sql.raw("DROP INDEX meeting_proposals_proposal").run()
    }
}
