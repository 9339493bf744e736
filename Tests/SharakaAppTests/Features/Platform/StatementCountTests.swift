import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import SQLKit
import Testing
import Vapor

/// The number of SQL statements a page runs does not grow with its data: each page is
/// drawn at two sizes and counted (the second view, once the per-instance caches are warm).
@Suite struct StatementCountTests {
    /// Statements of an anonymous view of `path` once the caches are warm: the fewer of two
    /// views, because the region's name is re-read every ten seconds, which a slow machine
    /// can reach between two views.
    static func count(_ app: Application, _ counter: StatementCounter, _ path: String) async throws -> Int {
        let client = Client(app)
        #expect(try await client.get(path).status == .ok, "\(path)")
        return try await fewest { try await counter.during { _ = try await client.get(path) }.count }
    }

    static func fewest(_ view: () async throws -> Int) async throws -> Int {
        min(try await view(), try await view())
    }

    @Test(arguments: Engine.all)
    func proposalPageAndListDoNotGrowWithCommentsOrProposals(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let counter = StatementCounter()
            counter.install(on: app)
            let process = try await processInPhase(app, .proposals)
            var people: [User] = []
            for i in 0..<6 { people.append(try await TestFixtures.user(app, email: "p\(i)@example.ma", name: "Personne \(i)")) }
            let proposal = try await TestFixtures.proposal(app, process: process, author: people[0])
            func grow(comments: Int, proposals: Int) async throws {
                for i in 0..<comments {
                    try await Comment(target: .proposal, targetID: proposal.id!, parent: nil, authorID: people[i % 6].id!,
                                      body: "Commentaire numéro \(i)", alignment: .neutral).create(on: app.db)
                }
                for i in 0..<proposals {
                    try await TestFixtures.proposal(app, process: process, author: people[i % 6], title: "Proposition numéro \(i) sur la région")
                }
            }
            try await grow(comments: 3, proposals: 3)
            let page = "/fr/proposals/\(proposal.id!)", list = "/fr/processes/\(process.id!)/proposals?sort=newest"
            let small = (try await Self.count(app, counter, page), try await Self.count(app, counter, list))
            try await grow(comments: 20, proposals: 25)
            let large = (try await Self.count(app, counter, page), try await Self.count(app, counter, list))
            // the counter sees the statements at all (a page reads its process, proposal, comments …)
            #expect(small.0 >= 4 && small.1 >= 3, "counted \(small)")
            // the read model: the proposal with its joins, phases, answers, merged, workshops, commitments, comments
            #expect(small.0 <= 7, "proposal page: \(small.0) statements")
            #expect(small.0 == large.0, "proposal page: \(small.0) statements with 3 comments, \(large.0) with 23")
            #expect(small.1 == large.1, "proposals list: \(small.1) statements with 4 proposals, \(large.1) with 29")
        }
    }

    @Test(arguments: Engine.all)
    func planDashboardDoesNotGrowWithMilestones(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let counter = StatementCounter()
            counter.install(on: app)
            let f = try await PlanFixture.make(app)
            let path = "/fr/plans/\(f.plan.id!)/dashboard"
            let small = try await Self.count(app, counter, path)
            for n in 3..<15 {
                let m = Milestone()
                m.position = n; m.title = .init([.fr: "Jalon \(n)"]); m.deliverable = .init([.fr: "Livrable"]); m.responsibleBody = "Conseil"
                m.startsOn = "2025-04-01"; m.endsOn = "2026-06-30"; m.weight = 1; m.status = "in_progress"; m.percent = 10; m.cancelReason = ""
                m.$commitment.id = f.commitment.id!
                try await m.create(on: app.db)
            }
            let large = try await Self.count(app, counter, path)
            #expect(small >= 3, "counted \(small)")
            #expect(small == large, "plan dashboard: \(small) statements with 2 milestones, \(large) with 14")
        }
    }

    @Test(arguments: Engine.all)
    func moderationQueueDoesNotGrowWithReports(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let counter = StatementCounter()
            counter.install(on: app)
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            let reporter = try await TestFixtures.user(app, email: "reporter@example.ma")
            try await TestFixtures.user(app, email: "mod@example.ma", role: .moderator)
            func report(_ n: Int) async throws {
                for i in 0..<n {
                    let p = try await TestFixtures.proposal(app, process: process, author: author, title: "Proposition signalée numéro \(i) \(UUID())")
                    try await Report(target: .proposal, id: p.id!, reporterID: reporter.id!, reason: .spam, details: "").create(on: app.db)
                }
            }
            let moderator = Client(app)
            try await moderator.login("mod@example.ma", lang: "fr")
            func count() async throws -> Int {
                #expect(try await moderator.get("/fr/moderation").status == .ok)
                return try await Self.fewest { try await counter.during { _ = try await moderator.get("/fr/moderation") }.count }
            }
            try await report(2)
            let small = try await count()
            try await report(10)
            let large = try await count()
            #expect(small >= 3, "counted \(small)")
            #expect(small == large, "moderation queue: \(small) statements with 2 reports, \(large) with 12")
        }
    }

    @Test(arguments: Engine.all)
    func processWorkshopPlanAndDirectoryPagesDoNotGrow(engine: Engine) async throws {
        try await withTestApp(engine, seed: false) { app in
            // setup: the demo region
            _ = try await DemoSeed.run(on: app)
            let counter = StatementCounter()
            counter.install(on: app)
            let process = try #require(try await ParticipatoryProcess.query(on: app.db).first())
            let meeting = try #require(try await Meeting.query(on: app.db).first())
            let plan = try #require(try await ActionPlan.query(on: app.db).filter(\.$member == DemoPlan.ogpName).first())
            let commitment = try #require(try await Commitment.query(on: app.db).filter(\.$plan.$id == plan.id!).first())
            let council = try #require(try await Organisation.query(on: app.db).filter(\.$sector == Sector.regionalCouncil.rawValue).first())
            let pages = ["/fr/", "/fr/processes", "/fr/processes/\(process.id!)", "/fr/processes/\(process.id!)/meetings", "/fr/meetings/\(meeting.id!)",
                         "/fr/processes/\(process.id!)/dashboard", "/fr/plans", "/fr/plans/\(plan.id!)", "/fr/commitments/\(commitment.id!)", "/fr/plans/\(plan.id!)/dashboard",
                         "/fr/organisations", "/fr/organisations/\(council.id!)",
                         "/api/v1/processes", "/api/v1/plans", "/api/v1/plans/\(plan.id!)", "/api/v1/plans/\(plan.id!)/dashboard",
                         "/api/v1/commitments/\(commitment.id!)", "/api/v1/organisations"]
            func counts() async throws -> [String: Int] {
                var out: [String: Int] = [:]
                for page in pages { out[page] = try await Self.count(app, counter, page) }
                return out
            }
            let small = try await counts()
            // act: more of everything those pages list or count
            for i in 0..<12 {
                let u = try await TestFixtures.user(app, email: "inscrit\(i)@example.ma", name: "Inscrit \(i)")
                let r = MeetingRegistration()
                r.createdAt = Date(); r.status = i < 8 ? "registered" : "waiting"; r.code = "C\(i)"; r.attended = i % 2 == 0
                r.family = i % 3 == 0 ? "citizen" : "civil_society"; r.provinceCode = i % 2 == 0 ? nil : "oujda-angad"
                r.$meeting.id = meeting.id!; r.$user.id = u.id!
                try await r.create(on: app.db)
                try await Organisation(name: .init([.fr: "Association numéro \(i)"]), sector: .association, provinceCode: nil).create(on: app.db)
                try await TestFixtures.proposal(app, process: process, author: u, title: "Proposition supplémentaire numéro \(i)")
            }
            for n in 0..<4 {
                let c = Commitment()
                c.reference = "OR-X-\(n)"; c.position = 100 + n; c.title = .init([.fr: "Engagement \(n)"]); c.problem = .init([.fr: "Problème"])
                c.causes = .init(); c.solution = .init([.fr: "Solution"]); c.changes = .init(); c.ogpValues = "civic_participation"; c.theme = "open_data"
                c.leadBody = "Conseil"; c.supportingActors = .init(actors: []); c.provinces = .init(codes: []); c.startsOn = "2025-04-01"
                c.endsOn = "2027-06-30"; c.budgetCentimes = 100_000; c.contact = ""; c.completion = 10; c.$plan.id = plan.id!
                try await c.create(on: app.db)
                for target in [c.id!, commitment.id!] {
                    let m = Milestone()
                    m.position = 50 + n; m.title = .init([.fr: "Jalon \(n)"]); m.deliverable = .init([.fr: "Livrable"]); m.responsibleBody = "Conseil"
                    m.startsOn = "2025-04-01"; m.endsOn = "2026-06-30"; m.weight = 1; m.status = "in_progress"; m.percent = 10; m.cancelReason = ""
                    m.$commitment.id = target
                    try await m.create(on: app.db)
                }
                let other = ParticipatoryProcess()
                other.title = .init([.fr: "Processus \(n)"]); other.summary = .init([.fr: "Résumé"]); other.description = .init([.fr: "Description"])
                other.scope = []; other.contact = ""; other.hashtag = ""; other.status = ProcessStatus.published.rawValue; other.$organiser.id = council.id!
                try await other.create(on: app.db)
                try await Phase(processID: other.id!, kind: .proposals, name: .init([.fr: "Propositions"]),
                                starts: Day(year: 2025, month: 1, day: 1)!, ends: Day(year: 2030, month: 1, day: 1)!).create(on: app.db)
            }
            let large = try await counts()
            // check
            for page in pages {
                // (the home page's figures are kept for a few seconds, so a warm view may run none)
                #expect(small[page]! >= (page == "/fr/" ? 0 : 1), "\(page): counted \(small[page]!)")
                #expect(small[page] == large[page], "\(page): \(small[page]!) statements, then \(large[page]!) with more data")
            }
        }
    }

    @Test(arguments: Engine.all)
    func anonymousViewsOfEveryPageTypeWriteNothing(engine: Engine) async throws {
        try await withTestApp(engine, seed: false) { app in
            // setup: the demo region, with every kind of page filled
            _ = try await DemoSeed.run(on: app)
            let counter = StatementCounter()
            counter.install(on: app)
            let process = try #require(try await ParticipatoryProcess.query(on: app.db).first())
            let proposal = try #require(try await Proposal.query(on: app.db).first())
            let meeting = try #require(try await Meeting.query(on: app.db).first())
            let plan = try #require(try await ActionPlan.query(on: app.db).filter(\.$member == DemoPlan.ogpName).first())
            let commitment = try #require(try await Commitment.query(on: app.db).filter(\.$plan.$id == plan.id!).first())
            let update = try #require(try await ProgressUpdate.query(on: app.db).first())
            let report = try #require(try await AssessmentReport.query(on: app.db).first())
            let organisation = try #require(try await Organisation.query(on: app.db).first())
            let pages = ["/", "/processes", "/processes/\(process.id!)", "/processes/\(process.id!)/proposals", "/proposals/\(proposal.id!)",
                         "/processes/\(process.id!)/meetings", "/meetings/\(meeting.id!)", "/processes/\(process.id!)/dashboard", "/search?q=ميزانية",
                         "/plans", "/plans/\(plan.id!)", "/plans/\(plan.id!)/dashboard", "/plans/\(plan.id!)/print", "/plans/\(plan.id!)/reports",
                         "/reports/\(report.id!)", "/commitments/\(commitment.id!)", "/commitments/\(commitment.id!)/history", "/progress/\(update.id!)",
                         "/organisations", "/organisations/\(organisation.id!)", "/audit"]
            let client = Client(app)
            var statuses: [String: HTTPStatus] = [:]
            let statements = try await counter.during { () async throws -> Void in
                for lang in ["ar", "fr"] {
                    for page in pages { statuses["/\(lang)\(page)"] = try await client.get("/\(lang)\(page)").status }
                }
            }
            #expect(statuses.filter { $0.value != .ok }.isEmpty, "\(statuses.filter { $0.value != .ok })")
            // check: read, never written — no session, no row touched
            let writes = statements.filter { ["INSERT", "UPDATE", "DELETE"].contains(where: $0.uppercased().hasPrefix) }
            #expect(writes.isEmpty, "\(writes.prefix(3))")
            #expect(statements.count > pages.count)
            #expect(client.cookies["sharaka_session"] == nil)
            #expect(try await PlatformTests.sessionCount(app) == 0)
        }
    }

    @Test(arguments: Engine.all)
    func aSupportIsDecidedAndWrittenByOneStatement(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let counter = StatementCounter()
            counter.install(on: app)
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            let fan = try await TestFixtures.user(app, email: "fan@example.ma")
            let proposal = try await TestFixtures.proposal(app, process: process, author: author)
            try await APIToken(userID: fan.id!, name: "script", clear: "shk_fan").create(on: app.db)
            try await APIToken(userID: author.id!, name: "script", clear: "shk_author").create(on: app.db)
            func support(_ token: String, _ method: HTTPMethod = .POST) async throws -> (HTTPStatus, [String]) {
                var status = HTTPStatus.ok
                let statements = try await counter.during {
                    try await app.testing().test(method, "/api/v1/proposals/\(proposal.id!)/support",
                                                 headers: ["Authorization": "Bearer \(token)"], afterResponse: { status = $0.status })
                }
                return (status, statements.filter { !$0.uppercased().hasPrefix("SELECT") })
            }
            // the writes of a support: one INSERT (the counter moves by trigger), no transaction round trips
            let (status, writes) = try await support("shk_fan")
            #expect(status == .ok)
            #expect(writes.count == 2 && writes.filter { $0.uppercased().hasPrefix("INSERT INTO SUPPORTS") }.count == 1, "\(writes)")
            #expect(!writes.contains { $0.uppercased().hasPrefix("BEGIN") || $0.uppercased().hasPrefix("UPDATE PROPOSALS") }, "\(writes)")
            #expect(try await Proposal.find(proposal.id, on: app.db)?.supportsCount == 1)
            // a second click: the same statement writes nothing; the author is refused before any write
            let (_, again) = try await support("shk_fan")
            #expect(!again.contains { $0.uppercased().hasPrefix("UPDATE API_TOKENS") }, "\(again)")
            #expect(try await Proposal.find(proposal.id, on: app.db)?.supportsCount == 1)
            // the token's first use in a minute was recorded by the first click, not again by the second
            #expect(writes.contains { $0.uppercased().hasPrefix("UPDATE API_TOKENS") })
            #expect(try await APIToken.query(on: app.db).filter(\.$name == "script").all().compactMap(\.lastUsedAt).count == 1)
            let (own, ownWrites) = try await support("shk_author")
            #expect(own == .unprocessableEntity && !ownWrites.contains { $0.uppercased().hasPrefix("INSERT INTO SUPPORTS") })
            // the owner read with the token is the stored account: saving it updates, never inserts
            let owner = try #require(try await TokenOwner.find(hash: APIToken.hash("shk_fan"), on: app.db as! any SQLDatabase))
            #expect(owner.user.id == fan.id && owner.user.email == fan.email && owner.user.isConfirmed)
            let accounts = try await User.query(on: app.db).count()
            owner.user.name = "Nouveau nom"
            try await owner.user.save(on: app.db)
            #expect(try await User.query(on: app.db).count() == accounts)
            #expect(try await User.find(fan.id, on: app.db)?.name == "Nouveau nom")
            #expect(try await TokenOwner.find(hash: APIToken.hash("shk_nobody"), on: app.db as! any SQLDatabase) == nil)
            // taking it back: one DELETE, the counter follows
            _ = try await support("shk_fan", .DELETE)
            #expect(try await Proposal.find(proposal.id, on: app.db)?.supportsCount == 0)
            #expect(try await Support.query(on: app.db).count() == 0)
        }
    }
}
