import Fluent
import SharakaCore
import Vapor

/// Region identity: names in the four languages, contact, logo.
enum AdminRegionController {
    struct RegionForm: Content {
        var name_ar: String?
        var name_fr: String?
        var name_en: String?
        var name_zgh: String?
        var contact_email: String?
        var contact_phone: String?
        var address: String?
        var logo: File?
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        try req.require(.editRegionSettings)
        guard let region = try await Region.query(on: req.db).first() else { throw Abort(.notFound) }
        let form = RegionForm(name_ar: region.name[.ar], name_fr: region.name[.fr], name_en: region.name[.en], name_zgh: region.name[.zgh],
                              contact_email: region.contactEmail, contact_phone: region.contactPhone, address: region.address)
        return await req.render(page(req.t, form: form, logo: region.logoSHA256, errors: [:], actor: req.role,
                                     provinces: try await Province.query(on: req.db).sort(\.$code).all()))
    }

    struct ProvinceForm: Content {
        var name_ar: String?
        var name_fr: String?
        var name_en: String?
        var name_zgh: String?
        var population: String?
    }

    /// Names of a prefecture or province in the four languages, and its population.
    @Sendable static func updateProvince(req: Request) async throws -> Response {
        try req.require(.editRegionSettings)
        guard let id = req.parameters.get("id", as: UUID.self), let province = try await Province.find(id, on: req.db) else { throw Abort(.notFound) }
        let form = try req.content.decode(ProvinceForm.self)
        let t = req.t
        var errors: [String: String] = [:]
        let names: [(String, String?)] = [("name_ar", form.name_ar), ("name_fr", form.name_fr), ("name_en", form.name_en), ("name_zgh", form.name_zgh)]
        for (field, value) in names {
            if let p = AccountRules.checkText(value ?? "", length: 2...120, required: field == "name_ar" || field == "name_fr") {
                errors["\(field)-\(province.code)"] = t.problem(p, min: 2, max: 120)
            }
        }
        let population = Int((form.population ?? "").trimmingCharacters(in: .whitespaces))
        if population == nil || population! < 0 || population! > 50_000_000 { errors["population-\(province.code)"] = t(.errNumber) }
        guard let region = try await Region.query(on: req.db).first() else { throw Abort(.notFound) }
        if !errors.isEmpty {
            let regionForm = RegionForm(name_ar: region.name[.ar], name_fr: region.name[.fr], name_en: region.name[.en], name_zgh: region.name[.zgh],
                                        contact_email: region.contactEmail, contact_phone: region.contactPhone, address: region.address)
            let provinces = try await Province.query(on: req.db).sort(\.$code).all().map { p -> Province in
                if p.id == province.id { p.name = LocalizedText([.ar: form.name_ar ?? "", .fr: form.name_fr ?? "", .en: form.name_en ?? "", .zgh: form.name_zgh ?? ""]) }
                return p
            }
            return await req.render(page(t, form: regionForm, logo: region.logoSHA256, errors: errors, actor: req.role, provinces: provinces, status: .unprocessableEntity))
        }
        province.name = LocalizedText([.ar: form.name_ar ?? "", .fr: form.name_fr ?? "", .en: form.name_en ?? "", .zgh: form.name_zgh ?? ""])
        province.population = population!
        try await province.save(on: req.db)
        req.application.homeFacts.invalidate()
        req.flash(t(.saved))
        return req.redirect(to: SiteURL.adminRegion.path(req.language) + "#province-\(province.code)")
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try req.require(.editRegionSettings)
        guard let region = try await Region.query(on: req.db).first() else { throw Abort(.notFound) }
        let form = try req.content.decode(RegionForm.self)
        let t = req.t
        var errors: [String: String] = [:]
        let names: [(String, String?)] = [("name_ar", form.name_ar), ("name_fr", form.name_fr), ("name_en", form.name_en), ("name_zgh", form.name_zgh)]
        for (field, value) in names {
            if let p = AccountRules.checkText(value ?? "", length: 2...150, required: field == "name_ar") { errors[field] = t.problem(p, min: 2, max: 150) }
        }
        if let e = form.contact_email, !e.isEmpty, let p = AccountRules.checkEmail(e) { errors["contact_email"] = t.problem(p) }
        if let p = AccountRules.checkText(form.contact_phone ?? "", length: 0...40, required: false) { errors["contact_phone"] = t.problem(p, max: 40) }
        if let p = AccountRules.checkText(form.address ?? "", length: 0...300, required: false) { errors["address"] = t.problem(p, max: 300) }
        var logoSHA = region.logoSHA256
        if errors.isEmpty, let logo = form.logo, logo.data.readableBytes > 0 {
            do {
                let stored = try await req.application.fileStore.store(Data(buffer: logo.data), originalName: logo.filename,
                    allowed: [.png, .jpeg, .webp, .gif], maxBytes: 2 * 1024 * 1024, on: req.db)
                logoSHA = stored.id
            } catch let e as FileUploadError {
                errors["logo"] = switch e {
                case .empty: t.problem(.required)
                case .tooLarge: t(.errFileTooLarge, ["max": "2 MB"])
                case .typeNotAllowed: t(.errFileType)
                }
            }
        }
        if !errors.isEmpty {
            return await req.render(page(t, form: form, logo: region.logoSHA256, errors: errors, actor: req.role,
                                         provinces: try await Province.query(on: req.db).sort(\.$code).all(), status: .unprocessableEntity))
        }
        region.name = LocalizedText([.ar: form.name_ar ?? "", .fr: form.name_fr ?? "", .en: form.name_en ?? "", .zgh: form.name_zgh ?? ""])
        region.contactEmail = (form.contact_email ?? "").trimmingCharacters(in: .whitespaces)
        region.contactPhone = (form.contact_phone ?? "").trimmingCharacters(in: .whitespaces)
        region.address = (form.address ?? "").trimmingCharacters(in: .whitespaces)
        region.logoSHA256 = logoSHA
        try await region.save(on: req.db)
        req.application.regionCache.invalidate()
        req.application.homeFacts.invalidate()
        req.flash(t(.saved))
        return req.redirect(to: SiteURL.adminRegion.path(req.language))
    }

