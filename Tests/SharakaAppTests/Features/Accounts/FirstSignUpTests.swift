import Fluent
import Foundation
import SQLKit
import Logging
import NIOConcurrencyHelpers
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// A first run with no mail server and no configuration: a new citizen can still finish
/// registering, through the links the log and the administrators' outbox show, a new link
/// on request, or an administrator's confirmation.
@Suite struct FirstSignUpTests {
    static let form = ["name": "Nadia Berrada", "email": "nadia@example.ma", "password": "tres-secret-2025",
                       "password_confirmation": "tres-secret-2025", "language": "ar", "province": "", "accept_terms": "yes"]

    @Test(arguments: Engine.all)
    func linksPointAtThePortTheServerListensOn(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: no SHARAKA_PUBLIC_URL, the server started on a port of the system's choosing
            #expect(app.settings.configuredPublicURL == nil)
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            #expect(port != 8080)

            // act: register
            let client = Client(app)
            try await client.get("/fr/register")
            #expect(try await client.post("/fr/register", Self.form).status == .seeOther)
            await app.server.shutdown()

            // check: the link opens this server
            #expect(app.publicURL == "http://127.0.0.1:\(port)")
            let mail = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(mail.body.contains("http://127.0.0.1:\(port)/fr/confirm?token="))
            // a configured public URL wins
            var settings = app.settings
            settings.configuredPublicURL = "https://sharaka.oriental.ma"
            app.settings = settings
            #expect(app.publicURL == "https://sharaka.oriental.ma")
        }
    }

    @Test func withoutAMailServerTheLogHoldsTheWholeMessage() async throws {
        let lines = NIOLockedValueBox<[String]>([])
        let logger = Logger(label: "mail") { _ in Recorder(lines: lines) }
        try await LogTransport(logger: logger).send(from: "no-reply@sharaka.local", to: "nadia@example.ma", subject: "تأكيد",
                                                    body: "مرحبا\nhttp://127.0.0.1:9000/ar/confirm?token=abc")
        let text = lines.withLockedValue { $0.joined(separator: "\n") }
        #expect(text.contains("nadia@example.ma") && text.contains("تأكيد") && text.contains("http://127.0.0.1:9000/ar/confirm?token=abc"))
    }

    @Test(arguments: Engine.all)
    func administratorsReadUnsentMailAndConfirmAccounts(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a citizen registered, an administrator and a moderator
            let client = Client(app)
            try await client.get("/fr/register")
            #expect(try await client.post("/fr/register", Self.form).status == .seeOther)
            let nadia = try #require(try await User.query(on: app.db).filter(\.$email == "nadia@example.ma").first())
            try await TestFixtures.user(app, email: "admin@oriental.ma", role: .administrator)
            try await TestFixtures.user(app, email: "mod@oriental.ma", role: .moderator)
            let admin = Client(app)
            try await admin.login("admin@oriental.ma", lang: "fr")

            // check: the outbox shows the message's text and link, and says why
            let t = Localizer(.fr)
            var outbox = try await admin.get("/fr/admin/outbox").body.string
            #expect(outbox.contains(t(.outboxNoTransport).prefix(20)))
            #expect(outbox.contains("/fr/confirm?token="))
            // with a mail server, the text is not shown
            var settings = app.settings
            settings.sendmailPath = "/bin/true"
            app.settings = settings
            outbox = try await admin.get("/fr/admin/outbox").body.string
            #expect(!outbox.contains("/fr/confirm?token=") && !outbox.contains(t(.outboxNoTransport).prefix(20)))
            #expect(outbox.contains(Localizer(.ar)(.mailConfirmSubject)))

            // the list of accounts shows who is confirmed, since when, and the last sign-in
            var users = try await admin.get("/fr/admin/users").body.string
            #expect(users.contains(t(.adminSignedUp)) && users.contains(t(.adminLastSignIn)))
            #expect(users.contains(t(.adminStatusUnconfirmed)) && users.contains(t(.adminNeverSignedIn)))
            #expect(users.contains("/fr/admin/users/\(nadia.id!)/confirm"))

            // act: a moderator may not confirm; the administrator does
            let mod = Client(app)
            try await mod.login("mod@oriental.ma", lang: "fr")
            try await mod.get("/fr/admin/users")
            #expect(try await mod.post("/fr/admin/users/\(nadia.id!)/confirm").status == .forbidden)
            #expect(try await User.find(nadia.id, on: app.db)?.confirmedAt == nil)
            try await admin.get("/fr/admin/users")
            #expect(try await admin.post("/fr/admin/users/\(nadia.id!)/confirm").status == .seeOther)

            // check: confirmed, the mailed link spent, and she signs in
            #expect(try await User.find(nadia.id, on: app.db)?.confirmedAt != nil)
            let mail = try #require(try await OutboxMessage.query(on: app.db).first())
            let token = try #require(mail.body.components(separatedBy: "token=").last?.components(separatedBy: .whitespacesAndNewlines).first)
            #expect(try await client.get("/fr/confirm?token=\(token)").status == .badRequest)
            try await client.login("nadia@example.ma", password: "tres-secret-2025", lang: "fr")
            users = try await admin.get("/fr/admin/users").body.string
            #expect(!users.contains("/fr/admin/users/\(nadia.id!)/confirm"))
            #expect(try await (app.db as! any SQLDatabase).raw("SELECT last_sign_in_at FROM users WHERE email = 'nadia@example.ma'")
                .first()?.decode(column: "last_sign_in_at", as: Date?.self) != nil)
        }
    }

    @Test(arguments: Engine.all)
    func aNewConfirmationLinkIsOfferedWhereTheOldOneFails(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: registered, not confirmed
            let client = Client(app)
            try await client.get("/fr/register")
            #expect(try await client.post("/fr/register", Self.form).status == .seeOther)
            let t = Localizer(.fr)

            // check: the sign-in refusal and the invalid-link page offer a new link
            try await client.get("/fr/login")
            let refusal = try await client.post("/fr/login", ["email": "nadia@example.ma", "password": "tres-secret-2025"])
            #expect(refusal.status == .forbidden)
            #expect(refusal.body.string.contains("action=\"/fr/confirm/again\"") && refusal.body.string.contains("value=\"nadia@example.ma\""))
            let invalid = try await client.get("/fr/confirm?token=not-a-token")
            #expect(invalid.status == .badRequest && invalid.body.string.contains("action=\"/fr/confirm/again\""))

            // act: asked again at once: same answer, no second e-mail (two minutes apart at least)
            var res = try await client.post("/fr/confirm/again", ["email": "Nadia@Example.ma"])
            #expect(res.status == .seeOther)
            #expect(try await OutboxMessage.query(on: app.db).count() == 1)
            // unknown addresses get the same answer and nothing is sent
            res = try await client.post("/fr/confirm/again", ["email": "personne@example.ma"])
            #expect(res.status == .seeOther)
            #expect(try await client.get(res.location!).body.string.contains(t(.confirmationResent, ["email": "personne@example.ma"])))
            #expect(try await OutboxMessage.query(on: app.db).count() == 1)
            // a wrong address is refused with its message
            res = try await client.post("/fr/confirm/again", ["email": "pas-une-adresse"])
            #expect(res.status == .unprocessableEntity && res.body.string.contains("value=\"pas-une-adresse\""))

            // act: three minutes later
            try await (app.db as! any SQLDatabase).raw("UPDATE account_tokens SET created_at = \(bind: Date().addingTimeInterval(-180))").run()
            #expect(try await client.post("/fr/confirm/again", ["email": "nadia@example.ma"]).status == .seeOther)

            // check: a second e-mail, whose link confirms the account
            let mails = try await OutboxMessage.query(on: app.db).sort(\.$createdAt).all()
            #expect(mails.count == 2)
            let token = try #require(mails.last?.body.components(separatedBy: "token=").last?.components(separatedBy: .whitespacesAndNewlines).first)
            #expect(mails.last?.body.contains("/fr/confirm?token=") == true)
            #expect(try await client.get("/fr/confirm?token=\(token)").status == .seeOther)
            #expect(try await User.query(on: app.db).filter(\.$email == "nadia@example.ma").first()?.confirmedAt != nil)
            // once confirmed, asking again sends nothing
            try await (app.db as! any SQLDatabase).raw("UPDATE account_tokens SET created_at = \(bind: Date().addingTimeInterval(-180))").run()
            #expect(try await client.post("/fr/confirm/again", ["email": "nadia@example.ma"]).status == .seeOther)
            #expect(try await OutboxMessage.query(on: app.db).count() == 2)
        }
    }

    @Test(arguments: Engine.all)
    func signingInKeepsTheLanguageOfThePage(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: an account that prefers Arabic (the fixture's default)
            let user = try await TestFixtures.user(app, email: "karim@example.ma")
            #expect(user.language == .ar)
            // act: sign in on the French page
            let client = Client(app)
            try await client.get("/fr/login")
            let res = try await client.post("/fr/login", ["email": "karim@example.ma", "password": TestFixtures.password])
            // check: the French home
            #expect(res.location == "/fr/")
        }
    }
}

/// Keeps what is logged, message and metadata, as text.
private struct Recorder: LogHandler {
    let lines: NIOLockedValueBox<[String]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        lines.withLockedValue { $0.append("\(message) \(metadata ?? [:])") }
    }
}
