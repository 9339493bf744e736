import Foundation
import SharakaCore

/// What a page uses to speak the user's language: strings, plurals, dates, numbers.
/// A key missing in the language falls back to French, then Arabic.
struct Localizer: Sendable {
    let language: Language

    init(_ language: Language) { self.language = language }

    func callAsFunction(_ key: L10nKey) -> String {
        for lang in language.fallbackChain {
            if case .text(let s)? = Catalogue.all[lang]?.entries[key.rawValue] { return s }
        }
        return key.rawValue
    }

    /// `t(.fieldTooLong, ["max": "150"])` fills `{max}`.
    func callAsFunction(_ key: L10nKey, _ values: [String: String]) -> String {
        Self.fill(self(key), values)
    }

    /// Fills `{name}` slots in one pass (a value is never re-read as a template). Foundation's
    /// replacingOccurrences, once per slot, was a visible share of a long page's render.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            if let v = values[String(rest[rest.index(after: open)..<close])] { out += v } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Counted string in the right plural form: "3 مقترحات", "11 مقترحا".
    func plural(_ key: PluralKey, _ count: Int) -> String {
        for lang in language.fallbackChain {
            guard case .plural(let forms)? = Catalogue.all[lang]?.entries[key.rawValue] else { continue }
            let category = PluralCategory.of(count, in: lang)
            if let form = forms[category.rawValue] ?? forms["other"] {
                return Self.fill(form, ["n": LocalFormat.integer(count, in: language)])
            }
        }
        return "\(count)"
    }

    func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Africa/Casablanca") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return LocalFormat.date(year: c.year!, month: c.month!, day: c.day!, in: language)
    }

    func number(_ n: Int) -> String { LocalFormat.integer(n, in: language) }

    /// The comma between items of a list: Arabic has its own ("،").
    var comma: String { language == .ar ? "، " : ", " }

    func list(_ items: [String]) -> String { items.joined(separator: comma) }

    /// A stored moment (UTC) as the reader's local date and time in Morocco.
    func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Africa/Casablanca") ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return LocalFormat.dateTime(year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!, in: language)
    }

    func monthYear(_ d: Day) -> String { LocalFormat.monthYear(year: d.year, month: d.month, in: language) }

    func day(_ d: Day) -> String { LocalFormat.date(year: d.year, month: d.month, day: d.day, in: language) }

    /// Message for a refused field.
    func problem(_ p: FieldProblem, min: Int? = nil, max: Int? = nil) -> String {
        let key: L10nKey = switch p {
        case .required: .errRequired
        case .tooShort: .errTooShort
        case .tooLong: .errTooLong
        case .invalidEmail: .errInvalidEmail
        case .passwordTooWeak: .errPasswordWeak
        case .passwordsDiffer: .errPasswordsDiffer
        case .unknownChoice: .errUnknownChoice
        case .alreadyTaken: .errEmailTaken
        }
        // Limits are lengths of text: counted with their noun in the form the number asks
        // for ("10 أحرف", "11 حرفا", "100 حرف"), not a number before a fixed word.
        return self(key, ["min": min.map { characters($0) } ?? "", "max": max.map { characters($0) } ?? ""])
    }

    /// "10 أحرف", "11 حرفا", "1 caractère".
    func characters(_ n: Int) -> String { plural(.charactersCount, n) }

    /// "From 10 to 150 characters", the noun agreeing with the upper bound.
    func lengthHint(_ min: Int, _ max: Int) -> String { self(.lengthHint, ["min": number(min), "max": characters(max)]) }

    func sector(_ s: Sector) -> String {
        switch s {
        case .regionalCouncil: self(.sectorRegionalCouncil)
        case .prefectureProvince: self(.sectorPrefectureProvince)
        case .deconcentratedAdministration: self(.sectorDeconcentrated)
        case .association: self(.sectorAssociation)
        case .company: self(.sectorCompany)
        case .academiaMedia: self(.sectorAcademiaMedia)
        }
    }

    func role(_ r: Role) -> String {
        switch r {
        case .visitor: self(.roleVisitor)
        case .citizen: self(.roleCitizen)
        case .organisationMember: self(.roleOrganisationMember)
        case .official: self(.roleOfficial)
        case .moderator: self(.roleModerator)
        case .reviewer: self(.roleReviewer)
        case .administrator: self(.roleAdministrator)
        }
    }

    /// A role in an organisation as stored (`member`, `manager`); anything else reads as member.
    func membership(_ raw: String) -> String {
        MembershipRole(rawValue: raw) == .manager ? self(.membershipManager) : self(.membershipMember)
    }

    func text(_ t: LocalizedText) -> String { t.resolve(for: language)?.text ?? "" }
}
