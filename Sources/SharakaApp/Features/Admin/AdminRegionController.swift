import Fluent
import SharakaCore
import Vapor

/// Region identity: names in the four languages, contact, logo.
enum AdminRegionController {
    static let regionNames = MultilingualField.names(required: [.ar], length: 2...150)
    static let provinceNames = MultilingualField.names(required: [.ar, .fr], length: 2...120)

    struct RegionForm {
        var name = LocalizedText()
        var contactEmail = ""
        var contactPhone = ""
        var address = ""
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        try req.require(.editRegionSettings)
        guard let region = try await Region.query(on: req.db).first() else { throw Abort(.notFound) }
        return await req.render(page(req.t, form: form(region), logo: region.logoSHA256, errors: [:], actor: req.role,
                                     provinces: try await Province.query(on: req.db).sort(\.$code).all()))
    }

    static func form(_ region: Region) -> RegionForm {
        RegionForm(name: region.name, contactEmail: region.contactEmail, contactPhone: region.contactPhone, address: region.address)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try req.require(.editRegionSettings)
        guard let region = try await Region.query(on: req.db).first() else { throw Abort(.notFound) }
        let t = req.t
        func field(_ key: String) -> String { ((try? req.content.get(String.self, at: key)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let form = RegionForm(name: regionNames.read(req), contactEmail: field("contact_email"), contactPhone: field("contact_phone"), address: field("address"))
        var errors = regionNames.validate(form.name, t)
        if !form.contactEmail.isEmpty, let p = AccountRules.checkEmail(form.contactEmail) { errors["contact_email"] = t.problem(p) }
        if let p = AccountRules.checkText(form.contactPhone, length: 0...40, required: false) { errors["contact_phone"] = t.problem(p, max: 40) }
        if let p = AccountRules.checkText(form.address, length: 0...300, required: false) { errors["address"] = t.problem(p, max: 300) }
        var logoSHA = region.logoSHA256
        if errors.isEmpty, let logo = try? req.content.get(File.self, at: "logo"), logo.data.readableBytes > 0 {
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
        region.name = form.name
        region.contactEmail = form.contactEmail
        region.contactPhone = form.contactPhone
        region.address = form.address
        region.logoSHA256 = logoSHA
        try await region.save(on: req.db)
        req.application.regionCache.invalidate()
        req.application.homeFacts.invalidate()
        req.flash(t(.saved))
        return req.redirect(to: SiteURL.adminRegion.path(req.language))
    }

    /// Names of a prefecture or province in the four languages, and its population.
    @Sendable static func updateProvince(req: Request) async throws -> Response {
        try req.require(.editRegionSettings)
        guard let id = req.parameters.get("id", as: UUID.self), let province = try await Province.find(id, on: req.db) else { throw Abort(.notFound) }
        guard let region = try await Region.query(on: req.db).first() else { throw Abort(.notFound) }
        let t = req.t
        let name = provinceNames.read(req)
        var errors = provinceNames.validate(name, t, suffix: "-\(province.code)")
        let population = Int(((try? req.content.get(String.self, at: "population")) ?? "").trimmingCharacters(in: .whitespaces))
        if population == nil || population! < 0 || population! > 50_000_000 { errors["population-\(province.code)"] = t(.errNumber) }
        if !errors.isEmpty {
            let provinces = try await Province.query(on: req.db).sort(\.$code).all().map { p -> Province in
                if p.id == province.id { p.name = name }
                return p
            }
            return await req.render(page(t, form: form(region), logo: region.logoSHA256, errors: errors, actor: req.role, provinces: provinces, status: .unprocessableEntity))
        }
        province.name = name
        province.population = population!
        try await province.save(on: req.db)
        req.application.homeFacts.invalidate()
        req.flash(t(.saved))
        return req.redirect(to: SiteURL.adminRegion.path(req.language) + "#province-\(province.code)")
    }

    static func page(_ t: Localizer, form: RegionForm, logo: String?, errors: [String: String], actor: Role,
                     provinces: [Province], status: HTTPStatus = .ok) -> Page {
        Page(title: t(.adminRegionTitle), content: H.group([
            AdminNav.node(t, actor: actor),
            H.h1(t(.adminRegionTitle)),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.el("form", [.action(SiteURL.adminRegion.path(t.language)), .postMethod, .cls("stack"), .attr("enctype", "multipart/form-data")], [
                CSRFField(),
                regionNames.inputs(t, value: form.name, errors: errors),
                FormField.input("contact_email", label: t(.fieldContactEmail), value: form.contactEmail, type: "email", error: errors["contact_email"]),
                FormField.input("contact_phone", label: t(.fieldContactPhone), value: form.contactPhone, type: "tel", error: errors["contact_phone"]),
                FormField.input("address", label: t(.fieldAddress), value: form.address, error: errors["address"]),
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
                provinceNames.inputs(t, value: p.name, errors: errors, idSuffix: code),
                FormField.input("population", label: t(.fieldPopulation), value: String(p.population), type: "number", error: errors["population-\(code)"], idSuffix: code, extra: [.attr("min", "0")]),
                H.button(t(.save)),
            ]),
        ])
    }
}
