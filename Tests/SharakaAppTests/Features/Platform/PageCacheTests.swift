import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor
import VaporTesting

/// The anonymous page cache: a drawing serves later anonymous views until a write through
/// the instance (or its lifetime) ends it; personal pages and pages with forms never enter it.
@Suite struct PageCacheTests {
    static func cachedApp(_ engine: Engine, _ body: (Application) async throws -> Void) async throws {
        var settings = try TestDatabase.settings(engine)
        settings.pageCacheSeconds = 60
        try await withTestApp(engine, settings: settings, body)
    }

    @Test(arguments: Engine.all)
    func anonymousPagesAreDrawnOnceUntilAWrite(engine: Engine) async throws {
        try await Self.cachedApp(engine) { app in
            let counter = StatementCounter()
            counter.install(on: app)
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            try await TestFixtures.user(app, email: "reader@example.ma")
            let proposal = try await TestFixtures.proposal(app, process: process, author: author, title: "Première version du titre de la proposition")
            let path = "/fr/proposals/\(proposal.id!)"
            let anonymous = Client(app)
            let first = try await anonymous.get(path)
            #expect(first.body.string.contains("Première version"))
            let tag = try #require(first.headers.first(name: .eTag))
            // a second view runs no statement at all and answers the same bytes and tag
            let statements = try await counter.during {
                let again = try await anonymous.get(path)
                #expect(again.body.string == first.body.string && again.headers.first(name: .eTag) == tag)
                #expect(try await anonymous.get(path, headers: ["If-None-Match": tag]).status == .notModified)
            }
            #expect(statements.isEmpty, "\(statements)")
            // a change behind the app's back is not seen while the drawing lives …
            proposal.title = "Deuxième version du titre de la proposition"
            try await proposal.save(on: app.db)
            #expect(try await anonymous.get(path).body.string.contains("Première version"))
            // … a signed-in reader never gets the drawing …
            let reader = Client(app)
            try await reader.login("reader@example.ma", lang: "fr")
            #expect(try await reader.get(path).body.string.contains("Deuxième version"))
            // … and any write through the instance (here the sign-in above) ended it
            let after = try await anonymous.get(path)
            #expect(after.body.string.contains("Deuxième version"))
            #expect(after.headers.first(name: .eTag) != tag)
            #expect(try await anonymous.get(path, headers: ["If-None-Match": tag]).status == .ok)
        }
    }

    @Test(arguments: Engine.all)
    func pagesWithFormsAndErrorsAreNeverShared(engine: Engine) async throws {
        try await Self.cachedApp(engine) { app in
            // each visitor of a page with a form gets their own session and token
            let one = try await Client(app).get("/fr/login"), two = try await Client(app).get("/fr/login")
            let token = { (html: String) in html.components(separatedBy: "name=\"_csrf\" value=\"").dropFirst().first?.prefix(20) }
            #expect(token(one.body.string) != nil && token(one.body.string) != token(two.body.string))
            #expect(one.headers.setCookie?["sharaka_session"] != nil && two.headers.setCookie?["sharaka_session"] != nil)
            // a missing page stays missing and is not stored
            #expect(try await Client(app).get("/fr/proposals/\(UUID())").status == .notFound)
            // the language cookie is still set on a view served from memory
            _ = try await Client(app).get("/ar/organisations")
            let served = try await Client(app).get("/ar/organisations")
            #expect(served.headers.setCookie?["sharaka_lang"]?.string == "ar")
        }
    }

    @Test func entriesStayWithinTheirByteBudgetAndGeneration() {
        let cache = PageCache(seconds: 60, maxBytes: 10_000)
        let body = ByteBuffer(string: String(repeating: "x", count: 3_000))
        for i in 0..<10 { cache.store("/p\(i)", generation: cache.generation, headers: [:], body: body) }
        #expect(cache.lookup("/p9") != nil)
        #expect((0..<10).filter { cache.lookup("/p\($0)") != nil }.count <= 3)
        // a drawing begun before a write is never stored
        let before = cache.generation
        cache.invalidate()
        cache.store("/late", generation: before, headers: [:], body: body)
        #expect(cache.lookup("/late") == nil && cache.lookup("/p9") == nil)
    }
}
