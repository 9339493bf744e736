import SharakaCore
import Vapor

/// The organisation form: names in any of the four languages (at least one), descriptions in Arabic and French.
struct OrganisationForm {
    static let names = MultilingualField.names(atLeastOne: true, length: 2...200)
    static let descriptions = MultilingualField.descriptions()

    var name = LocalizedText()
    var description = LocalizedText()
    var sector: String?
    var province: String?
    var website: String?

    init(name: LocalizedText = .init(), description: LocalizedText = .init(), sector: String? = nil, province: String? = nil, website: String? = nil) {
        self.name = name; self.description = description; self.sector = sector; self.province = province; self.website = website
    }

    init(_ org: Organisation) {
        self.init(name: org.name, description: org.description, sector: org.sector, province: org.provinceCode, website: org.website)
    }

    static func read(_ req: Request) -> OrganisationForm {
        OrganisationForm(name: names.read(req), description: descriptions.read(req),
                         sector: try? req.content.get(String.self, at: "sector"),
                         province: try? req.content.get(String.self, at: "province"),
                         website: try? req.content.get(String.self, at: "website"))
    }

    func validate(_ t: Localizer, provinces: Set<String>) -> [String: String] {
        var errors = Self.names.validate(name, t).merging(Self.descriptions.validate(description, t)) { a, _ in a }
        if Sector(rawValue: sector ?? "") == nil { errors["sector"] = t.problem(.unknownChoice) }
        if let p = province, !p.isEmpty, !provinces.contains(p) { errors["province"] = t.problem(.unknownChoice) }
        if let w = website, !w.trimmingCharacters(in: .whitespaces).isEmpty, SafeURL.http(w) == nil || w.count > 300 { errors["website"] = t(.errInvalidURL) }
        return errors
    }

    func apply(to org: Organisation) {
        org.name = name
        org.searchText = Organisation.searchText(for: name)
        org.description = description
        org.sector = sector!
        org.provinceCode = province.flatMap { $0.isEmpty ? nil : $0 }
        org.website = (website ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
