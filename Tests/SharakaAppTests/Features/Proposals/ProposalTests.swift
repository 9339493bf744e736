import Fluent
@testable import SharakaApp
import SharakaCore
import SQLKit
import Testing
import Vapor

/// A published process whose current phase is `current`.
func processInPhase(_ app: Application, _ current: PhaseKind) async throws -> ParticipatoryProcess {
    let council = Organisation(name: .init([.ar: "مجلس الجهة"]), sector: .regionalCouncil, provinceCode: nil)
    try await council.create(on: app.db)
    let p = ParticipatoryProcess()
    ProcessForm.readDefaults(into: p, organiser: council.id!)
    p.status = "published"
    try await p.create(on: app.db)
    let today = Day(Date())
    try await Phase(processID: p.id!, kind: .information, name: .init([.fr: "Info"]), starts: today.adding(days: -40), ends: today.adding(days: -21)).create(on: app.db)
    try await Phase(processID: p.id!, kind: current, name: .init([.fr: "Courante"]), starts: today.adding(days: -20), ends: today.adding(days: 20)).create(on: app.db)
    return p
}

@Suite struct ProposalTests {
    static let form = ["title": "نشر الميزانية الجهوية بصيغة مفتوحة", "body": "نقترح نشر الميزانية كل سنة بصيغة CSV\nمع شرح مبسط: https://oriental.ma/budget",
                       "language": "ar", "ogp_value": "access_to_information", "theme": "fiscal_transparency", "province": "02.411"]

    @Test(arguments: Engine.all)
    func citizenWritesInArabicAndOthersSupport(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            try await TestFixtures.user(app, email: "author@example.ma", name: "Amina")
            try await TestFixtures.user(app, email: "supporter@example.ma")
            let author = Client(app)
            try await author.login("author@example.ma")
            #expect(try await author.get("/ar/processes/\(process.id!)/proposals/new").status == .ok)

            // bad input: every field explained, nothing stored
            let bad = try await author.post("/ar/processes/\(process.id!)/proposals", ["title": "قصير", "body": "", "language": "xx", "ogp_value": "?", "theme": "?", "province": "nowhere", "on_behalf": UUID().uuidString])
            #expect(bad.status == .unprocessableEntity)
            for field in ["title", "body", "language", "ogp_value", "theme", "province"] { #expect(bad.body.string.contains("f-\(field)-error"), "\(field)") }
            #expect(try await Proposal.query(on: app.db).count() == 0)

            // published
            let created = try await author.post("/ar/processes/\(process.id!)/proposals", Self.form)
            #expect(created.status == .seeOther)
            let proposal = try #require(try await Proposal.query(on: app.db).first())
            let page = try await author.get("/ar/proposals/\(proposal.id!)")
            #expect(page.body.string.contains("Amina"))
            #expect(page.body.string.contains("<a href=\"https://oriental.ma/budget\" rel=\"nofollow noopener ugc\">"))
            #expect(page.body.string.contains("<br/>"))
            // the French page says which language it is written in
            #expect(try await author.get("/fr/proposals/\(proposal.id!)").body.string.contains("Rédigé en arabe"))
            // the author cannot support their own proposal
            #expect(try await author.post("/ar/proposals/\(proposal.id!)/support").status == .unprocessableEntity)

            // another account supports; a second click changes nothing; taking it back works
            let supporter = Client(app)
            try await supporter.login("supporter@example.ma")
            try await supporter.get("/ar/proposals/\(proposal.id!)")
            #expect(try await supporter.post("/ar/proposals/\(proposal.id!)/support").status == .seeOther)
            #expect(try await supporter.post("/ar/proposals/\(proposal.id!)/support").status == .seeOther)
            #expect(try await Proposal.find(proposal.id, on: app.db)?.supportsCount == 1)
            #expect(try await Support.query(on: app.db).count() == 1)
            #expect(try await supporter.get("/ar/proposals/\(proposal.id!)").body.string.contains(Localizer(.ar)(.supportAlready)))

            // supported: the author can no longer edit
            #expect(try await author.get("/ar/proposals/\(proposal.id!)/edit").status == .conflict)
            let late = try await author.post("/ar/proposals/\(proposal.id!)/edit", Self.form.merging(["title": "عنوان آخر مختلف تماما"]) { $1 })
            #expect(late.status == .conflict)
            #expect(late.body.string.contains(Localizer(.ar)(.refusalNotEditable)))
            #expect(try await Proposal.find(proposal.id, on: app.db)?.title == Self.form["title"])

            #expect(try await supporter.post("/ar/proposals/\(proposal.id!)/unsupport").status == .seeOther)
            #expect(try await Proposal.find(proposal.id, on: app.db)?.supportsCount == 0)
        }
    }

