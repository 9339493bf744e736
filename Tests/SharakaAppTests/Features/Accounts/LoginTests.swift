import Fluent
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct LoginTests {
    /// Moves every recorded attempt back in time, as if the client had waited.
    static func age(_ app: Application, by seconds: TimeInterval) async throws {
        for a in try await LoginAttempt.query(on: app.db).all() {
            a.createdAt = a.createdAt.addingTimeInterval(-seconds)
            try await a.save(on: app.db)
        }
    }

    /// Dates every recorded attempt now: on a loaded machine the requests of a test can take
    /// longer than the first delay, which would end it before the check.
    static func freshen(_ app: Application) async throws {
        for a in try await LoginAttempt.query(on: app.db).all() {
            a.createdAt = Date()
            try await a.save(on: app.db)
        }
    }

    @Test(arguments: Engine.all)
    func failedAttemptsSlowTheAccountDownButNotItsKnownDevice(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: the owner has signed in before from this browser
            try await TestFixtures.user(app, email: "a@example.ma")
            let owner = Client(app)
            try await owner.login("a@example.ma", lang: "fr")
            try await owner.post("/fr/logout")
            try await owner.get("/fr/login")
            #expect(owner.cookies[KnownDevice.cookieName] != nil)

            // act: someone else fails five times
            let attacker = Client(app)
            attacker.address = "10.6.6.6"
            try await attacker.get("/fr/login")
            for _ in 0..<5 {
                #expect(try await attacker.post("/fr/login", ["email": "a@example.ma", "password": "wrong-password-1"]).status == .unauthorized)
            }
            // check: a new browser must wait (without a password check), with Retry-After
            let stranger = Client(app)
            stranger.address = "10.9.9.9"
            try await stranger.get("/fr/login")
            try await Self.freshen(app)
            let res = try await stranger.post("/fr/login", ["email": "a@example.ma", "password": TestFixtures.password])
            #expect(res.status == .tooManyRequests)
            #expect(Int(res.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
            #expect(res.body.string.contains("Trop de tentatives"))
            // trying again while waiting is refused too, and does not lengthen the wait
            for _ in 0..<3 {
                try await Self.freshen(app)
                #expect(try await stranger.post("/fr/login", ["email": "a@example.ma", "password": TestFixtures.password]).status == .tooManyRequests)
            }
            // once the first delay (15 s) has passed, the new browser's right password works
            try await Self.age(app, by: 20)
            #expect(try await stranger.post("/fr/login", ["email": "a@example.ma", "password": TestFixtures.password]).status == .seeOther)
            // the attacker starts again; the owner's own browser is not kept out
            for _ in 0..<8 {
                _ = try await attacker.post("/fr/login", ["email": "a@example.ma", "password": "wrong-password-1"])
            }
            #expect(try await owner.post("/fr/login", ["email": "a@example.ma", "password": TestFixtures.password]).status == .seeOther)
        }
    }

    @Test(arguments: Engine.all)
    func anEmailedLinkSignsTheOwnerInWhileTheirPasswordIsSlowedDown(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "owner@example.ma")
            let attacker = Client(app)
            attacker.address = "10.6.6.6"
            try await attacker.get("/fr/login")
            for _ in 0..<6 { _ = try await attacker.post("/fr/login", ["email": "owner@example.ma", "password": "wrong-password-1"]) }
            // the owner, on a new phone, asks for a link (an unknown address gets the same answer and no mail)
            let phone = Client(app)
            try await phone.get("/fr/login/link")
            #expect(try await phone.post("/fr/login/link", ["email": "nobody@example.ma"]).status == .seeOther)
            #expect(try await OutboxMessage.query(on: app.db).count() == 0)
            #expect(try await phone.post("/fr/login/link", ["email": "owner@example.ma"]).status == .seeOther)
            let mail = try #require(try await OutboxMessage.query(on: app.db).first())
            let token = try #require(mail.body.components(separatedBy: "token=").last?.components(separatedBy: .whitespacesAndNewlines).first)
            // opening the link signs nobody in by itself (mail scanners fetch links)
            try await phone.get("/fr/login/link/use?token=\(token)")
            #expect(try await phone.get("/fr/account").status == .seeOther)
            // the button does, once
            try await phone.get("/fr/login/link/use?token=\(token)")
            #expect(try await phone.post("/fr/login/link/use", ["token": token]).status == .seeOther)
            #expect(try await phone.get("/fr/account").status == .ok)
            #expect(phone.cookies[KnownDevice.cookieName] != nil)
            let again = Client(app)
            try await again.get("/fr/login/link/use?token=\(token)")
            #expect(try await again.post("/fr/login/link/use", ["token": token]).status == .badRequest)
        }
    }

    @Test(arguments: Engine.all)
    func concurrentWrongPasswordsAreCheckedNoMoreThanTheFreeNumber(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "race@example.ma")
            let client = Client(app)
            try await client.get("/fr/login")
            let token = client.csrf!, cookie = client.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            // act: 40 wrong passwords at once
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        var headers = HTTPHeaders()
                        headers.contentType = .urlEncodedForm
                        headers.replaceOrAdd(name: .cookie, value: cookie)
                        headers.replaceOrAdd(name: "X-Forwarded-For", value: "10.0.\(i).1")
                        var status = HTTPStatus.ok
                        try await app.testing().test(.POST, "/fr/login", headers: headers,
                                                     body: ByteBuffer(string: "email=race%40example.ma&password=wrong-\(i)&_csrf=\(token)"),
                                                     afterResponse: { status = $0.status })
                        return status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // check: at most five were checked against the password, the rest waited
            #expect(statuses.filter { $0 == .unauthorized }.count <= 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 35)
            #expect(try await LoginAttempt.query(on: app.db).filter(\.$throttled == false).count() <= 5)
        }
    }

    @Test(arguments: Engine.all)
    func oneBusyAddressDoesNotKeepItsKnownAccountsOut(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "b@example.ma")
            let client = Client(app)
            try await client.login("b@example.ma", lang: "fr")
            try await client.post("/fr/logout")
            try await client.get("/fr/login")
            // twenty failures for other accounts from the same (campus) address
            let neighbour = Client(app)
            try await neighbour.get("/fr/login")
            for i in 0..<20 {
                _ = try await neighbour.post("/fr/login", ["email": "nobody\(i)@example.ma", "password": "x"])
            }
            // a new browser behind that address waits; the known one goes in
            #expect(try await neighbour.post("/fr/login", ["email": "b@example.ma", "password": TestFixtures.password]).status == .tooManyRequests)
            #expect(try await client.post("/fr/login", ["email": "b@example.ma", "password": TestFixtures.password]).status == .seeOther)
        }
    }

    @Test(arguments: Engine.all)
    func theClientsOwnForwardedForIsNotTrusted(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "x@example.ma")
            let client = Client(app)
            try await client.get("/fr/login")
            // the attacker writes a new first entry each time; the proxy's (last) entry stays the same
            for i in 0..<20 {
                client.address = "198.51.100.\(i), 10.0.0.1"
                _ = try await client.post("/fr/login", ["email": "nobody\(i)@example.ma", "password": "x"])
            }
            let addresses = Set(try await LoginAttempt.query(on: app.db).all(\.$address))
            #expect(addresses == ["10.0.0.1"])
            client.address = "198.51.100.99, 10.0.0.1"
            #expect(try await client.post("/fr/login", ["email": "x@example.ma", "password": TestFixtures.password]).status == .tooManyRequests)
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
            // header injection through next: the attacker's header never reaches the answer
            for next in ["/fr/\r\nSet-Cookie: injected=by-attacker; Path=/", "/\t/evil.example", "/%09/evil.example", "/\u{0B}/evil.example",
                         "/ /evil.example", "/%2F%2Fevil.example"] {
                try await client.get("/ar/")
                try await client.post("/ar/logout")
                try await client.get("/ar/login")
                let r = try await client.post("/ar/login", ["email": "d@example.ma", "password": TestFixtures.password, "next": next])
                // a vertical tab is a control character, refused with the whole request
                #expect(r.status == (next.contains("\u{0B}") ? .badRequest : .seeOther))
                #expect(r.location == (r.status == .seeOther ? "/ar/" : nil), "\(next.debugDescription)")
                #expect(!r.headers[.setCookie].contains { $0.contains("injected") })
            }
            // the login page does not reflect a bad next into its form
            try await client.get("/ar/")
            try await client.post("/ar/logout")
            #expect(try await client.get("/ar/login?next=%2F%2Fevil.example").body.string.contains("name=\"next\" value/>"))
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
