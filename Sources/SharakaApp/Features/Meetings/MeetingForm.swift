import SharakaCore
import Vapor

/// The fields of a meeting as typed in the form.
struct MeetingForm {
    static let titles = MultilingualField(base: "title", languages: [.ar, .fr], atLeastOne: true, length: 5...200) { $0 == .ar ? .fieldTitleAr : .fieldTitleFr }
    static let descriptions = MultilingualField.descriptions(length: 0...5000)
    static let termsFields = MultilingualField(base: "terms", languages: [.ar, .fr], length: 0...3000, multiline: true) {
        $0 == .ar ? .fieldRegistrationTermsAr : .fieldRegistrationTermsFr
    }

    var title = LocalizedText()
    var description = LocalizedText()
    var kind = MeetingKind.inPerson.rawValue
    var address = ""
    var link = ""
    var starts = ""
    var ends = ""
    var capacity = "30"
    var registrationOpen = true
    var terms = LocalizedText()
    var organiser: String?

    init() {}

    init(_ m: Meeting) {
        title = m.title; description = m.description; kind = m.kind; address = m.address; link = m.link
        starts = MoroccoTime.format(m.startsAt); ends = MoroccoTime.format(m.endsAt); capacity = String(m.capacity)
        registrationOpen = m.registrationOpen; terms = m.terms; organiser = m.$organiser.id.uuidString
    }

    static func read(_ req: Request) -> MeetingForm {
        func field(_ k: String) -> String { ((try? req.content.get(String.self, at: k)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var f = MeetingForm()
        f.title = titles.read(req)
        f.description = descriptions.read(req)
        f.kind = field("kind"); f.address = field("address"); f.link = field("link")
        f.starts = field("starts"); f.ends = field("ends"); f.capacity = field("capacity")
        f.registrationOpen = field("registration_open") == "yes"
        f.terms = termsFields.read(req)
        f.organiser = field("organiser")
        return f
    }

    func validate(_ t: Localizer, organisers: Set<String>, process: Timeline? = nil) -> [String: String] {
        var errors = Self.titles.validate(title, t).merging(Self.descriptions.validate(description, t)) { a, _ in a }
        let k = MeetingKind(rawValue: kind)
        if k == nil { errors["kind"] = t.problem(.unknownChoice) }
        if let p = AccountRules.checkText(address, length: 0...300, required: k?.needsAddress == true) { errors["address"] = t.problem(p, max: 300) }
        if k?.needsLink == true || !link.isEmpty {
            if link.isEmpty { errors["link"] = t.problem(.required) }
            else if !(link.hasPrefix("https://") || link.hasPrefix("http://")) || link.count > 500 || link.contains(" ") { errors["link"] = t(.errInvalidURL) }
        }
        let s = MoroccoTime.parse(starts), e = MoroccoTime.parse(ends)
        if s == nil { errors["starts"] = t(.errDate) }
        if e == nil { errors["ends"] = t(.errDate) }
        if let s, let e, let p = MeetingRules.checkTimes(starts: s, ends: e) {
            errors["ends"] = p == .endsBeforeStart ? t(.errEndsBeforeStart) : t(.errMeetingTooLong)
        }
        if let s, let e, errors["ends"] == nil, let process, !MeetingRules.liesWithin(process, starts: s, ends: e) {
            errors["starts"] = t(.errMeetingOutsideProcess)
        }
        if let n = Int(capacity), MeetingRules.capacityRange.contains(n) {} else { errors["capacity"] = t(.errNumber) }
        errors.merge(Self.termsFields.validate(terms, t)) { a, _ in a }
        let written = Set(Language.allCases.filter { !(title[$0] ?? "").isEmpty || !(description[$0] ?? "").isEmpty })
        for missing in MeetingRules.termsMissing(in: Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, terms[$0] ?? "") }), written: written)
        where Self.termsFields.languages.contains(missing) {
            errors[Self.termsFields.key(missing)] = errors[Self.termsFields.key(missing)] ?? t(.errTermsLanguage)
        }
        if !organisers.contains(organiser ?? "") { errors["organiser"] = t.problem(.unknownChoice) }
        return errors
    }

    func apply(to m: Meeting) {
        m.title = title; m.description = description; m.kind = kind; m.address = address; m.link = link
        m.startsAt = MoroccoTime.parse(starts)!; m.endsAt = MoroccoTime.parse(ends)!
        m.capacity = Int(capacity)!; m.registrationOpen = registrationOpen
        m.termsText = terms; m.registrationTerms = Language.allCases.compactMap { terms[$0] }.first { !$0.isEmpty } ?? ""
        m.$organiser.id = UUID(uuidString: organiser!)!
    }
}
