import Fluent
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct MyAccountTests {
    @Test(arguments: Engine.all)
    func changeProfileAndPassword(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let user = try await TestFixtures.user(app, email: "f@example.ma")
            let client = Client(app)
            try await client.login("f@example.ma")
            try await client.get("/ar/account")
            #expect(try await client.post("/ar/account/profile", ["name": "Nouveau Nom", "language": "fr", "province": "02.381"]).location == "/fr/account")
            let saved = try #require(try await User.find(user.id, on: app.db))
            #expect(saved.name == "Nouveau Nom" && saved.preferredLanguage == "fr" && saved.provinceCode == "02.381")
            // wrong current password: refused, nothing changed
            let bad = try await client.post("/fr/account/password", ["current_password": "nope", "new_password": "autre-secret-77", "new_password_confirmation": "autre-secret-77"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains(Localizer(.fr)(.errWrongPassword)))
            #expect(try await User.find(user.id, on: app.db)?.passwordHash == saved.passwordHash)
            #expect(try await client.post("/fr/account/password", ["current_password": TestFixtures.password, "new_password": "autre-secret-77", "new_password_confirmation": "autre-secret-77"]).status == .seeOther)
            #expect(try await User.find(user.id, on: app.db)?.passwordHash != saved.passwordHash)
        }
    }

    @Test(arguments: Engine.all)
    func exportMyData(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "g@example.ma", name: "Ghita")
            let client = Client(app)
            try await client.login("g@example.ma")
            let res = try await client.get("/ar/account/export")
            #expect(res.status == .ok)
            #expect(res.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let json = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as! [String: Any]
            #expect(json["email"] as? String == "g@example.ma")
            #expect(json["name"] as? String == "Ghita")
            #expect((json["loginAttempts"] as? [Any])?.isEmpty == false)
            // visitors are sent to the login page
            #expect(try await Client(app).get("/ar/account/export").status == .seeOther)
        }
    }

    @Test(arguments: Engine.all)
    func deleteMyAccountErasesPersonalData(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let user = try await TestFixtures.user(app, email: "h@example.ma", name: "Hamza")
            let org = Organisation(name: .init([.ar: "جمعية"]), sector: .association, provinceCode: nil)
            try await org.create(on: app.db)
            try await Membership(userID: user.id!, organisationID: org.id!, role: .member).create(on: app.db)
            let client = Client(app)
            try await client.login("h@example.ma")
            try await client.get("/ar/account")
            // without the confirmation box nothing happens
            let refused = try await client.post("/ar/account/delete", ["delete_password": TestFixtures.password])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await User.find(user.id, on: app.db)?.deletedAt == nil)
            #expect(try await client.post("/ar/account/delete", ["delete_password": TestFixtures.password, "confirm": "yes"]).status == .seeOther)
            let erased = try #require(try await User.find(user.id, on: app.db))
            #expect(erased.deletedAt != nil && erased.name.isEmpty && !erased.email.contains("h@example"))
            #expect(try await Membership.query(on: app.db).count() == 0)
            #expect(try await LoginAttempt.query(on: app.db).filter(\.$email == "h@example.ma").count() == 0)
            // signed out, and the old credentials no longer work
            #expect(try await client.get("/ar/account").status == .seeOther)
            try await client.get("/ar/login")
            #expect(try await client.post("/ar/login", ["email": "h@example.ma", "password": TestFixtures.password]).status == .unauthorized)
        }
    }
}
