import Foundation

/// Reads action plans' commitments from CSV, in the columns of OGP's published
/// commitment lists (`plan,id,title_en,title_fr,title_ar,lead_institution,start,end,
/// policy_area,ogp_values,source_url,summary`, others ignored) and, optionally, the plans
/// file (`plan,member,period,source_url`). Every row is checked before anything is
/// imported; the errors name their line.
public enum CommitmentImport {
    public struct Plan: Equatable, Sendable {
        public var name: String
        public var member: String
        public var periodStart: Int
        public var periodEnd: Int
        public var sourceURL: String
    }

    public struct Row: Equatable, Sendable {
        public var plan: String
        public var reference: String
        public var titles: [Language: String]
        public var leadBody: String
        public var starts: Day
        public var ends: Day
        public var values: [OGPValue]
        public var theme: ProposalTheme
        public var summary: String
        public var sourceURL: String
    }

    /// Every problem found, each naming its line.
    public struct Problems: Error, Equatable, Sendable {
        public let messages: [String]
    }

    public static let requiredColumns = ["plan", "id", "lead_institution", "start", "end", "policy_area", "ogp_values", "source_url", "summary"]

    public static func read(commitments: [[String]], plans planRows: [[String]]? = nil) -> Result<([Plan], [Row]), Problems> {
        var errors: [String] = []
        var plans: [String: Plan] = [:]
        if let planRows, let header = planRows.first {
            let col = columns(header)
            for name in ["plan", "member", "period"] where col[name] == nil { errors.append("plans file: missing column \(name)") }
            if errors.isEmpty {
                for (i, r) in planRows.dropFirst().enumerated() {
                    func v(_ k: String) -> String { col[k].flatMap { $0 < r.count ? r[$0].trimmingCharacters(in: .whitespaces) : nil } ?? "" }
                    guard let period = years(v("period")) else { errors.append("plans file, line \(i + 2): no period (YYYY-YYYY)"); continue }
                    plans[v("plan")] = Plan(name: v("plan"), member: v("member"), periodStart: period.0, periodEnd: period.1, sourceURL: v("source_url"))
                }
            }
        }
        guard let header = commitments.first else { return .failure(Problems(messages: ["the file is empty"])) }
        let col = columns(header)
        for name in requiredColumns where col[name] == nil { errors.append("missing column \(name)") }
        if col["title_en"] == nil && col["title_fr"] == nil && col["title_ar"] == nil { errors.append("missing column title_en, title_fr or title_ar") }
        guard errors.isEmpty else { return .failure(Problems(messages: errors)) }

        var rows: [Row] = []
        var seen: Set<String> = []
        for (i, r) in commitments.dropFirst().enumerated() {
            let line = i + 2
            func v(_ k: String) -> String { col[k].flatMap { $0 < r.count ? r[$0].trimmingCharacters(in: .whitespacesAndNewlines) : nil } ?? "" }
            var problems: [String] = []
            let planName = v("plan"), reference = v("id")
            if planName.isEmpty { problems.append("no plan") }
            if !(2...30).contains(reference.count) || !reference.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }) {
                problems.append("id '\(reference)' is not a reference (2–30 Latin letters, digits, dashes)")
            }
            if !seen.insert(planName + "\u{0}" + reference).inserted { problems.append("id \(reference) appears twice in \(planName)") }
            var titles: [Language: String] = [:]
            for lang in [Language.en, .fr, .ar] { let t = v("title_\(lang.rawValue)"); if !t.isEmpty { titles[lang] = t } }
            if titles.isEmpty { problems.append("no title") }
            if titles.values.contains(where: { $0.count > 300 }) { problems.append("title longer than 300 characters") }
            if v("summary").count > 8000 { problems.append("summary longer than 8000 characters") }
            let plan = plans[planName] ?? years(planName).map { Plan(name: planName, member: "", periodStart: $0.0, periodEnd: $0.1, sourceURL: "") }
            if plan == nil && !planName.isEmpty { problems.append("plan '\(planName)' has no period: add it to the plans file or name it …YYYY-YYYY") }
            let starts = v("start").isEmpty ? plan.flatMap { Day(year: $0.periodStart, month: 1, day: 1) } : day(v("start"), end: false)
            let ends = v("end").isEmpty ? plan.flatMap { Day(year: $0.periodEnd, month: 12, day: 31) } : day(v("end"), end: true)
            if starts == nil && !v("start").isEmpty { problems.append("start '\(v("start"))' is not YYYY-MM or YYYY-MM-DD") }
            if ends == nil && !v("end").isEmpty { problems.append("end '\(v("end"))' is not YYYY-MM or YYYY-MM-DD") }
            if let starts, let ends, ends < starts { problems.append("ends before it starts") }
            let url = v("source_url")
            if !url.isEmpty && !(url.hasPrefix("https://") || url.hasPrefix("http://")) { problems.append("source_url is not a web address") }
            if !problems.isEmpty {
                errors.append("line \(line): " + problems.joined(separator: "; "))
                continue
            }
            if let plan, plans[planName] == nil { plans[planName] = plan }
            rows.append(Row(plan: planName, reference: reference, titles: titles,
                            leadBody: v("lead_institution").isEmpty ? (plan?.member ?? planName) : v("lead_institution"),
                            starts: starts!, ends: ends!, values: values(v("ogp_values")), theme: theme(v("policy_area")),
                            summary: v("summary"), sourceURL: url))
        }
        guard errors.isEmpty else { return .failure(Problems(messages: errors)) }
        let used = Set(rows.map(\.plan))
        return .success((plans.values.filter { used.contains($0.name) }.sorted { $0.name < $1.name }, rows))
    }

    private static func columns(_ header: [String]) -> [String: Int] {
        Dictionary(header.enumerated().map { ($1.trimmingCharacters(in: .whitespaces).lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The first two four-digit years in a text: "2025-2027 (end Jun 2027)", "Morocco NAP 2018-2020".
    static func years(_ text: String) -> (Int, Int)? {
        let found = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { (1990...2100).contains($0) }
        guard found.count >= 2, found[0] <= found[1] else { return nil }
        return (found[0], found[1])
    }

    /// "2025-04" is the first (start) or last (end) day of that month; "2025-04-15" itself.
    static func day(_ text: String, end: Bool) -> Day? {
        if let d = Day(iso: text) { return d }
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let first = Day(year: y, month: m, day: 1) else { return nil }
        guard end else { return first }
        let next = m == 12 ? Day(year: y + 1, month: 1, day: 1)! : Day(year: y, month: m + 1, day: 1)!
        return next.adding(days: -1)
    }

    /// OGP's value names as written on its pages.
    static func values(_ text: String) -> [OGPValue] {
        let t = text.lowercased()
        var out: [OGPValue] = []
        if t.contains("access to information") { out.append(.accessToInformation) }
        if t.contains("participation") { out.append(.civicParticipation) }
        if t.contains("public accountability") || t.range(of: "(^|;)\\s*accountability", options: .regularExpression) != nil { out.append(.publicAccountability) }
        if t.contains("technology") { out.append(.technologyInnovation) }
        return out
    }

    /// The first OGP policy area that matches one of Sharaka's themes.
    static func theme(_ text: String) -> ProposalTheme {
        let t = text.lowercased()
        if t.contains("fiscal") || t.contains("budget") { return .fiscalTransparency }
        if t.contains("open data") { return .openData }
        if t.contains("corruption") || t.contains("integrity") { return .antiCorruption }
        if t.contains("justice") { return .accessToJustice }
        if t.contains("environment") || t.contains("climate") { return .environment }
        if t.contains("public service") { return .publicServices }
        return .other
    }
}
