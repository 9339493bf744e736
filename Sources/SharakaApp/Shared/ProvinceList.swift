import SharakaCore
import SQLKit

/// A province or prefecture as pages and forms show it.
struct ProvinceItem: Sendable {
    let code: String
    let name: LocalizedText
    let kind: String
    let population: Int
}

/// The region's provinces, read in one statement: filters, forms and scopes all need the
/// same short list.
enum ProvinceList {
    enum Order { case code, population }

    static func all(on db: any SQLDatabase, order: Order = .code) async throws -> [ProvinceItem] {
        let sort: SQLQueryString = order == .code ? "code" : "population DESC, code"
        return try await db.raw("SELECT code, name, kind, population FROM provinces ORDER BY \(sort)")
            .all(decoding: Row.self).map { ProvinceItem(code: $0.code, name: $0.name, kind: $0.kind, population: $0.population) }
    }

    /// Names by code, for pages that show stored codes.
    static func names(on db: any SQLDatabase) async throws -> [String: LocalizedText] {
        Dictionary(uniqueKeysWithValues: try await all(on: db).map { ($0.code, $0.name) })
    }

    private struct Row: Decodable { let code: String, name: LocalizedText, kind: String, population: Int }
}
