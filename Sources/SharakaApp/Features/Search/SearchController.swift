import Fluent
import SQLKit
import SharakaCore
import Vapor

/// Full-text search across what the public can read.
enum SearchController {
    static let maxQueryLength = 200

    @Sendable static func show(req: Request) async throws -> Response {
        let raw = String(((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(maxQueryLength))
        let kind = (try? req.query.get(String.self, at: "type")).flatMap(SearchKind.init(rawValue:))
        let processID = (try? req.query.get(String.self, at: "process")).flatMap(UUID.init(uuidString:))
        let page = PageRequest(page: try? req.query.get(Int.self, at: "page"), per: 20)
        let terms = SearchText.queryTerms(raw)
        let sql = req.db as! any SQLDatabase
        let found = try await SearchQuery(terms: terms, kind: kind, processID: processID).run(page: page, on: sql)
        struct ProcessRow: Decodable { let id: UUID, title: LocalizedText }
        let processes = try await sql.raw("SELECT id, title FROM processes WHERE status <> \(bind: ProcessStatus.draft.rawValue) ORDER BY created_at DESC")
            .all(decoding: ProcessRow.self).map { ($0.id, $0.title) }
        return await req.render(SearchPages.results(req.t, .init(
            query: raw, terms: terms, kind: kind, processID: processID, processes: processes, found: found, page: page)))
    }
}
