import Fluent
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct SearchTests {
    /// The same data and the same questions on each engine: the answers are written
    /// out once, so SQLite FTS5 and PostgreSQL must agree to pass.
    @Test(arguments: Engine.all)
    func sameAnswersOnBothEngines(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            let other = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "a@example.ma", name: "Amina")
            let budget = try await TestFixtures.proposal(app, process: process, author: author, title: "نشر الميزانيّة الجهوية بصيغة مفتوحة")
            let hospital = try await TestFixtures.proposal(app, process: process, author: author, title: "Publier les délais d'attente à l'hôpital d'Oujda")
            let elsewhere = try await TestFixtures.proposal(app, process: other, author: author, title: "Budget participatif des jeunes de Nador")
            let hidden = try await TestFixtures.proposal(app, process: process, author: author, title: "Budget caché par la modération")
            hidden.hiddenAt = Date(); try await hidden.save(on: app.db)
            try await SearchIndex.refresh(.proposal, hidden.id!, on: app.db)

            let c = Client(app)
            try await c.login("a@example.ma")
            try await c.get("/fr/proposals/\(hospital.id!)")
            #expect(try await c.post("/fr/comments", ["target_kind": "proposal", "target_id": hospital.id!.uuidString, "body": "Les délais aux URGENCES dépassent 6 heures."]).status == .seeOther)

            func ids(_ q: String, _ extra: String = "") async throws -> Set<String> {
                let html = try await Client(app).get("/fr/search?q=\(Client.encode(q))\(extra)").body.string
                var found = Set<String>()
                for p in [budget, hospital, elsewhere, hidden] where html.contains("/fr/proposals/\(p.id!)\"") { found.insert(p.title) }
                if html.contains("#comment-") { found.insert("comment") }
                return found
            }
            // Arabic normalisation: shadda, hamza, taa marbuta; with or without the article
            #expect(try await ids("الميزانية") == [budget.title])
            #expect(try await ids("ميزانيه") == [budget.title])
            #expect(try await ids("الجهويّة مفتوحه") == [budget.title])
            // French: case, accents, prefixes; every word must match
            #expect(try await ids("budget") == [elsewhere.title])
            #expect(try await ids("DELAIS") == [hospital.title, "comment"])
            #expect(try await ids("urgen") == ["comment"])
            #expect(try await ids("délais hôpital") == [hospital.title])
            #expect(try await ids("délais inexistant") == [])
            // filters: type and process
            #expect(try await ids("delais", "&type=comment") == ["comment"])
            #expect(try await ids("budget", "&process=\(process.id!)") == [])
            #expect(try await ids("budget", "&process=\(other.id!)") == [elsewhere.title])
            // the highlighted snippet, escaped text, and bad input that must not break anything
            let page = try await Client(app).get("/fr/search?q=urgences").body.string
            #expect(page.contains("<mark>URGENCES</mark>"))
            for q in ["\"", "*", "' OR 1=1 --", "a AND", "NEAR(", "(", ":*", String(repeating: "x", count: 5000), "؟؟"] {
                let res = try await Client(app).get("/fr/search?q=\(Client.encode(q))&type=nope&process=nope&page=-3")
                #expect(res.status == .ok, "\(q)")
            }
            #expect(try await Client(app).get("/fr/search").body.string.contains(Localizer(.fr)(.searchIntro)))
            #expect(try await Client(app).get("/fr/search?q=zzzz").body.string.contains(Localizer(.fr)(.searchNoResults, ["q": "zzzz"])))

            // edits and deletions follow: a deleted comment leaves the index
            let comment = try #require(try await Comment.query(on: app.db).first())
            #expect(try await c.post("/fr/comments/\(comment.id!)/delete", ["confirm": "yes"]).status == .seeOther)
            #expect(try await ids("urgences") == [])
            // a rebuild gives the same index
            try await SearchIndex.rebuild(on: app.db)
            #expect(try await ids("الميزانية") == [budget.title])
            #expect(try await ids("budget") == [elsewhere.title])
        }
    }

    /// Results are read a page at a time, newest first, also after a rebuild, and counted in SQL.
    @Test(arguments: Engine.all)
    func pagesOfResultsNewestFirst(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let counter = StatementCounter()
            counter.install(on: app)
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "a@example.ma", name: "Amina")
            var made: [Proposal] = []
            for i in 0..<25 {
                made.append(try await TestFixtures.proposal(app, process: process, author: author, title: "Transparence des marchés publics numéro \(i)"))
            }
            func order(_ page: Int) async throws -> [Int] {
                let html = try await Client(app).get("/fr/search?q=transparence&type=proposal&page=\(page)").body.string
                let positions = made.enumerated().compactMap { i, p in html.range(of: "/fr/proposals/\(p.id!)\"").map { (i, $0.lowerBound) } }
                return positions.sorted { $0.1 < $1.1 }.map(\.0)
            }
            let first = try await order(1), second = try await order(2)
            #expect(first == Array((5..<25).reversed()), "\(first)")
            #expect(second == Array((0..<5).reversed()), "\(second)")
            let statements = try await counter.during { _ = try await Client(app).get("/fr/search?q=transparence&page=2") }
            #expect(statements.filter { $0.contains("search_") }.count == 2, "\(statements)")
            #expect(try await Client(app).get("/fr/search?q=transparence").body.string.contains(Localizer(.fr).plural(.resultsCount, 25)))
            try await SearchIndex.rebuild(on: app.db)
            #expect(try await order(1) == first)
        }
    }
}
