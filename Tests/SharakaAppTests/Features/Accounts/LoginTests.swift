import Fluent
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct LoginTests {
    @Test(arguments: Engine.all)
    func failedAttemptsLockTheAccount(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "a@example.ma")
            let client = Client(app)
            try await client.get("/fr/login")
            for _ in 0..<5 {
                #expect(try await client.post("/fr/login", ["email": "a@example.ma", "password": "wrong-password-1"]).status == .unauthorized)
            }
            // even the right password is refused while locked, from another address too
            client.address = "10.9.9.9"
            let res = try await client.post("/fr/login", ["email": "a@example.ma", "password": TestFixtures.password])
            #expect(res.status == .tooManyRequests)
            #expect(res.body.string.contains(Localizer(.fr)(.loginLocked)))
        }
    }

    @Test(arguments: Engine.all)
    func failedAttemptsFromOneAddressLockIt(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "b@example.ma")
            let client = Client(app)
            try await client.get("/fr/login")
            for i in 0..<20 {
                _ = try await client.post("/fr/login", ["email": "nobody\(i)@example.ma", "password": "x"])
            }
            #expect(try await client.post("/fr/login", ["email": "b@example.ma", "password": TestFixtures.password]).status == .tooManyRequests)
            client.address = "10.1.2.3"
            #expect(try await client.post("/fr/login", ["email": "b@example.ma", "password": TestFixtures.password]).status == .seeOther)
        }
    }

    @Test(arguments: Engine.all)
    func blockedAccountsCannotSignInAndAreSignedOut(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let user = try await TestFixtures.user(app, email: "c@example.ma")
            let client = Client(app)
            try await client.login("c@example.ma")
            user.blockedAt = Date()
            try await user.save(on: app.db)
            #expect(try await client.get("/ar/account").status == .seeOther) // sent to login
            try await client.get("/ar/login")
            #expect(try await client.post("/ar/login", ["email": "c@example.ma", "password": TestFixtures.password]).status == .forbidden)
        }
    }

    @Test(arguments: Engine.all)
    func nextOnlyRedirectsToLocalPaths(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "d@example.ma")
            let client = Client(app)
            try await client.get("/ar/login")
            let res = try await client.post("/ar/login", ["email": "d@example.ma", "password": TestFixtures.password, "next": "//evil.example/phish"])
            #expect(res.location == "/ar/")
            try await client.post("/ar/logout")
            try await client.get("/ar/login")
            let ok = try await client.post("/ar/login", ["email": "d@example.ma", "password": TestFixtures.password, "next": "/ar/account"])
            #expect(ok.location == "/ar/account")
        }
    }

    @Test(arguments: Engine.all)
    func passwordReset(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "e@example.ma")
            let client = Client(app)
            try await client.get("/fr/password/forgot")
            // unknown addresses get the same answer and no e-mail
            #expect(try await client.post("/fr/password/forgot", ["email": "nobody@example.ma"]).status == .seeOther)
            #expect(try await OutboxMessage.query(on: app.db).count() == 0)
            #expect(try await client.post("/fr/password/forgot", ["email": "e@example.ma"]).status == .seeOther)
            let mail = try #require(try await OutboxMessage.query(on: app.db).first())
            let token = try #require(mail.body.components(separatedBy: "token=").last?.components(separatedBy: .whitespacesAndNewlines).first)
            try await client.get("/fr/password/reset?token=\(token)")
            // a weak password is refused and the token stays usable
            #expect(try await client.post("/fr/password/reset", ["token": token, "password": "weak", "password_confirmation": "weak"]).status == .unprocessableEntity)
            #expect(try await client.post("/fr/password/reset", ["token": token, "password": "nouveau-secret-9", "password_confirmation": "nouveau-secret-9"]).status == .seeOther)
            #expect(try await client.post("/fr/password/reset", ["token": token, "password": "encore-autre-99", "password_confirmation": "encore-autre-99"]).status == .badRequest)
            try await client.get("/fr/login")
            #expect(try await client.post("/fr/login", ["email": "e@example.ma", "password": "nouveau-secret-9"]).status == .seeOther)
        }
    }
}
