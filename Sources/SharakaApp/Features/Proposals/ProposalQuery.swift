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

    /// The visitor's starting key, spread over the keys' whole range (0 ..< 2³¹−1).
    static func startKey(seed: Int) -> Int { Int((UInt64(truncatingIfNeeded: seed) &* 48_271) % 2_147_483_647) }
}
