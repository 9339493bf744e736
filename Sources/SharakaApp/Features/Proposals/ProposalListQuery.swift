import Foundation
import SharakaCore
import SQLKit
import Vapor

/// One proposal as the list shows it: what the card draws, nothing more.
struct ProposalListItem: Sendable, Equatable {
    let id: UUID
    let title: String
    let language: Language
    let createdAt: Date
    let supports: Int
    let comments: Int
    let withdrawn: Bool
    /// Nil when the author deleted their account.
    let authorName: String?
    let organisationName: LocalizedText?
}

/// The read model of a process's proposal list: one SQLKit statement for the page (the
/// proposal, its author's name and organisation's name joined) and one for the count, two
/// more at most when the random order wraps round — never more with more proposals.
struct ProposalListQuery: Sendable {
    let process: UUID
    let filter: ProposalListFilter

    struct Result: Sendable { let total: Int; let items: [ProposalListItem] }

    func run(on db: any SQLDatabase, seed: Int, page: PageRequest) async throws -> Result {
        let total = try await count(db)
        let range = page.offset..<(page.offset + page.per)
        switch filter.sort {
        case .supported: return .init(total: total, items: try await rows(db, order: [("p.supports_count", .descending), ("p.created_at", .descending)], range: range))
        case .commented: return .init(total: total, items: try await rows(db, order: [("p.comments_count", .descending), ("p.created_at", .descending)], range: range))
        case .newest: return .init(total: total, items: try await rows(db, order: [("p.created_at", .descending)], range: range))
        case .random:
            // Every proposal got a uniform random key when written; a visitor's seed picks a
            // starting key and the list runs from there in key order, wrapping round. Stable
            // for one visitor, different between visitors, and read along an index.
            let start = ProposalListFilter.startKey(seed: seed)
            let order: [(String, SQLDirection)] = [("p.random_key", .ascending), ("p.id", .ascending)]
            let after = try await rows(db, order: order, range: range, keyFrom: start)
            guard after.count < page.per else { return .init(total: total, items: after) }
            let countAfter = after.isEmpty ? try await count(db, keyFrom: start) : page.offset + after.count
            let from = max(0, page.offset - countAfter), need = page.per - after.count
            let before = try await rows(db, order: order, range: from..<(from + need), keyBelow: start)
            return .init(total: total, items: after + before)
        }
    }

    /// The filters as SQL; `family` joins the organisation's sector.
    private func filtered(_ select: SQLSelectBuilder, keyFrom: Int? = nil, keyBelow: Int? = nil) -> SQLSelectBuilder {
        var s = select.from(SQLAlias(SQLIdentifier(Proposal.schema), as: SQLIdentifier("p")))
            .where(SQLColumn("process_id", table: "p"), .equal, SQLBind(process))
            .where(SQLColumn("hidden_at", table: "p"), .is, SQLLiteral.null)
        if let v = filter.value { s = s.where(SQLColumn("ogp_value", table: "p"), .equal, SQLBind(v.rawValue)) }
        if let t = filter.theme { s = s.where(SQLColumn("theme", table: "p"), .equal, SQLBind(t.rawValue)) }
        if let p = filter.province { s = s.where(SQLColumn("province_code", table: "p"), .equal, SQLBind(p)) }
        if let family = filter.family {
            if family == "citizen" {
                s = s.where(SQLColumn("organisation_id", table: "p"), .is, SQLLiteral.null)
            } else {
                let sectors = Sector.allCases.filter { $0.family.rawValue == family }.map(\.rawValue)
                s = s.where(SQLColumn("organisation_id", table: "p"), .in, SQLGroupExpression(
                    SQLSubquery.select { $0.column("id").from(Organisation.schema).where("sector", .in, SQLBind.group(sectors)) }))
            }
        }
        if let answer = filter.answer {
            s = answer == "unanswered" ? s.where(SQLColumn("answer_state", table: "p"), .is, SQLLiteral.null)
                                       : s.where(SQLColumn("answer_state", table: "p"), .equal, SQLBind(answer))
        }
        if let k = keyFrom { s = s.where(SQLColumn("random_key", table: "p"), .greaterThanOrEqual, SQLBind(k)) }
        if let k = keyBelow { s = s.where(SQLColumn("random_key", table: "p"), .lessThan, SQLBind(k)) }
        return s
    }

    /// COUNT(process_id), not COUNT(*): the column is NOT NULL and in the list indexes, so
    /// the count reads the index only.
    private func count(_ db: any SQLDatabase, keyFrom: Int? = nil) async throws -> Int {
        let row = try await filtered(db.select().column(SQLFunction("COUNT", args: SQLColumn("process_id", table: "p")), as: "n"), keyFrom: keyFrom).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    private struct Row: Decodable {
        let id: UUID, title: String, language: String, created_at: Date, supports_count: Int, comments_count: Int, status: String
        let author_name: String, author_deleted_at: Date?, organisation_name: LocalizedText?
    }

    /// Tie-breakers run in the same direction as the main order, so that an index on
    /// (process, order…, created_at) serves it.
    private func rows(_ db: any SQLDatabase, order: [(String, SQLDirection)], range: Range<Int>, keyFrom: Int? = nil, keyBelow: Int? = nil) async throws -> [ProposalListItem] {
        guard !range.isEmpty else { return [] }
        var s = filtered(db.select()
            .column(SQLColumn("id", table: "p")).column(SQLColumn("title", table: "p")).column(SQLColumn("language", table: "p"))
            .column(SQLColumn("created_at", table: "p")).column(SQLColumn("supports_count", table: "p")).column(SQLColumn("comments_count", table: "p"))
            .column(SQLColumn("status", table: "p"))
            .column(SQLColumn("name", table: "u"), as: "author_name").column(SQLColumn("deleted_at", table: "u"), as: "author_deleted_at")
            .column(SQLColumn("name", table: "o"), as: "organisation_name"), keyFrom: keyFrom, keyBelow: keyBelow)
            .join(SQLAlias(SQLIdentifier(User.schema), as: SQLIdentifier("u")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "u"), .equal, SQLColumn("author_id", table: "p"))
            .join(SQLAlias(SQLIdentifier(Organisation.schema), as: SQLIdentifier("o")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "p"))
        for (column, direction) in order {
            let parts = column.split(separator: ".").map(String.init)
            s = s.orderBy(SQLColumn(parts[1], table: parts[0]), direction)
        }
        return try await s.limit(range.count).offset(range.lowerBound).all(decoding: Row.self).map { r in
            ProposalListItem(id: r.id, title: r.title, language: Language(rawValue: r.language) ?? .ar, createdAt: r.created_at,
                             supports: r.supports_count, comments: r.comments_count, withdrawn: r.status == ProposalStatus.withdrawn.rawValue,
                             authorName: r.author_deleted_at == nil ? r.author_name : nil, organisationName: r.organisation_name)
        }
    }
}
