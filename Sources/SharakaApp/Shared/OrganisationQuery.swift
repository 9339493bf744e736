import Foundation
import SharakaCore
import SQLKit

/// An organisation as lists and its page show it.
struct OrganisationItem: Sendable {
    let id: UUID
    let name: LocalizedText
    let sector: Sector
    let provinceCode: String?
    let provinceName: LocalizedText?
    let website: String
    let description: LocalizedText
}

/// Organisations read for the public directory, the administrators' list and the API: a
/// count and a page in alphabetical order (by the normalised name) of those matching a
/// sector and a text, the province joined; or one organisation with its members counted.
enum OrganisationQuery {
    private struct Row: Decodable {
        let id: UUID, name: LocalizedText, sector: String, province_code: String?, province_name: LocalizedText?
        let website: String, description: LocalizedText
    }

    private static let columns: SQLQueryString = """
        o.id, o.name, o.sector, o.province_code, pv.name AS province_name, o.website, o.description
        FROM organisations o LEFT JOIN provinces pv ON pv.code = o.province_code
        """

    static func page(sector: Sector?, text: String, offset: Int, limit: Int, on db: any SQLDatabase) async throws -> (items: [OrganisationItem], total: Int) {
        var match: SQLQueryString = "1 = 1"
        if let sector { match = "\(match) AND o.sector = \(bind: sector.rawValue)" }
        if !text.isEmpty {
            // The name search of the directory: a substring of the normalised name, with the
            // pattern's own wildcards taken literally.
            let pattern = LikePattern.containing(ArabicText.normalised(String(text.lowercased().prefix(100))))
            match = "\(match) AND o.search_text LIKE \(bind: pattern) ESCAPE '\\'"
        }
        let total = try await db.raw("SELECT COUNT(*) AS n FROM organisations o WHERE \(match)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw("""
            SELECT \(columns) WHERE \(match) ORDER BY o.search_text, o.id LIMIT \(unsafeRaw: String(limit)) OFFSET \(unsafeRaw: String(offset))
            """).all(decoding: Row.self)
        return (rows.map(item), total)
    }

    static func one(_ id: UUID, on db: any SQLDatabase) async throws -> (item: OrganisationItem, members: Int)? {
        guard let row = try await db.raw("SELECT \(columns) WHERE o.id = \(bind: id)").first(decoding: Row.self) else { return nil }
        let members = try await db.raw("SELECT COUNT(*) AS n FROM memberships WHERE organisation_id = \(bind: id)").first()?.decode(column: "n", as: Int.self) ?? 0
        return (item(row), members)
    }

    private static func item(_ r: Row) -> OrganisationItem {
        OrganisationItem(id: r.id, name: r.name, sector: Sector(rawValue: r.sector) ?? .association, provinceCode: r.province_code,
                         provinceName: r.province_name, website: r.website, description: r.description)
    }
}
