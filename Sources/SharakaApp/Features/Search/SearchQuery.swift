import Foundation
import SharakaCore
import SQLKit

/// One search result as the page shows it.
struct SearchHit: Sendable {
    let kind: SearchKind
    let id: UUID
    let parentKind: SearchKind?
    let parentID: UUID?
    let title: LocalizedText
    let body: LocalizedText
    let createdAt: Date
}

/// The read model of the search page: one statement counts the matches (up to the cap),
/// one reads the page of them, newest first — the index's order backwards, which the
/// index reads along (SQLite's FTS5 in rowid order, PostgreSQL along the primary key), so a
/// word found in half the documents costs no sort of them all. Identical on both engines.
struct SearchQuery: Sendable {
    let terms: [String]
    let kind: SearchKind?
    let processID: UUID?

    /// At most this many matches are counted and listed; the page says "more than" beyond.
    static let cap = 500

    struct Result: Sendable {
        /// Matches counted, at most `cap`.
        let total: Int
        let capped: Bool
        let hits: [SearchHit]
    }

    private struct Row: Decodable {
        let kind: String, target_id: UUID, parent_kind: String?, parent_id: UUID?, title: String, body: String, created_at: Date
    }

    func run(page: PageRequest, on sql: any SQLDatabase) async throws -> Result {
        guard !terms.isEmpty else { return Result(total: 0, capped: false, hits: []) }
        let (from, match, order) = clauses(sql)
        let n = try await sql.raw("SELECT COUNT(*) AS n FROM (SELECT 1 FROM \(from) WHERE \(match) LIMIT \(unsafeRaw: String(Self.cap + 1))) m")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let offset = page.offset
        guard n > 0, offset < min(n, Self.cap) else { return Result(total: min(n, Self.cap), capped: n > Self.cap, hits: []) }
        let limit = min(page.per, Self.cap - offset)
        let rows = try await sql.raw("""
            SELECT d.kind, d.target_id, d.parent_kind, d.parent_id, d.title, d.body, d.created_at FROM \(from)
            WHERE \(match) ORDER BY \(order) LIMIT \(unsafeRaw: String(limit)) OFFSET \(unsafeRaw: String(offset))
            """).all(decoding: Row.self)
        let decoder = JSONDecoder()
        let hits = try rows.compactMap { r -> SearchHit? in
            guard let kind = SearchKind(rawValue: r.kind) else { return nil }
            return SearchHit(kind: kind, id: r.target_id, parentKind: r.parent_kind.flatMap(SearchKind.init(rawValue:)), parentID: r.parent_id,
                             title: try decoder.decode(LocalizedText.self, from: Data(r.title.utf8)),
                             body: try decoder.decode(LocalizedText.self, from: Data(r.body.utf8)), createdAt: r.created_at)
        }
        return Result(total: min(n, Self.cap), capped: n > Self.cap, hits: hits)
    }

    /// Every query term must begin a word of the document: FTS5 prefix terms joined by AND on
    /// SQLite, a `tsquery` of prefixes joined by & on PostgreSQL (terms are letters and digits
    /// only, made by `SearchText.queryTerms`).
    private func clauses(_ sql: any SQLDatabase) -> (from: SQLQueryString, match: SQLQueryString, order: SQLQueryString) {
        var from: SQLQueryString, match: SQLQueryString, order: SQLQueryString
        if sql.dialect.name == "postgresql" {
            from = "search_documents d"
            match = "d.tsv @@ CAST(\(bind: terms.map { "'\($0)':*" }.joined(separator: " & ")) AS tsquery)"
            order = "d.seq DESC"
        } else {
            from = "search_fts JOIN search_documents d ON d.seq = search_fts.rowid"
            match = "search_fts MATCH \(bind: terms.map { "\"\($0)\"*" }.joined(separator: " AND "))"
            order = "search_fts.rowid DESC"
        }
        if let kind { match = match + SQLQueryString(" AND d.kind = ") + "\(bind: kind.rawValue)" }
        if let processID { match = match + SQLQueryString(" AND d.process_id = ") + "\(bind: processID)" }
        return (from, match, order)
    }
}
