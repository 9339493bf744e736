import Fluent
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct RegistrationTests {
    static let valid = ["name": "فاطمة الزهراء", "email": "Fatima@Example.ma", "password": "tres-secret-2025",
                        "password_confirmation": "tres-secret-2025", "language": "ar", "province": "02.411", "accept_terms": "yes"]

    @Test(arguments: Engine.all)
    func registerConfirmLoginLogout(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup
            let client = Client(app)
            try await client.get("/ar/register")

            // act: register
            let res = try await client.post("/ar/register", Self.valid)

            // check: account created unconfirmed, e-mail queued in the account's language
            #expect(res.status == .seeOther)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "fatima@example.ma").first())
            #expect(user.confirmedAt == nil)
            #expect(user.provinceCode == "02.411")
            let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "fatima@example.ma").first())
            #expect(mail.subject == Localizer(.ar)(.mailConfirmSubject))

            // an unconfirmed account cannot sign in
            var login = try await client.post("/ar/login", ["email": "fatima@example.ma", "password": "tres-secret-2025"])
            #expect(login.status == .forbidden)
            #expect(login.body.string.contains(Localizer(.ar)(.loginUnconfirmed)))

            // act: follow the link from the e-mail
            let token = try #require(mail.body.components(separatedBy: "token=").last?.components(separatedBy: .whitespacesAndNewlines).first)
            #expect(try await client.get("/ar/confirm?token=\(token)").status == .seeOther)
            #expect(try await User.find(user.id, on: app.db)?.confirmedAt != nil)
            // the link works once only
            #expect(try await client.get("/ar/confirm?token=\(token)").status == .badRequest)

            // act: sign in, see the account menu, sign out
            try await client.get("/ar/login")
            login = try await client.post("/ar/login", ["email": "FATIMA@example.ma", "password": "tres-secret-2025"])
            #expect(login.status == .seeOther)
            let home = try await client.get("/ar/")
            #expect(home.body.string.contains("فاطمة الزهراء"))
            #expect(try await client.post("/ar/logout").status == .seeOther)
            #expect(!(try await client.get("/ar/").body.string.contains("فاطمة الزهراء")))
        }
    }

    @Test(arguments: Engine.all)
    func badInputIsRefusedWithMessagesAndNothingStored(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let client = Client(app)
            try await client.get("/fr/register")
            let cases: [([String: String], String, L10nKey)] = [
                (["name": ""], "name", .errRequired),
                (["email": "pas-un-email"], "email", .errInvalidEmail),
                (["password": "court1", "password_confirmation": "court1"], "password", .errTooShort),
                (["password_confirmation": "autre-chose-2025"], "password_confirmation", .errPasswordsDiffer),
                (["name": String(repeating: "x", count: 500)], "name", .errTooLong),
                (["province": "99.999"], "province", .errUnknownChoice),
                (["language": "de"], "language", .errUnknownChoice),
            ]
            for (change, field, key) in cases {
                let form = Self.valid.merging(change) { $1 }
                let res = try await client.post("/fr/register", form)
                #expect(res.status == .unprocessableEntity, "\(field)")
                let html = res.body.string
                #expect(html.contains("id=\"f-\(field)-error\""), "\(field)")
                #expect(html.contains(Localizer(.fr)(key).components(separatedBy: "{").first!), "\(field)")
                // what the person typed is kept (except passwords)
                if field == "email" { #expect(html.contains("value=\"pas-un-email\"")) }
            }
            #expect(try await User.query(on: app.db).count() == 0)
            #expect(try await OutboxMessage.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: Engine.all)
    func aTakenAddressIsAnsweredLikeANewOneAndItsOwnerIsTold(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: one existing account, one new address
            let owner = try await TestFixtures.user(app, email: "fatima@example.ma")
            let client = Client(app)
            try await client.get("/ar/register")
            let fresh = try await client.post("/ar/register", Self.valid.merging(["email": "new@example.ma"]) { $1 })
            let freshNotice = try await client.get(fresh.location ?? "/ar/login").body.string
            // act: the same form with the taken address
            try await client.get("/ar/register")
            let taken = try await client.post("/ar/register", Self.valid)
            let takenNotice = try await client.get(taken.location ?? "/ar/login").body.string
            // check: the same status, target and message (but for the address itself)
            #expect(taken.status == fresh.status)
            #expect(taken.location == fresh.location)
            #expect(takenNotice.replacingOccurrences(of: "fatima@example.ma", with: "X") .contains(Localizer(.ar)(.registeredCheckMail, ["email": "X"])))
            #expect(freshNotice.contains(Localizer(.ar)(.registeredCheckMail, ["email": "new@example.ma"])))
            #expect(!takenNotice.contains(Localizer(.ar)(.errEmailTaken)))
            // nothing changed in the account; its owner got a notice, not a confirmation link
            #expect(try await User.query(on: app.db).filter(\.$email == "fatima@example.ma").count() == 1)
            #expect(try await User.find(owner.id, on: app.db)?.passwordHash == owner.passwordHash)
            let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "fatima@example.ma").first())
            #expect(mail.subject == Localizer(.ar)(.mailAlreadyRegisteredSubject))
            #expect(!mail.body.contains("token="))
        }
    }

    @Test(arguments: Engine.all)
    func formsWithoutCSRFTokenAreRefused(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let client = Client(app)
            try await client.get("/ar/register")
            let res = try await client.post("/ar/register", Self.valid, csrf: false)
            #expect(res.status == .forbidden)
            let forged = try await client.post("/ar/register", Self.valid.merging(["_csrf": "forged"]) { $1 })
            #expect(forged.status == .forbidden)
            #expect(try await User.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: Engine.all)
    func registrationAsksToAcceptTheTermsAndRecordsWhichOnes(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let client = Client(app)
            let t = Localizer(.fr)
            let form = try await client.get("/fr/register").body.string
            #expect(form.contains("name=\"accept_terms\"") && form.contains("href=\"/fr/terms\"") && form.contains("href=\"/fr/privacy\""))
            // refused without the box ticked, the other fields kept, the problems named in form order
            var missing = Self.valid; missing["accept_terms"] = nil; missing["name"] = ""
            let refused = try await client.post("/fr/register", missing)
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains(t(.errAcceptTerms)) && html.contains("value=\"Fatima@Example.ma\""))
            let summary = html.components(separatedBy: "error-summary")[1]
            let name = try #require(summary.range(of: "\(t(.fieldName)): ")), terms = try #require(summary.range(of: "\(t(.fieldAcceptTerms)): "))
            #expect(name.lowerBound < terms.lowerBound, "in the order of the form")
            #expect(summary.contains("href=\"#f-accept_terms\""))
            #expect(try await User.query(on: app.db).count() == 0)
            // accepted: the time and the version are kept with the account
            #expect(try await client.post("/fr/register", Self.valid).status == .seeOther)
            let user = try #require(try await User.query(on: app.db).first())
            #expect(user.termsAcceptedAt != nil && user.termsVersion == app.settings.termsVersion)
        }
    }
}
