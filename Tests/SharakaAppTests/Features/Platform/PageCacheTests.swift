import Fluent
import Foundation
import NIOCore
import NIOEmbedded
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

    @Test(arguments: Engine.all)
    func revalidationsOfFreshPagesAreAnsweredBeforeTheChain(engine: Engine) async throws {
        try await Self.cachedApp(engine) { app in
            // setup: a page drawn once, so the cache holds it
            let path = "/ar/organisations"
            let first = try await Client(app).get(path)
            let tag = try #require(first.headers.first(name: .eTag))
            func revalidate(_ headers: HTTPHeaders) -> Response? {
                HTTPCachingMiddleware.fromPageCache(Request(application: app, method: .GET, url: URI(string: path), headers: headers, on: app.eventLoopGroup.next()))
            }
            // act, check: the stored tag answers 304 with no body, the language remembered, shareable only without a cookie to set
            let answered = try #require(revalidate(["If-None-Match": tag]))
            #expect(answered.status == .notModified && answered.body.count == 0)
            #expect(answered.headers.first(name: .eTag) == tag && answered.headers.first(name: .contentEncoding) == nil)
            #expect(answered.headers.setCookie?["sharaka_lang"]?.string == "ar")
            #expect(answered.headers.first(name: .cacheControl) == "private, no-cache")
            let returning = try #require(revalidate(["If-None-Match": "W/\(tag)", "Cookie": "sharaka_lang=ar"]))
            #expect(returning.headers.setCookie?["sharaka_lang"] == nil && returning.headers.first(name: .cacheControl) == "public, no-cache")
            // anything else goes down the chain: another tag, a session, a token, no tag, a write since
            #expect(revalidate(["If-None-Match": "\"other\""]) == nil)
            #expect(revalidate(["If-None-Match": tag, "Cookie": "sharaka_session=abc"]) == nil)
            #expect(revalidate(["If-None-Match": tag, "Authorization": "Bearer shk_x"]) == nil)
            #expect(revalidate([:]) == nil)
            app.pageCache.invalidate()
            #expect(revalidate(["If-None-Match": tag]) == nil)
            // and the chain still answers the same tag with 304 once the page is drawn again
            #expect(try await Client(app).get(path, headers: ["If-None-Match": tag]).status == .notModified)
        }
    }

    static func drawn(_ cache: PageCache, _ key: String, body: ByteBuffer, now: NIODeadline = .now()) {
        guard case .draw(let ticket) = cache.begin(key, on: EmbeddedEventLoop(), now: now) else {
            Issue.record("\(key) was not drawn")
            return
        }
        cache.finish(ticket, shareable: true, body: body, now: now)
    }

    static func served(_ cache: PageCache, _ key: String, now: NIODeadline = .now()) -> Bool {
        switch cache.begin(key, on: EmbeddedEventLoop(), now: now) {
        case .serve(let entry): return entry.body != nil
        case .wait: return false
        // a drawing left begun would make later lookups wait (and leak its promise): end it unshared
        case .draw(let ticket): cache.finish(ticket, shareable: nil); return false
        }
    }

    @Test func entriesStayWithinTheirByteBudgetAndGeneration() throws {
        let cache = PageCache(seconds: 60, maxBytes: 10_000)
        let body = ByteBuffer(string: String(repeating: "x", count: 3_000))
        for i in 0..<10 { Self.drawn(cache, "/p\(i)", body: body) }
        #expect(Self.served(cache, "/p9"))
        #expect((0..<10).filter { Self.served(cache, "/p\($0)") }.count <= 3)
        // a drawing begun before a write is handed to its waiters but never stored
        let loop = EmbeddedEventLoop()
        guard case .draw(let late) = cache.begin("/late", on: loop), case .wait(let waiting) = cache.begin("/late", on: loop) else {
            Issue.record("a second request for a page being drawn should wait for it")
            return
        }
        cache.invalidate()
        guard case .draw(let fresh) = cache.begin("/late", on: loop) else {
            Issue.record("after a write a request should not wait for a drawing begun before it")
            return
        }
        cache.finish(late, shareable: true, body: body)
        #expect(try waiting.wait()?.body == body)
        #expect(!Self.served(cache, "/p9"))
        cache.finish(fresh, shareable: nil)
        #expect(!Self.served(cache, "/late"))
    }

    @Test func oneDrawingServesEveryoneAskingAtOnceAndExpiredPagesAreServedWhileRedrawn() throws {
        let cache = PageCache(seconds: 2)
        let loop = EmbeddedEventLoop()
        let start = NIODeadline.now()
        guard case .draw(let first) = cache.begin("/p", on: loop, now: start),
              case .wait(let second) = cache.begin("/p", on: loop, now: start),
              case .wait(let third) = cache.begin("/p", on: loop, now: start)
        else { Issue.record("concurrent requests should wait for the first drawing"); return }
        cache.finish(first, shareable: true, body: ByteBuffer(string: "one"), now: start)
        #expect(try second.wait()?.body == ByteBuffer(string: "one") && third.wait()?.body == ByteBuffer(string: "one"))
        // expired: the first request redraws, the others get the previous drawing meanwhile
        let later = start + .seconds(3)
        guard case .draw(let redraw) = cache.begin("/p", on: loop, now: later),
              case .serve(let stale) = cache.begin("/p", on: loop, now: later)
        else { Issue.record("an expired page should be redrawn by one request and served to the others"); return }
        #expect(stale.body == ByteBuffer(string: "one"))
        cache.finish(redraw, shareable: true, body: ByteBuffer(string: "two"), now: later)
        guard case .serve(let fresh) = cache.begin("/p", on: loop, now: later) else { Issue.record("the redrawing should be served"); return }
        #expect(fresh.body == ByteBuffer(string: "two"))
        // a page that cannot be shared sends its requests straight through, not into a queue
        guard case .draw(let form) = cache.begin("/login", on: loop, now: later) else { Issue.record("first view draws"); return }
        cache.finish(form, shareable: false, now: later)
        guard case .serve(let marker) = cache.begin("/login", on: loop, now: later) else { Issue.record("marker expected"); return }
        #expect(marker.body == nil)
    }

    @Test(arguments: Engine.all)
    func manyAnonymousViewsAtOnceRunThePageStatementsOnce(engine: Engine) async throws {
        try await Self.cachedApp(engine) { app in
            let counter = StatementCounter()
            counter.install(on: app)
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            let proposal = try await TestFixtures.proposal(app, process: process, author: author, title: "Une proposition lue par beaucoup de monde")
            let path = "/fr/proposals/\(proposal.id!)"
            _ = try await Client(app).get(path) // warms the per-instance caches (region, home facts)
            app.pageCache.invalidate()
            let once = try await counter.during { _ = try await Client(app).get(path) }
            app.pageCache.invalidate()
            let together = try await counter.during {
                try await withThrowingTaskGroup(of: String.self) { group in
                    for _ in 0..<8 { group.addTask { try await Client(app).get(path).body.string } }
                    for try await body in group { #expect(body.contains("Une proposition lue")) }
                }
            }
            // the page's own statements (the region's name, re-read every ten seconds, may fall in either)
            let own = { (statements: [String]) in statements.filter { $0.contains("proposal") }.count }
            #expect(own(once) > 0 && own(together) == own(once), "one view: \(own(once)) statements, eight at once: \(own(together))")
        }
    }
}
