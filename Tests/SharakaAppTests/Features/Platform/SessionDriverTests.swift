import Fluent
@testable import SharakaApp
import SharakaCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite struct SessionDriverTests {
    struct Row: Decodable, Equatable { let key: String; let data: String; let seen_at: Date; let user_id: UUID? }

    static func rows(_ app: Application) async throws -> [Row] {
        try await (app.db as! any SQLDatabase).raw("SELECT key, data, seen_at, user_id FROM sessions ORDER BY key").all(decoding: Row.self)
    }

    @Test(arguments: Engine.all)
    func unchangedSessionsAreNotWrittenBack(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "s@example.ma")
            let client = Client(app)
            try await client.login("s@example.ma")
            let before = try await Self.rows(app)
            #expect(before.count == 1)
            // act: pages that change nothing in the session
            for _ in 0..<3 { try await client.get("/ar/account") }
            #expect(try await Self.rows(app) == before)
        }
    }

    @Test(arguments: Engine.all)
    func sessionsExpireOnTheServerWhenIdleOrOld(engine: Engine) async throws {
        var settings = try TestDatabase.settings(engine)
        settings.sessionLifetime = SessionLifetime(idle: 3600, absolute: 7200, touchEvery: 60)
        try await withTestApp(engine, settings: settings) { app in
            try await TestFixtures.user(app, email: "idle@example.ma")
            let client = Client(app)
            try await client.login("idle@example.ma")
            #expect(try await client.get("/ar/account").status == .ok)
            let sql = app.db as! any SQLDatabase
            // idle for an hour: the cookie is still there, the session is not
            try await sql.raw("UPDATE sessions SET seen_at = \(bind: Date().addingTimeInterval(-3601))").run()
            #expect(try await client.get("/ar/account").status == .seeOther)
            #expect(try await Self.rows(app).allSatisfy { $0.user_id == nil })
            // active, but signed in more than the absolute lifetime ago
            try await client.login("idle@example.ma")
            try await sql.raw("UPDATE sessions SET created_at = \(bind: Date().addingTimeInterval(-7201)) WHERE user_id IS NOT NULL").run()
            #expect(try await client.get("/ar/account").status == .seeOther)
            // the periodic purge deletes expired rows and old login attempts
            try await sql.raw("UPDATE sessions SET expires_at = \(bind: Date().addingTimeInterval(-1))").run()
            try await sql.raw("UPDATE login_attempts SET created_at = \(bind: Date().addingTimeInterval(-7200))").run()
            try await DatabaseSessions.purge(on: sql)
            #expect(try await Self.rows(app).isEmpty)
            #expect(try await LoginAttempt.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: Engine.all)
    func aPasswordChangeEndsTheOtherSessionsAndCanRevokeTokens(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let user = try await TestFixtures.user(app, email: "p@example.ma")
            let laptop = Client(app), phone = Client(app)
            try await laptop.login("p@example.ma")
            try await phone.login("p@example.ma")
            try await APIToken(userID: user.id!, name: "script", clear: "shk_test").create(on: app.db)
            // act: the password is changed on the laptop, tokens revoked
            try await laptop.get("/ar/account")
            let res = try await laptop.post("/ar/account/password", ["current_password": TestFixtures.password, "new_password": "another-secret-77",
                                                                     "new_password_confirmation": "another-secret-77", "revoke_tokens": "yes"])
            #expect(res.status == .seeOther)
            // check: the laptop stays signed in, the phone is signed out, the token is revoked
            #expect(try await laptop.get("/ar/account").status == .ok)
            #expect(try await phone.get("/ar/account").status == .seeOther)
            #expect(try await APIToken.query(on: app.db).filter(\.$revokedAt == nil).count() == 0)
        }
    }

    @Test(arguments: Engine.all)
    func aPasswordResetEndsEverySession(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "r@example.ma")
            let phone = Client(app)
            try await phone.login("r@example.ma")
            let anon = Client(app)
            try await anon.get("/fr/password/forgot")
            try await anon.post("/fr/password/forgot", ["email": "r@example.ma"])
            let mail = try #require(try await OutboxMessage.query(on: app.db).first())
            let token = try #require(mail.body.components(separatedBy: "token=").last?.components(separatedBy: .whitespacesAndNewlines).first)
            try await anon.get("/fr/password/reset?token=\(token)")
            #expect(try await anon.post("/fr/password/reset", ["token": token, "password": "nouveau-secret-9", "password_confirmation": "nouveau-secret-9"]).status == .seeOther)
            #expect(try await phone.get("/ar/account").status == .seeOther)
        }
    }
}
