import Foundation
import SharakaCore
import SQLKit

/// The proposals an official may pick from (to link to a commitment or to minutes, to merge):
/// those of the process still standing — published, not hidden, not merged away — by supports,
/// plus any already linked, so that a link made before a withdrawal can still be kept or
/// undone. One statement.
enum ProposalCandidates {
    struct Item: Sendable {
        let id: UUID
        let title: String
        let language: Language?
        let supports: Int
    }

    private struct Row: Decodable { let id: UUID, title: String, language: String, supports_count: Int }

    static func of(process: UUID, excluding: UUID? = nil, keeping linked: Set<UUID> = [], limit: Int = 500, on db: any SQLDatabase) async throws -> [Item] {
        var standing: SQLQueryString = "(status = \(bind: ProposalStatus.published.rawValue) AND hidden_at IS NULL AND merged_into_id IS NULL)"
        if !linked.isEmpty { standing = "(\(standing) OR id IN (\(binds: Array(linked))))" }
        var excluded: SQLQueryString = ""
        if let excluding { excluded = " AND id <> \(bind: excluding)" }
        let rows = try await db.raw("""
            SELECT id, title, language, supports_count FROM proposals
            WHERE process_id = \(bind: process) AND \(standing)\(excluded)
            ORDER BY supports_count DESC, created_at DESC, id LIMIT \(unsafeRaw: String(limit))
            """).all(decoding: Row.self)
        return rows.map { Item(id: $0.id, title: $0.title, language: Language(rawValue: $0.language), supports: $0.supports_count) }
    }
}

extension ProposalCandidates.Item {
    func option(_ t: Localizer) -> PickList.Option {
        PickList.Option(value: id.uuidString, label: title, language: language, detail: t.plural(.supportsCount, supports))
    }
}
