import SharakaCore
import Vapor

/// The organisation form: names and descriptions in any of the four languages (at least one name).
struct OrganisationForm: Content {
    var name_ar: String?
    var name_fr: String?
    var name_en: String?
    var name_zgh: String?
    var description_ar: String?
    var description_fr: String?
    var sector: String?
    var province: String?
    var website: String?

    init(name_ar: String? = nil, name_fr: String? = nil, name_en: String? = nil, name_zgh: String? = nil,
         description_ar: String? = nil, description_fr: String? = nil, sector: String? = nil, province: String? = nil, website: String? = nil) {
        self.name_ar = name_ar; self.name_fr = name_fr; self.name_en = name_en; self.name_zgh = name_zgh
        self.description_ar = description_ar; self.description_fr = description_fr
        self.sector = sector; self.province = province; self.website = website
    }

    init(_ org: Organisation) {
        self.init(name_ar: org.name[.ar], name_fr: org.name[.fr], name_en: org.name[.en], name_zgh: org.name[.zgh],
                  description_ar: org.description[.ar], description_fr: org.description[.fr],
                  sector: org.sector, province: org.provinceCode, website: org.website)
    }

    var name: LocalizedText { LocalizedText([.ar: name_ar ?? "", .fr: name_fr ?? "", .en: name_en ?? "", .zgh: name_zgh ?? ""]) }
    var description: LocalizedText { LocalizedText([.ar: description_ar ?? "", .fr: description_fr ?? ""]) }

    func validate(_ t: Localizer, provinces: Set<String>) -> [String: String] {
        var errors: [String: String] = [:]
        let names: [(String, String?)] = [("name_ar", name_ar), ("name_fr", name_fr), ("name_en", name_en), ("name_zgh", name_zgh)]
        for (field, value) in names {
            if let p = AccountRules.checkText(value ?? "", length: 2...200, required: false) { errors[field] = t.problem(p, min: 2, max: 200) }
        }
        if name.isEmpty { errors["name_ar"] = t(.errOneNameRequired) }
        for (field, value) in [("description_ar", description_ar), ("description_fr", description_fr)] {
            if let p = AccountRules.checkText(value ?? "", length: 0...2000, required: false) { errors[field] = t.problem(p, max: 2000) }
        }
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
