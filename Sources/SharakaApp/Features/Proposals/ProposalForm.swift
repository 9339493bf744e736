import SharakaCore
import Vapor

/// A proposal as typed by its author.
struct ProposalForm {
    var title = ""
    var body = ""
    var language: String?
    var ogpValue: String?
    var theme: String?
    var province: String?
    var onBehalf: String?

    init(language: Language? = nil) { self.language = language?.rawValue }

    init(_ p: Proposal) {
        title = p.title; body = p.body; language = p.language; ogpValue = p.ogpValue; theme = p.theme
        province = p.provinceCode; onBehalf = p.$organisation.id?.uuidString
    }

    static func read(_ req: Request) -> ProposalForm {
        func field(_ k: String) -> String? { try? req.content.get(String.self, at: k) }
        var f = ProposalForm()
        f.title = (field("title") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        f.body = (field("body") ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        f.language = field("language"); f.ogpValue = field("ogp_value"); f.theme = field("theme")
        f.province = field("province").flatMap { $0.isEmpty ? nil : $0 }
        f.onBehalf = field("on_behalf").flatMap { $0.isEmpty ? nil : $0 }
        return f
    }

    func validate(_ t: Localizer, provinces: Set<String>, organisations: Set<String>) -> [String: String] {
        var errors: [String: String] = [:]
        if let p = ProposalRules.checkTitle(title) { errors["title"] = t.problem(p, min: ProposalRules.titleLength.lowerBound, max: ProposalRules.titleLength.upperBound) }
        if let p = ProposalRules.checkBody(body) { errors["body"] = t.problem(p, min: ProposalRules.bodyLength.lowerBound, max: ProposalRules.bodyLength.upperBound) }
        if Language(rawValue: language ?? "") == nil { errors["language"] = t.problem(.unknownChoice) }
        if OGPValue(rawValue: ogpValue ?? "") == nil { errors["ogp_value"] = t.problem(.unknownChoice) }
        if ProposalTheme(rawValue: theme ?? "") == nil { errors["theme"] = t.problem(.unknownChoice) }
        if let p = province, !provinces.contains(p) { errors["province"] = t.problem(.unknownChoice) }
        if let o = onBehalf, !organisations.contains(o) { errors["on_behalf"] = t.problem(.unknownChoice) }
        return errors
    }

    func apply(to p: Proposal) {
        p.title = title; p.body = body; p.language = language!; p.ogpValue = ogpValue!; p.theme = theme!
        p.provinceCode = province
        p.$organisation.id = onBehalf.flatMap(UUID.init(uuidString:))
        p.searchText = Proposal.searchText(title: title, body: body)
    }
}
