import Fluent
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct AdminOrganisationTests {
    @Test(arguments: Engine.all)
    func createEditAndManageMembers(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "admin@example.ma", role: .administrator)
            let member = try await TestFixtures.user(app, email: "member@example.ma", role: .citizen, name: "Karim")
            let client = Client(app)
            try await client.login("admin@example.ma", lang: "fr")
            try await client.get("/fr/admin/organisations/new")

            // refused: no name, unknown sector, bad website — nothing created, input kept
            let bad = try await client.post("/fr/admin/organisations", ["name_fr": "", "sector": "banque", "website": "ftp://x", "description_fr": "gardé"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains(Localizer(.fr)(.errOneNameRequired)) && bad.body.string.contains("gardé"))
            #expect(try await Organisation.query(on: app.db).count() == 0)

            // created
            let created = try await client.post("/fr/admin/organisations", ["name_ar": "جمعية الشفافية", "name_fr": "Association Transparence", "sector": "association", "province": "02.381", "website": "https://transparence.ma"])
            #expect(created.status == .seeOther)
            let org = try #require(try await Organisation.query(on: app.db).first())
            #expect(org.name[.ar] == "جمعية الشفافية" && org.provinceCode == "02.381" && org.sectorValue == .association)

            // edited
            try await client.get("/fr/admin/organisations/\(org.id!)")
            #expect(try await client.post("/fr/admin/organisations/\(org.id!)", ["name_fr": "Association Redevabilité", "sector": "association"]).status == .seeOther)
            #expect(try await Organisation.find(org.id, on: app.db)?.name[.fr] == "Association Redevabilité")

            // members: unknown e-mail refused; added once; citizen becomes organisation member; removed
            #expect(try await client.post("/fr/admin/organisations/\(org.id!)/members", ["email": "nobody@example.ma", "role": "member"]).status == .unprocessableEntity)
            #expect(try await client.post("/fr/admin/organisations/\(org.id!)/members", ["email": "MEMBER@example.ma", "role": "manager"]).status == .seeOther)
            #expect(try await client.post("/fr/admin/organisations/\(org.id!)/members", ["email": "member@example.ma", "role": "member"]).status == .unprocessableEntity)
            let membership = try #require(try await Membership.query(on: app.db).first())
            #expect(membership.role == "manager")
            // the role reads in the page's language, never as stored
            let members = try await client.get("/ar/admin/organisations/\(org.id!)").body.string
            #expect(members.contains("<td>\(Localizer(.ar)(.membershipManager))</td>") && !members.contains(">manager<"))
            #expect(try await User.find(member.id, on: app.db)?.roleValue == .organisationMember)
            #expect(try await client.get("/fr/organisations/\(org.id!)").body.string.contains("1 membre"))
            #expect(try await client.post("/fr/admin/organisations/\(org.id!)/members/\(UUID())/remove").status == .notFound)
            #expect(try await client.post("/fr/admin/organisations/\(org.id!)/members/\(membership.id!)/remove").status == .seeOther)
            #expect(try await Membership.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: Engine.all)
    func publicDirectoryFiltersSearchesAndPaginates(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            for i in 0..<25 { try await Organisation(name: .init([.ar: "جمعية رقم \(i)", .fr: "Association \(i)"]), sector: .association, provinceCode: nil).create(on: app.db) }
            try await Organisation(name: .init([.ar: "المؤسسة الجهوية"]), sector: .company, provinceCode: nil).create(on: app.db)
            let client = Client(app)
            let first = try await client.get("/fr/organisations")
            #expect(first.body.string.contains("26 organisations") && first.body.string.contains("rel=\"next\""))
            #expect(try await client.get("/fr/organisations?page=2").body.string.contains("rel=\"prev\""))
            #expect(try await client.get("/fr/organisations?sector=company").body.string.contains("1 organisation"))
            // Arabic search is normalised: hamza and taa marbuta variants match
            let search = try await client.get("/ar/organisations?q=\(Client.encode("الموسسه"))")
            #expect(search.body.string.contains("المؤسسة الجهوية"))
            let empty = try await client.get("/fr/organisations?q=zzzz")
            #expect(empty.body.string.contains(Localizer(.fr)(.organisationsEmpty)))
            // nonsense query parameters do not break the page; control characters are refused
            #expect(try await client.get("/fr/organisations?page=-4&sector=zz").status == .ok)
            #expect(try await client.get("/fr/organisations?page=-4&sector=%00").status == .badRequest)
            // a text only in Arabic says so on the French page
            #expect(try await client.get("/fr/organisations?sector=company").body.string.contains("(العربية)"))
        }
    }

    @Test(arguments: Engine.all)
    func usersAdminSearchesChangesRolesAndBlocks(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let admin = try await TestFixtures.user(app, email: "admin@example.ma", role: .administrator)
            let target = try await TestFixtures.user(app, email: "target@example.ma", name: "Yassine")
            try await TestFixtures.user(app, email: "mod@example.ma", role: .moderator)
            let client = Client(app)
            try await client.login("admin@example.ma", lang: "fr")
            let list = try await client.get("/fr/admin/users?q=yass")
            #expect(list.body.string.contains("target@example.ma") && !list.body.string.contains("mod@example.ma"))
            #expect(try await client.post("/fr/admin/users/\(target.id!)/role", ["role": "official"]).status == .seeOther)
            #expect(try await User.find(target.id, on: app.db)?.roleValue == .official)
            #expect(try await client.post("/fr/admin/users/\(target.id!)/role", ["role": "king"]).status == .unprocessableEntity)
            #expect(try await client.post("/fr/admin/users/\(admin.id!)/role", ["role": "citizen"]).status == .unprocessableEntity)
            #expect(try await User.find(admin.id, on: app.db)?.roleValue == .administrator)
            #expect(try await client.post("/fr/admin/users/\(target.id!)/block").status == .seeOther)
            #expect(try await User.find(target.id, on: app.db)?.isBlocked == true)
            #expect(try await client.post("/fr/admin/users/\(target.id!)/block").status == .seeOther)
            #expect(try await User.find(target.id, on: app.db)?.isBlocked == false)
            #expect(try await client.post("/fr/admin/users/\(UUID())/block").status == .notFound)

            // a moderator cannot block an administrator
            let mod = Client(app)
            try await mod.login("mod@example.ma", lang: "fr")
            #expect(try await mod.post("/fr/admin/users/\(admin.id!)/block").status == .forbidden)
            #expect(try await User.find(admin.id, on: app.db)?.isBlocked == false)
        }
    }
}
