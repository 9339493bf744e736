import SharakaCore
import Vapor

/// The fields of a participatory process as typed in the form.
struct ProcessForm {
    static let titles = MultilingualField(base: "title", atLeastOne: true, length: 5...200) { lang in
        switch lang { case .ar: .fieldTitleAr; case .fr: .fieldTitleFr; case .en: .fieldTitleEn; case .zgh: .fieldTitleZgh }
    }
    static let summaries = MultilingualField(base: "summary", languages: [.ar, .fr], length: 0...600, multiline: true) { $0 == .ar ? .fieldSummaryAr : .fieldSummaryFr }
    static let descriptions = MultilingualField.descriptions(length: 0...8000)

    var title = LocalizedText()
    var summary = LocalizedText()
    var description = LocalizedText()
    var scope: [String] = []
    var organiser: String?
    var contact = ""
    var hashtag = ""
    var status = ProcessStatus.draft.rawValue

    init() {}

    init(_ p: ParticipatoryProcess) {
        title = p.title; summary = p.summary; description = p.description; scope = p.scope
        organiser = p.$organiser.id.uuidString; contact = p.contact; hashtag = p.hashtag; status = p.status
    }

    static func read(_ req: Request) -> ProcessForm {
        var f = ProcessForm()
        f.title = titles.read(req)
        f.summary = summaries.read(req)
        f.description = descriptions.read(req)
        f.scope = (try? req.content.get([String].self, at: "scope")) ?? []
        f.organiser = try? req.content.get(String.self, at: "organiser")
        f.contact = ((try? req.content.get(String.self, at: "contact")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        f.hashtag = ((try? req.content.get(String.self, at: "hashtag")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            .trimmingCharacters(in: CharacterSet(charactersIn: "#"))
        f.status = (try? req.content.get(String.self, at: "status")) ?? ProcessStatus.draft.rawValue
        return f
    }

    func validate(_ t: Localizer, provinces: Set<String>, organisers: Set<String>, currentStatus: ProcessStatus?) -> [String: String] {
        var errors = Self.titles.validate(title, t)
            .merging(Self.summaries.validate(summary, t)) { a, _ in a }
            .merging(Self.descriptions.validate(description, t)) { a, _ in a }
        if !Set(scope).isSubset(of: provinces) { errors["scope"] = t.problem(.unknownChoice) }
        if !organisers.contains(organiser ?? "") { errors["organiser"] = t.problem(.unknownChoice) }
        if let p = AccountRules.checkText(contact, length: 0...200, required: false) { errors["contact"] = t.problem(p, max: 200) }
        if hashtag.count > 50 || !hashtag.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { errors["hashtag"] = t(.errHashtag) }
        if let next = ProcessStatus(rawValue: status) {
            if let currentStatus, next != currentStatus, !currentStatus.canMove(to: next) { errors["status"] = t(.errStatusMove) }
            if currentStatus == nil && next != .draft && next != .published { errors["status"] = t(.errStatusMove) }
        } else {
            errors["status"] = t.problem(.unknownChoice)
        }
        return errors
    }

    func apply(to p: ParticipatoryProcess) {
        p.title = title; p.summary = summary; p.description = description
        p.scope = scope.sorted(); p.contact = contact; p.hashtag = hashtag
        p.$organiser.id = UUID(uuidString: organiser!)!
        let next = ProcessStatus(rawValue: status)!
        if next == .published && p.publishedAt == nil { p.publishedAt = Date() }
        p.status = next.rawValue
    }
}

/// A phase as typed in the form.
struct PhaseForm {
    static let names = MultilingualField(base: "phase_name", languages: [.ar, .fr], atLeastOne: true, length: 2...120) { $0 == .ar ? .fieldNameAr : .fieldNameFr }

    var kind: String?
    var name = LocalizedText()
    var starts = ""
    var ends = ""

    static func read(_ req: Request) -> PhaseForm {
        PhaseForm(kind: try? req.content.get(String.self, at: "kind"), name: names.read(req),
                  starts: (try? req.content.get(String.self, at: "starts")) ?? "", ends: (try? req.content.get(String.self, at: "ends")) ?? "")
    }

    /// Checks the fields and that the new phase fits the calendar of the existing ones.
    func validate(_ t: Localizer, existing: [PhaseWindow]) -> (errors: [String: String], window: PhaseWindow?) {
        var errors = Self.names.validate(name, t)
        let kind = PhaseKind(rawValue: kind ?? "")
        if kind == nil { errors["kind"] = t.problem(.unknownChoice) }
        let s = Day(iso: starts), e = Day(iso: ends)
        if s == nil { errors["starts"] = t(.errDate) }
        if e == nil { errors["ends"] = t(.errDate) }
        guard let kind, let s, let e else { return (errors, nil) }
        let window = PhaseWindow(kind: kind, starts: s, ends: e)
        if e < s { errors["ends"] = t(.errEndsBeforeStart) }
        else if existing.contains(where: { $0.starts <= e && s <= $0.ends }) { errors["starts"] = t(.errPhaseOverlap) }
        return (errors, errors.isEmpty ? window : nil)
    }
}
