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
    /// The visitor's seed for the random order: a cookie, not the session, so that reading
    /// the list creates nothing on the server (and the page cache keys on it).
    static let seedCookie = "sharaka_seed"

    let process: UUID
    let filter: ProposalListFilter

    struct Result: Sendable { let total: Int; let items: [ProposalListItem] }

    /// `after`: the last proposal of the previous page (a cursor), for the sorted orders; the
    /// page is then read from the index after it instead of skipping `page.offset` rows.
    func run(on db: any SQLDatabase, seed: Int, page: PageRequest, after: UUID? = nil) async throws -> Result {
        let total = try await count(db)
        let range = after == nil ? page.offset..<(page.offset + page.per) : 0..<page.per
        switch filter.sort {
        case .supported: return .init(total: total, items: try await rows(db, order: Self.keyOrder(.supported), range: range, after: after))
        case .commented: return .init(total: total, items: try await rows(db, order: Self.keyOrder(.commented), range: range, after: after))
        case .newest: return .init(total: total, items: try await rows(db, order: Self.keyOrder(.newest), range: range, after: after))
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

    /// The sorted orders, each ending in (created_at, id) descending: a total order, so the
    /// rows after a cursor are those whose key, as a row value, is below the cursor row's.
    static func keyOrder(_ sort: ProposalListFilter.Sort) -> [(String, SQLDirection)] {
        let tail: [(String, SQLDirection)] = [("p.created_at", .descending), ("p.id", .descending)]
        switch sort {
        case .supported: return [("p.supports_count", .descending)] + tail
        case .commented: return [("p.comments_count", .descending)] + tail
        case .newest, .random: return tail
        }
    }

    /// `order` applied to a select from `proposals p`, after the cursor's row when there is
    /// one: the rows whose key, as a row value, is below that row's own stored key (no value
    /// makes a round trip through Swift). Shared with the API's list.
    static func keyed(_ select: SQLSelectBuilder, order: [(String, SQLDirection)], after: UUID?) -> SQLSelectBuilder {
        var s = select
        let columns = order.map { String($0.0.split(separator: ".")[1]) }
        if let after {
            s = s.where(SQLBinaryExpression(SQLGroupExpression(SQLList(columns.map { SQLColumn($0, table: "p") })), .lessThan, SQLGroupExpression(
                SQLSubquery.select { $0.columns(columns.map { SQLColumn($0) }).from(Proposal.schema).where("id", .equal, SQLBind(after)) })))
        }
        for (column, (_, direction)) in zip(columns, order) { s = s.orderBy(SQLColumn(column, table: "p"), direction) }
        return s
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
    private func rows(_ db: any SQLDatabase, order: [(String, SQLDirection)], range: Range<Int>, keyFrom: Int? = nil, keyBelow: Int? = nil,
                      after: UUID? = nil) async throws -> [ProposalListItem] {
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
        s = Self.keyed(s, order: order, after: after)
        return try await s.limit(range.count).offset(range.lowerBound).all(decoding: Row.self).map { r in
            ProposalListItem(id: r.id, title: r.title, language: Language(rawValue: r.language) ?? .ar, createdAt: r.created_at,
                             supports: r.supports_count, comments: r.comments_count, withdrawn: r.status == ProposalStatus.withdrawn.rawValue,
                             authorName: r.author_deleted_at == nil ? r.author_name : nil, organisationName: r.organisation_name)
        }
    }
}