    @Test(arguments: Engine.all)
    func concurrentSupportsAreCountedExactly(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            let proposal = Proposal()
            ProposalForm.read(from: Self.form).apply(to: proposal)
            proposal.$process.id = process.id!; proposal.$author.id = author.id!; proposal.status = "published"
            proposal.supportsCount = 0; proposal.commentsCount = 0; proposal.randomKey = 7
            try await proposal.create(on: app.db)
            var clients: [Client] = []
            for i in 0..<8 {
                try await TestFixtures.user(app, email: "s\(i)@example.ma")
                let c = Client(app)
                try await c.login("s\(i)@example.ma")
                try await c.get("/ar/proposals/\(proposal.id!)")
                clients.append(c)
            }
            // each account clicks twice, all at once
            try await withThrowingTaskGroup(of: Void.self) { group in
                for c in clients + clients {
                    group.addTask { _ = try await c.post("/ar/proposals/\(proposal.id!)/support") }
                }
                try await group.waitForAll()
            }
            #expect(try await Support.query(on: app.db).count() == 8)
            #expect(try await Proposal.find(proposal.id, on: app.db)?.supportsCount == 8)
        }
    }

    @Test(arguments: Engine.all)
    func proposalsOnlyInTheProposalsPhase(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .workshops)
            let client = try await Client.signedIn(app, as: "late@example.ma", lang: "fr")
            let page = try await client.get("/fr/processes/\(process.id!)/proposals/new")
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.string.contains(Localizer(.fr)(.refusalNotProposalPhase)))
            try await client.get("/fr/processes/\(process.id!)/proposals")
            #expect(try await client.post("/fr/processes/\(process.id!)/proposals", Self.form).status == .unprocessableEntity)
            #expect(try await Proposal.query(on: app.db).count() == 0)
            // visitors are asked to log in
            #expect(try await Client(app).get("/fr/processes/\(process.id!)/proposals/new").status == .seeOther)
        }
    }

    @Test(arguments: Engine.all)
    func editThenWithdrawAndAttachments(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            try await TestFixtures.user(app, email: "author@example.ma")
            try await TestFixtures.user(app, email: "other@example.ma")
            let author = Client(app)
            try await author.login("author@example.ma", lang: "fr")
            try await author.get("/fr/processes/\(process.id!)/proposals/new")
            // an attachment that is not what it claims is refused
            let fake = try await author.postMultipart("/fr/processes/\(process.id!)/proposals", Self.form, file: ("attachment", "budget.pdf", "application/pdf", Data("<html><script>x</script></html>".utf8)))
            #expect(fake.status == .unprocessableEntity)
            #expect(fake.body.string.contains(Localizer(.fr)(.errFileType)))
            let pdf = Data("%PDF-1.4\n% demo\n".utf8)
            #expect(try await author.postMultipart("/fr/processes/\(process.id!)/proposals", Self.form, file: ("attachment", "budget.pdf", "application/pdf", pdf)).status == .seeOther)
            let proposal = try #require(try await Proposal.query(on: app.db).first())
            #expect(proposal.attachmentSHA256 != nil)
            #expect(try await author.get("/fr/proposals/\(proposal.id!)").body.string.contains("budget.pdf"))

            // someone else may not edit or withdraw it
            let other = Client(app)
            try await other.login("other@example.ma", lang: "fr")
            #expect(try await other.get("/fr/proposals/\(proposal.id!)/edit").status == .forbidden)
            #expect(try await other.post("/fr/proposals/\(proposal.id!)/withdraw", ["confirm": "yes"]).status == .forbidden)

            // the author edits while nobody reacted
            try await author.get("/fr/proposals/\(proposal.id!)/edit")
            #expect(try await author.post("/fr/proposals/\(proposal.id!)/edit", Self.form.merging(["title": "Publier le budget régional en données ouvertes", "language": "fr"]) { $1 }).status == .seeOther)
            #expect(try await Proposal.find(proposal.id, on: app.db)?.language == "fr")

            // withdraw needs the confirmation box; then it stays, marked, and cannot be supported
            try await author.post("/fr/proposals/\(proposal.id!)/withdraw")
            // the refusal is said as an error on the next page, not as a green notice
            let told = try await author.get("/fr/proposals/\(proposal.id!)").body.string
            #expect(told.contains("<p class=\"error-summary\" role=\"alert\">\(Localizer(.fr)(.errConfirmWithdraw).textEscaped)</p>"))
            #expect(try await Proposal.find(proposal.id, on: app.db)?.status == "published")
            #expect(try await author.post("/fr/proposals/\(proposal.id!)/withdraw", ["confirm": "yes"]).status == .seeOther)
            #expect(try await Proposal.find(proposal.id, on: app.db)?.status == "withdrawn")
            #expect(try await Client(app).get("/fr/proposals/\(proposal.id!)").body.string.contains(Localizer(.fr)(.proposalWithdrawnMark)))
            try await other.get("/fr/proposals/\(proposal.id!)")
            #expect(try await other.post("/fr/proposals/\(proposal.id!)/support").status == .unprocessableEntity)
        }
    }

    @Test(arguments: Engine.all)
    func listFiltersSortsAndPaginates(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            let citizen = try await TestFixtures.user(app, email: "c@example.ma")
            let assoc = Organisation(name: .init([.fr: "Association X"]), sector: .association, provinceCode: nil)
            try await assoc.create(on: app.db)
            for i in 0..<25 {
                let p = Proposal()
                ProposalForm.read(from: Self.form.merging(["title": "Proposition numéro \(i) pour la région", "theme": i % 5 == 0 ? "open_data" : "fiscal_transparency",
                                                           "ogp_value": i % 2 == 0 ? "civic_participation" : "access_to_information", "language": "fr"]) { $1 }).apply(to: p)
                p.$process.id = process.id!; p.$author.id = citizen.id!; p.status = "published"
                p.supportsCount = i; p.commentsCount = 25 - i; p.randomKey = (i * 7919) % 101
                if i < 3 { p.$organisation.id = assoc.id! }
                try await p.create(on: app.db)
            }
            let client = Client(app)
            let base = "/fr/processes/\(process.id!)/proposals"
            func titles(_ query: String) async throws -> [String] {
                let html = try await client.get(base + query).body.string
                return html.components(separatedBy: "Proposition numéro ").dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
            }
            #expect(try await client.get(base).body.string.contains("25 propositions"))
            #expect(try await titles("?sort=supported").prefix(3) == ["24", "23", "22"])
            #expect(try await titles("?sort=commented").prefix(2) == ["0", "1"])
            #expect(try await titles("?sort=supported&page=2").first == "4")
            #expect(try await client.get(base + "?theme=open_data").body.string.contains("5 propositions"))
            #expect(try await client.get(base + "?value=civic_participation&theme=open_data").body.string.contains("3 propositions"))
            #expect(try await client.get(base + "?sector=civil_society").body.string.contains("3 propositions"))
            #expect(try await client.get(base + "?sector=citizen").body.string.contains("22 propositions"))
            #expect(try await client.get(base + "?answer=unanswered").body.string.contains("25 propositions"))
            // random order: the same for one visitor across requests, all proposals present over the pages
            let first = try await titles("")
            #expect(try await titles("") == first)
            let all = try await titles("?page=1") + titles("?page=2")
            #expect(Set(all).count == 25)
            // nonsense parameters are ignored
            #expect(try await client.get(base + "?sort=drop&theme=%27&page=-1").status == .ok)
        }
    }

    @Test(arguments: Engine.all)
    func randomOrderIsARotationOfTheKeyOrderThatCoversEveryProposalOnce(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: 25 proposals with keys spread over the whole key range
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            var byKey: [Int: UUID] = [:]
            for i in 0..<25 {
                let p = try await TestFixtures.proposal(app, process: process, author: author, title: "Proposition numéro \(i) pour la région")
                p.randomKey = i * 85_000_000 + 12_345
                try await p.save(on: app.db)
                byKey[p.randomKey] = p.id!
            }
            let keyOrder = byKey.keys.sorted().map { byKey[$0]! }
            for seed in [1, 7, 4_242, 99_999, 123_456_789] {
                // act: three pages of ten for one visitor
                var seen: [UUID] = []
                for n in 1...3 {
                    let list = try await ProposalListQuery(process: process.id!, filter: ProposalListFilter())
                        .run(on: app.db as! any SQLDatabase, seed: seed, page: PageRequest(page: n, per: 10))
                    #expect(list.total == 25)
                    seen += list.items.map(\.id)
                }
                // check: every proposal once, in key order starting from the seed's key
                #expect(seen.count == 25 && Set(seen).count == 25)
                let start = ProposalListFilter.startKey(seed: seed)
                let firstIndex = byKey.keys.sorted().firstIndex { $0 >= start } ?? 0
                #expect(seen == Array(keyOrder[firstIndex...] + keyOrder[..<firstIndex]), "seed \(seed)")
            }
            #expect(Set([1, 7, 4_242, 99_999, 123_456_789].map(ProposalListFilter.startKey)).count == 5)
        }
    }

    /// The sorted orders go on by cursor: following the "next" links from page one lists every
    /// proposal once, in the same order as numbered pages, ties included; a bad cursor is a 400.
    @Test(arguments: Engine.all)
    func sortedListsFollowTheirNextLinksByCursor(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            var made: [UUID] = []
            for i in 0..<45 {
                let p = try await TestFixtures.proposal(app, process: process, author: author, title: "Proposition numéro \(i) pour la région")
                p.supportsCount = i % 4 // many ties
                try await p.save(on: app.db)
                made.append(p.id!)
            }
            let base = "/fr/processes/\(process.id!)/proposals"
            func ids(_ html: String) -> [UUID] {
                html.components(separatedBy: "href=\"/fr/proposals/").dropFirst().compactMap { UUID(uuidString: String($0.prefix(36))) }
            }
            for sort in ["supported", "commented", "newest"] {
                var byNumber: [UUID] = []
                for n in 1...3 { byNumber += ids(try await Client(app).get("\(base)?sort=\(sort)&page=\(n)").body.string) }
                var byCursor: [UUID] = [], next: String? = "\(base)?sort=\(sort)", pages = 0
                while let url = next {
                    let html = try await Client(app).get(url).body.string
                    byCursor += ids(html)
                    pages += 1
                    next = html.components(separatedBy: "<a href=\"").dropFirst().first { $0.contains("rel=\"next\"") && $0.contains("cursor=") }
                        .map { String($0.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&") }
                    if pages > 5 { break }
                }
                #expect(pages == 3, "\(sort): \(pages) pages")
                #expect(byCursor == byNumber && Set(byCursor) == Set(made) && byCursor.count == 45, "\(sort)")
            }
            for bad in ["nonsense", "eyJzb3J0IjoibmV3ZXN0In0", APICursor(sort: "newest", after: made[0]).encoded] {
                #expect(try await Client(app).get("\(base)?sort=supported&cursor=\(bad)").status == .badRequest, "\(bad)")
            }
        }
    }
}

extension ProposalForm {
    /// The form as if typed, for tests that insert proposals directly.
    static func read(from fields: [String: String]) -> ProposalForm {
        var f = ProposalForm()
        f.title = fields["title"] ?? ""; f.body = fields["body"] ?? ""; f.language = fields["language"]
        f.ogpValue = fields["ogp_value"]; f.theme = fields["theme"]; f.province = fields["province"]
        return f
    }
}
