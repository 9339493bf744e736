import Fluent
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
        let hits = try await SearchIndex.search(terms, kind: kind, processID: processID, on: req.db)
        let processes = try await ParticipatoryProcess.query(on: req.db).filter(\.$status != ProcessStatus.draft.rawValue)
            .sort(\.$createdAt, .descending).all()
        return await req.render(SearchPages.results(req.t, .init(
            query: raw, terms: terms, kind: kind, processID: processID, processes: processes,
            hits: Array(hits.prefix(SearchIndex.cap)), capped: hits.count > SearchIndex.cap, page: page)))
    }
}
