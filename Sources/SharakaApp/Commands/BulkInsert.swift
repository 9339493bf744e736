import SQLKit

/// Multi-row INSERTs for bulk loading: rows gather until the statement would pass the
/// engines' bind limit (SQLite 32,766, PostgreSQL 65,535), then go out as one statement.
struct BulkInsert {
    let db: any SQLDatabase
    let table: String
    let columns: [String]
    private var rows: [[any Encodable & Sendable]] = []
    private(set) var written = 0

    init(_ db: any SQLDatabase, into table: String, columns: [String]) {
        self.db = db; self.table = table; self.columns = columns
    }

    private var limit: Int { max(1, 30_000 / columns.count) }

    mutating func add(_ values: [any Encodable & Sendable]) async throws {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        rows.append(values)
        if rows.count >= limit { try await flush() }
    }

    mutating func flush() async throws {
        guard !rows.isEmpty else { return }
        var insert = db.insert(into: table).columns(columns)
        for row in rows { insert = insert.values(row.map { SQLBind($0) }) }
        try await insert.run()
        written += rows.count
        rows.removeAll(keepingCapacity: true)
    }
}
