import Fluent
import FluentSQL
import SharakaCore
import Vapor

/// The filters and orders of a process's proposal list, read from the query string.
/// Unknown values are ignored rather than refused, so a shared link never breaks.
struct ProposalListFilter: Sendable {
    enum Sort: String, CaseIterable, Sendable { case random, supported, commented, newest }

    var value: OGPValue?
    var theme: ProposalTheme?
    var province: String?
    /// A sector family, or "citizen" for people writing in their own name.
    var family: String?
    /// An answer state, or "unanswered".
    var answer: String?
    var sort: Sort = .random

    init() {}

    init(_ req: Request) {
        func q(_ k: String) -> String? { (try? req.query.get(String.self, at: k)).flatMap { $0.isEmpty ? nil : String($0.prefix(64)) } }
        value = q("value").flatMap(OGPValue.init(rawValue:))
        theme = q("theme").flatMap(ProposalTheme.init(rawValue:))
        province = q("province")
        family = q("sector").flatMap { s in s == "citizen" || Sector.Family(rawValue: s) != nil ? s : nil }
        answer = q("answer")
        sort = q("sort").flatMap(Sort.init(rawValue:)) ?? .random
    }

    /// Query string of this filter with another page or sort, for links.
    func query(page: Int? = nil, sort: Sort? = nil) -> String {
        var parts: [String] = []
        if let value { parts.append("value=\(value.rawValue)") }
        if let theme { parts.append("theme=\(theme.rawValue)") }
        if let province { parts.append("province=\(province.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        if let family { parts.append("sector=\(family)") }
        if let answer { parts.append("answer=\(answer.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        parts.append("sort=\((sort ?? self.sort).rawValue)")
        if let page { parts.append("page=\(page)") }
        return "?" + parts.joined(separator: "&")
    }

    /// The filters, without an order.
    func apply(to query: QueryBuilder<Proposal>) -> QueryBuilder<Proposal> {
        var q = query
        if let value { q = q.filter(\.$ogpValue == value.rawValue) }
        if let theme { q = q.filter(\.$theme == theme.rawValue) }
        if let province { q = q.filter(\.$provinceCode == province) }
        if let family {
            if family == "citizen" {
                q = q.filter(\.$organisation.$id == nil)
            } else {
                let sectors = Sector.allCases.filter { $0.family.rawValue == family }.map(\.rawValue)
                q = q.join(Organisation.self, on: \Proposal.$organisation.$id == \Organisation.$id).filter(Organisation.self, \.$sector ~~ sectors)
            }
        }
        if let answer {
            q = answer == "unanswered" ? q.filter(\.$answerState == nil) : q.filter(\.$answerState == answer)
        }
        return q
    }

    /// One page of the filtered list and the filtered total. Tie-breakers run in the same
    /// direction as the main order so that an index on (…, order, created_at) serves it.
    func page(_ base: QueryBuilder<Proposal>, seed: Int, page: PageRequest) async throws -> (total: Int, rows: [Proposal]) {
        let filtered = apply(to: base)
        // COUNT(process_id), not COUNT(id): the id is not in the list indexes (SQLite keeps
        // rowids there), so counting it reads every row; process_id is NOT NULL and indexed.
        let total = try await filtered.copy().count(\.$process.$id)
        let range = page.offset..<(page.offset + page.per)
        switch sort {
        case .supported:
            return (total, try await filtered.sort(\.$supportsCount, .descending).sort(\.$createdAt, .descending).with(\.$author).with(\.$organisation).range(range).all())
        case .commented:
            return (total, try await filtered.sort(\.$commentsCount, .descending).sort(\.$createdAt, .descending).with(\.$author).with(\.$organisation).range(range).all())
        case .newest:
            return (total, try await filtered.sort(\.$createdAt, .descending).with(\.$author).with(\.$organisation).range(range).all())
        case .random:
            // Every proposal got a uniform random key when written; a visitor's seed picks a
            // starting key and the list runs from there in key order, wrapping round. Stable
            // for one visitor, different between visitors, and read along an index instead
            // of sorting every row by a computed expression.
            let start = Self.startKey(seed: seed)
            let after = try await filtered.copy().filter(\.$randomKey >= start).sort(\.$randomKey).sort(\.$id)
                .with(\.$author).with(\.$organisation).range(range).all()
            guard after.count < page.per else { return (total, after) }
            let countAfter = after.isEmpty ? try await filtered.copy().filter(\.$randomKey >= start).count(\.$process.$id) : page.offset + after.count
            let from = max(0, page.offset - countAfter), need = page.per - after.count
            let before = try await filtered.copy().filter(\.$randomKey < start).sort(\.$randomKey).sort(\.$id)
                .with(\.$author).with(\.$organisation).range(from..<(from + need)).all()
            return (total, after + before)
        }
    }

    /// The visitor's starting key, spread over the keys' whole range (0 ..< 2³¹−1).
    static func startKey(seed: Int) -> Int { Int((UInt64(truncatingIfNeeded: seed) &* 48_271) % 2_147_483_647) }
}
