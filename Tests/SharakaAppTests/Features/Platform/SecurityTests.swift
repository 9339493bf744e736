import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The attacks of the security probe, each reproduced against the app (the crash tests
/// against a real server process are in Tests/e2e/test_security.py).
@Suite struct SecurityTests {
    static func raw(_ app: Application, _ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: String? = nil) async throws -> TestingHTTPResponse {
        var captured: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }, afterResponse: { captured = $0 })
        return captured!
    }

    @Test(arguments: Engine.all)
    func apiPagingIsBoundedAndAnswers400(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "p@example.ma")
            let proposal = try await TestFixtures.proposal(app, process: process, author: author)
            for path in ["/api/v1/organisations?page=9223372036854775807", "/api/v1/organisations?page=99999999999999999999",
                         "/api/v1/organisations?page=10001", "/api/v1/organisations?page=0", "/api/v1/organisations?per_page=201",
                         "/api/v1/organisations?per_page=-1", "/api/v1/organisations?page=abc",
                         "/api/v1/processes/\(process.id!)/proposals?page=9223372036854775807",
                         "/api/v1/proposals/\(proposal.id!)/comments?page=4611686018427387904",
                         "/api/v1/proposals/\(proposal.id!)/comments?per_page=9223372036854775807"] {
                let res = try await Self.raw(app, .GET, path)
                #expect(res.status == .badRequest, "\(path)")
                #expect(res.headers.contentType?.description.contains("problem+json") == true)
            }
            #expect(try await Self.raw(app, .GET, "/api/v1/organisations?page=10000&per_page=200").status == .ok)
            #expect(try await Self.raw(app, .GET, "/api/v1/processes/\(process.id!)/proposals?page=2").status == .ok)
        }
    }

    @Test(arguments: Engine.all)
    func malformedMultipartIsRefusedBeforeAnythingDecodes(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let client = Client(app)
            try await client.get("/fr/login")
            let cookie = client.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            for type in ["multipart/form-data; boundary=", "multipart/form-data", "multipart/form-data; boundary=\"\"",
                         "multipart/form-data; boundary=" + String(repeating: "a", count: 71), "multipart/form-data; boundary=a\\b"] {
                for path in ["/fr/login", "/fr/register", "/api/v1/comments"] {
                    let res = try await Self.raw(app, .POST, path, headers: ["Content-Type": type, "Cookie": cookie], body: "--\r\n")
                    #expect(res.status == .badRequest, "\(type) \(path)")
                }
            }
            // the app still answers and nothing was stored
            #expect(try await Self.raw(app, .GET, "/healthz").status == .ok)
            #expect(try await LoginAttempt.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: Engine.all)
    func controlCharactersAreRefusedEverywhereWithNothingStored(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // anonymous reads (a 500 on PostgreSQL before)
            for path in ["/fr/organisations?q=%00", "/api/v1/organisations?q=%00", "/fr/search?q=a%00b", "/fr/organisations?q=%1B"] {
                #expect(try await Self.raw(app, .GET, path).status == .badRequest, "\(path)")
            }
            // a form
            let client = Client(app)
            try await client.get("/fr/register")
            let res = try await client.post("/fr/register", ["name": "Nadia\u{0}Admin", "email": "n@example.ma", "password": TestFixtures.password,
                                                             "password_confirmation": TestFixtures.password, "language": "fr", "accept_terms": "yes"])
            #expect(res.status == .badRequest)
            #expect(try await User.query(on: app.db).count() == 0)
            // a JSON body
            let json = try await Self.raw(app, .POST, "/api/v1/comments", headers: ["Content-Type": "application/json", "Authorization": "Bearer shk_x"],
                                          body: #"{"target_kind":"proposal","target_id":"00000000-0000-0000-0000-000000000000","body":"a\u0000b"}"#)
            #expect(json.status == .badRequest)
            // tab and new lines are text and pass
            #expect(try await Self.raw(app, .GET, "/fr/organisations?q=a%09b%0A").status == .ok)
        }
    }

    @Test(arguments: Engine.all)
    func budgetsCannotOverflowAnyView(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let f = try await PlanFixture.make(app, status: .implementation)
            // setup: 93 commitments of 999,999,999,999,999.99 MAD stored directly (as the probe did through old forms)
            for i in 0..<93 {
                let c = Commitment()
                c.reference = "BIG-\(i)"; c.position = 10 + i; c.title = .init([.fr: "Gros budget \(i)"]); c.problem = .init(); c.causes = .init()
                c.solution = .init(); c.changes = .init(); c.ogpValues = "access_to_information"; c.theme = "fiscal_transparency"; c.leadBody = "Conseil"
                c.supportingActors = .init(actors: []); c.provinces = .init(codes: []); c.startsOn = "2025-04-01"; c.endsOn = "2027-06-30"
                c.budgetCentimes = 99_999_999_999_999_999; c.contact = ""; c.completion = 0; c.$plan.id = f.plan.id!
                try await c.create(on: app.db)
            }
            // every view of the dashboard answers
            let html = try await Client(app).get("/fr/plans/\(f.plan.id!)/dashboard")
            #expect(html.status == .ok)
            #expect(html.body.string.contains(Localizer(.fr)(.budgetTotalTooLarge).textEscaped))
            let api = try await Self.raw(app, .GET, "/api/v1/plans/\(f.plan.id!)/dashboard")
            #expect(api.status == .ok)
            #expect(api.body.string.contains("\"budgetTotal\":null"))
            // the form refuses a budget above the ceiling, and one that takes the plan's total above its own
            try await Commitment.query(on: app.db).filter(\.$reference ~~ (0..<93).map { "BIG-\($0)" }).delete()
            f.plan.status = PlanStatus.draft.rawValue
            try await f.plan.save(on: app.db)
            let client = Client(app)
            try await client.login("official@example.ma", lang: "fr")
            let path = "/fr/plans/\(f.plan.id!)/commitments/new"
            try await client.get(path)
            let tooBig = try await client.post(path, PlanAdminTests.commitment(f.commitment.$leadOrganisation.id!).merging(["budget": "999 999 999 999 999,99"]) { $1 })
            #expect(tooBig.status == .unprocessableEntity)
            #expect(tooBig.body.string.contains("10\u{202F}000\u{202F}000\u{202F}000 MAD"))
            var settings = app.settings
            settings.budgetLimits = BudgetLimits(maxCommitment: MAD(dirhams: 1_000_000)!, maxPlanTotal: MAD(dirhams: 1_500_000)!)
            app.settings = settings
            let overPlan = try await client.post(path, PlanAdminTests.commitment(f.commitment.$leadOrganisation.id!).merging(["budget": "400 000"]) { $1 })
            #expect(overPlan.status == .unprocessableEntity) // 1 250 000,50 already in the fixture's commitment
            #expect(try await Commitment.query(on: app.db).count() == 1)
        }
    }

    @Test(arguments: Engine.all)
    func theCSRFSlotCannotBeWrittenByUsers(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a proposal whose title and body carry the old marker, the live one and other private-use characters
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "attacker@example.ma")
            let p = try await TestFixtures.proposal(app, process: process, author: author,
                                                    title: "Voir https://evil.example/?t=\u{E000}csrf\u{E000} et la suite")
            p.body = "https://evil.example/?t=\u{E000}csrf\u{E000} \u{F8FF}"
            try await p.save(on: app.db)
            // act: a moderator views it
            try await TestFixtures.user(app, email: "mod@example.ma", role: .moderator)
            let viewer = Client(app)
            try await viewer.login("mod@example.ma", lang: "fr")
            let html = try await viewer.get("/fr/proposals/\(p.id!)").body.string
            // check: the token is only in form fields; the user's characters are drawn as references
            let token = try #require(viewer.csrf)
            #expect(html.components(separatedBy: token).count - 1 == html.components(separatedBy: "name=\"_csrf\"").count - 1)
            #expect(!html.contains("evil.example/?t=" + token))
            #expect(html.contains("&#xE000;"))
            #expect(html.contains("&#xF8FF;"))
            #expect(!html.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) })
            // forms are drawn with the token itself: no marker is left to substitute
            #expect(!html.contains("value=\"\u{E000}"))
        }
    }

    @Test(arguments: Engine.all)
    func noResponseHeaderCarriesALineBreak(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            app.get("test-bad-header") { _ -> Response in
                let res = Response(status: .seeOther)
                res.headers.replaceOrAdd(name: .location, value: "/fr/\r\nSet-Cookie: injected=1")
                return res
            }
            let res = try await Self.raw(app, .GET, "/test-bad-header")
            #expect(res.status == .internalServerError)
            #expect(res.headers[.setCookie].isEmpty)
            #expect(res.headers.first(name: .location) == nil)
        }
    }

    @Test(arguments: Engine.all)
    func protocolAnswers(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            // 405 with Allow for a method the path does not have, in HTML and in the API
            let html = try await Self.raw(app, .DELETE, "/fr/login")
            #expect(html.status == .methodNotAllowed)
            #expect(Set((html.headers.first(name: .allow) ?? "").components(separatedBy: ", ")) == ["GET", "HEAD", "POST"])
            let api = try await Self.raw(app, .PUT, "/api/v1/organisations")
            #expect(api.status == .methodNotAllowed)
            #expect(api.headers.first(name: .allow) == "GET, HEAD")
            #expect(try await Self.raw(app, .GET, "/fr/no-such-page").status == .notFound)
            // 401 from the API says how to authenticate
            let unauth = try await Self.raw(app, .POST, "/api/v1/processes/\(process.id!)/proposals", headers: ["Content-Type": "application/json"], body: "{}")
            #expect(unauth.status == .unauthorized)
            #expect(unauth.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
            // over-long addresses and header blocks get their status, not a closed connection
            #expect(try await Self.raw(app, .GET, "/fr/search?q=" + String(repeating: "a", count: 9000)).status == .uriTooLong)
            #expect(try await Self.raw(app, .GET, "/fr/", headers: ["X-Big": String(repeating: "b", count: 40_000)]).status == .requestHeaderFieldsTooLarge)
            // HSTS only over https
            #expect(try await Self.raw(app, .GET, "/fr/").headers.first(name: "Strict-Transport-Security") == nil)
            var settings = app.settings
            settings.configuredPublicURL = "https://sharaka.oriental.ma"
            app.settings = settings
            #expect(try await Self.raw(app, .GET, "/fr/").headers.first(name: "Strict-Transport-Security")?.contains("max-age=") == true)
        }
    }

    @Test(arguments: Engine.all)
    func downloadsTakeTheirExtensionFromTheContentAndEachAttachmentKeepsItsName(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            try await TestFixtures.user(app, email: "one@example.ma")
            try await TestFixtures.user(app, email: "two@example.ma")
            let text = Data("Facture 2026\nMontant: 1200 MAD\n".utf8)
            for (email, name) in [("one@example.ma", "invoice.html"), ("two@example.ma", "\u{202E}فاتورة.html")] {
                let c = Client(app)
                try await c.login(email, lang: "fr")
                try await c.get("/fr/processes/\(process.id!)/proposals/new")
                let res = try await c.postMultipart("/fr/processes/\(process.id!)/proposals",
                                                    ProposalTests.form.merging(["title": "Proposition de \(email) sur le budget"]) { $1 },
                                                    file: ("attachment", name, "text/html", text))
                #expect(res.status == .seeOther)
            }
            let proposals = try await Proposal.query(on: app.db).sort(\.$createdAt).all()
            #expect(proposals.count == 2 && proposals[0].attachmentSHA256 == proposals[1].attachmentSHA256)
            var names: [String] = []
            for p in proposals {
                let page = try await Client(app).get("/fr/proposals/\(p.id!)").body.string
                let href = try #require(page.components(separatedBy: "href=\"/files/").dropFirst().first?.components(separatedBy: "\"").first)
                let file = try await Self.raw(app, .GET, "/files/" + href)
                #expect(file.status == .ok)
                #expect(file.headers.first(name: .contentType)?.hasPrefix("text/plain") == true)
                let disposition = file.headers.first(name: .contentDisposition) ?? ""
                #expect(disposition.hasPrefix("attachment"))
                names.append(disposition)
            }
            #expect(names[0].hasSuffix("invoice.txt"))
            // a header carries ASCII only: an Arabic name is percent-encoded (RFC 5987)
            #expect(names.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
            // the right-to-left override is gone, and the second keeps its own name
            #expect(names[1].hasSuffix("%D9%81%D8%A7%D8%AA%D9%88%D8%B1%D8%A9.txt") && !names[1].contains("%E2%80%AE"), "\(names[1])")
        }
    }

    @Test(arguments: Engine.all)
    func namesLoseBidiControlsAndZeroWidthCharacters(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let client = Client(app)
            try await client.get("/fr/register")
            let res = try await client.post("/fr/register", ["name": "Nadia\u{202E}nimdA\u{200B} Berrada", "email": "nb@example.ma",
                                                             "password": TestFixtures.password, "password_confirmation": TestFixtures.password,
                                                             "language": "fr", "accept_terms": "yes"])
            #expect(res.status == .seeOther)
            #expect(try await User.query(on: app.db).first()?.name == "NadianimdA Berrada")
        }
    }
}