    static func page(_ t: Localizer, form: RegionForm, logo: String?, errors: [String: String], actor: Role,
                     provinces: [Province], status: HTTPStatus = .ok) -> Page {
        Page(title: t(.adminRegionTitle), content: H.group([
            AdminNav.node(t, actor: actor),
            H.h1(t(.adminRegionTitle)),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.el("form", [.action(SiteURL.adminRegion.path(t.language)), .postMethod, .cls("stack"), .attr("enctype", "multipart/form-data")], [
                CSRFField(),
                FormField.input("name_ar", label: t(.fieldNameAr), value: form.name_ar ?? "", error: errors["name_ar"], required: true, extra: [.lang("ar"), .dir("rtl")]),
                FormField.input("name_fr", label: t(.fieldNameFr), value: form.name_fr ?? "", error: errors["name_fr"], extra: [.lang("fr"), .dir("ltr")]),
                FormField.input("name_en", label: t(.fieldNameEn), value: form.name_en ?? "", error: errors["name_en"], extra: [.lang("en"), .dir("ltr")]),
                FormField.input("name_zgh", label: t(.fieldNameZgh), value: form.name_zgh ?? "", error: errors["name_zgh"], extra: [.lang("zgh"), .dir("ltr")]),
                FormField.input("contact_email", label: t(.fieldContactEmail), value: form.contact_email ?? "", type: "email", error: errors["contact_email"]),
                FormField.input("contact_phone", label: t(.fieldContactPhone), value: form.contact_phone ?? "", type: "tel", error: errors["contact_phone"]),
                FormField.input("address", label: t(.fieldAddress), value: form.address ?? "", error: errors["address"]),
                logo.map { H.p([], H.void("img", [.attr("src", SiteURL.file($0)), .attr("alt", t(.fieldLogo)), .attr("width", "80"), .attr("height", "80")])) } ?? H.empty,
                FormField.input("logo", label: t(.fieldLogo), type: "file", error: errors["logo"], hint: t(.logoHint), extra: [.attr("accept", "image/png,image/jpeg,image/webp,image/gif")]),
                H.button(t(.save)),
            ]),
            H.h2(t(.homeProvinces)),
            H.group(provinces.map { provinceForm(t, $0, errors: errors) }),
        ]), status: status)
    }

    static func provinceForm(_ t: Localizer, _ p: Province, errors: [String: String]) -> HNode {
        let code = p.code
        return H.el("form", [.id("province-\(code)"), .action(SiteURL.adminProvince(p.id!).path(t.language)), .postMethod, .cls("stack")], [
            H.el("fieldset", [], [
                H.el("legend", [], [H.text("\(t.text(p.name)) (\(code))")]),
                CSRFField(),
                FormField.input("name_ar", label: t(.fieldNameAr), value: p.name[.ar] ?? "", error: errors["name_ar-\(code)"], idSuffix: code, extra: [.lang("ar"), .dir("rtl")]),
                FormField.input("name_fr", label: t(.fieldNameFr), value: p.name[.fr] ?? "", error: errors["name_fr-\(code)"], idSuffix: code, extra: [.lang("fr"), .dir("ltr")]),
                FormField.input("name_en", label: t(.fieldNameEn), value: p.name[.en] ?? "", error: errors["name_en-\(code)"], idSuffix: code, extra: [.lang("en"), .dir("ltr")]),
                FormField.input("name_zgh", label: t(.fieldNameZgh), value: p.name[.zgh] ?? "", error: errors["name_zgh-\(code)"], idSuffix: code, extra: [.lang("zgh"), .dir("ltr")]),
                FormField.input("population", label: t(.fieldPopulation), value: String(p.population), type: "number", error: errors["population-\(code)"], idSuffix: code, extra: [.attr("min", "0")]),
                H.button(t(.save)),
            ]),
        ])
    }
}
