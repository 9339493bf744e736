import Fluent
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct AdminRegionTests {
    @Test(arguments: Engine.all)
    func regionSettingsAndProvinceNames(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "admin@example.ma", role: .administrator)
            let client = Client(app)
            try await client.login("admin@example.ma", lang: "fr")
            let page = try await client.get("/fr/admin/region")
            #expect(page.body.string.contains("Oujda-Angad (02.411)"))

            // region names: Arabic is required; a bad e-mail is refused; nothing changes
            var res = try await client.post("/fr/admin/region", ["name_ar": "", "name_fr": "Oriental", "contact_email": "pas-un-email"])
            #expect(res.status == .unprocessableEntity)
            #expect(try await Region.query(on: app.db).first()?.name[.fr] == "Région de l'Oriental")
            res = try await client.post("/fr/admin/region", ["name_ar": "جهة الشرق", "name_fr": "Région de l'Oriental", "name_zgh": "ⵜⴰⵎⵏⴰⴹⵜ ⵏ ⵓⴳⵎⵎⴰⴹ", "contact_phone": "+212 536 00 00 00"])
            #expect(res.status == .seeOther)
            #expect(try await Region.query(on: app.db).first()?.name[.zgh] == "ⵜⴰⵎⵏⴰⴹⵜ ⵏ ⵓⴳⵎⵎⴰⴹ")
            // the header shows the new name on the next page in Amazigh
            #expect(try await client.get("/zgh/").body.string.contains("ⵜⴰⵎⵏⴰⴹⵜ ⵏ ⵓⴳⵎⵎⴰⴹ"))

            // a province: bad population refused, then names in four languages saved
            let province = try #require(try await Province.query(on: app.db).filter(\.$code == "02.411").first())
            res = try await client.post("/fr/admin/region/provinces/\(province.id!)", ["name_ar": "وجدة-أنجاد", "name_fr": "Oujda-Angad", "population": "-3"])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains(Localizer(.fr)(.errNumber)))
            res = try await client.post("/fr/admin/region/provinces/\(province.id!)",
                                        ["name_ar": "عمالة وجدة-أنجاد", "name_fr": "Oujda-Angad", "name_en": "Oujda-Angad", "name_zgh": "ⵡⴻⵊⴷⴰ", "population": "572454"])
            #expect(res.status == .seeOther)
            let saved = try #require(try await Province.find(province.id, on: app.db))
            #expect(saved.name[.zgh] == "ⵡⴻⵊⴷⴰ" && saved.name[.ar] == "عمالة وجدة-أنجاد" && saved.population == 572_454)
            #expect(try await client.post("/fr/admin/region/provinces/\(UUID())", ["name_ar": "x"]).status == .notFound)
        }
    }
}
