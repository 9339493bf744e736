import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// What others see of the platform: a card for shared links, the tab icon, and the public
/// API readable from other sites' pages (reads only, no credentials).
@Suite struct SharingTests {
    @Test(arguments: Engine.all)
    func sharedLinksShowACardAndTheTabAnIcon(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let client = Client(app)
            let html = try await client.get("/fr/processes").body.string
            let t = Localizer(.fr)
            #expect(html.contains("<meta property=\"og:title\" content=\"\(t(.processesTitle))\"/>"))
            #expect(html.contains("<meta property=\"og:locale\" content=\"fr_MA\"/>"))
            #expect(html.contains("<meta property=\"og:url\" content=\"\(app.publicURL)/fr/processes\"/>"))
            #expect(html.contains("<meta property=\"og:image\" content=\"\(app.publicURL)\(StaticAssets.card.path)\"/>"))
            #expect(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\"/>"))
            #expect(html.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"\(StaticAssets.icon.path)\"/>"))
            // the card and the icon are served, cached for a year
            let card = try await client.get(StaticAssets.card.path)
            #expect(card.status == .ok && card.headers.contentType == .png && card.body.readableBytes > 1000)
            #expect(card.body.getBytes(at: 0, length: 4) == [0x89, 0x50, 0x4E, 0x47])
            let icon = try await client.get(StaticAssets.icon.path)
            #expect(icon.status == .ok && icon.body.string.hasPrefix("<svg"))
            #expect(icon.headers.first(name: .cacheControl)?.contains("immutable") == true)
        }
    }

    @Test(arguments: Engine.all)
    func thePublicAPIIsReadableFromOtherSitesWithoutCredentials(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let origin: HTTPHeaders = ["Origin": "https://newsroom.example"]
            // reads, errors included, answer any origin
            var res = try await SecurityTests.raw(app, .GET, "/api/v1/organisations", headers: origin)
            #expect(res.status == .ok && res.headers.first(name: "Access-Control-Allow-Origin") == "*")
            #expect(res.headers.first(name: "Access-Control-Allow-Credentials") == nil)
            #expect(res.headers.first(name: "Access-Control-Expose-Headers")?.contains("ETag") == true)
            res = try await SecurityTests.raw(app, .GET, "/api/v1/processes/\(UUID())", headers: origin)
            #expect(res.status == .notFound && res.headers.first(name: "Access-Control-Allow-Origin") == "*")
            // a preflight for a read is allowed, without the Authorization header
            var preflight = origin
            preflight.add(name: "Access-Control-Request-Method", value: "GET")
            res = try await SecurityTests.raw(app, .OPTIONS, "/api/v1/organisations", headers: preflight)
            #expect(res.status == .noContent && res.headers.first(name: "Access-Control-Allow-Methods") == "GET, HEAD")
            #expect(res.headers.first(name: "Access-Control-Allow-Headers")?.contains("Authorization") == false)
            // writes are not: no preflight, no header on the answer
            var write = origin
            write.add(name: "Access-Control-Request-Method", value: "POST")
            res = try await SecurityTests.raw(app, .OPTIONS, "/api/v1/organisations", headers: write)
            #expect(res.status == .forbidden && res.headers.first(name: "Access-Control-Allow-Origin") == nil)
            res = try await SecurityTests.raw(app, .POST, "/api/v1/processes/\(UUID())/proposals",
                                              headers: ["Origin": "https://newsroom.example", "Content-Type": "application/json"], body: "{}")
            #expect(res.headers.first(name: "Access-Control-Allow-Origin") == nil)
            // pages are not part of it
            res = try await SecurityTests.raw(app, .GET, "/fr/processes", headers: origin)
            #expect(res.headers.first(name: "Access-Control-Allow-Origin") == nil)
        }
    }

    @Test(arguments: Engine.all)
    func theReportFormChoosesNoReasonForThePerson(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "a@example.ma")
            try await TestFixtures.user(app, email: "r@example.ma")
            let p = try await TestFixtures.proposal(app, process: process, author: author)
            let reader = Client(app)
            try await reader.login("r@example.ma", lang: "fr")
            let html = try await reader.get("/fr/proposals/\(p.id!)").body.string
            let select = try #require(html.range(of: #"<select id="f-reason-proposal-[^"]*" name="reason" required="required">.*?</select>"#, options: .regularExpression))
            let options = String(html[select])
            #expect(options.contains("<option value>\(Localizer(.fr)(.choiceChoose))</option>"))
            #expect(!options.contains("selected"))
            // sent without a reason: refused, nothing stored
            #expect(try await reader.post("/fr/report", ["target_kind": "proposal", "target_id": p.id!.uuidString, "reason": ""]).status == .unprocessableEntity)
            #expect(try await Report.query(on: app.db).count() == 0)
        }
    }
}
