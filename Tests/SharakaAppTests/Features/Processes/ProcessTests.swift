import Fluent
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct ProcessTests {
    struct World {
        let council: Organisation
        let association: Organisation
    }

    /// A regional council with an official, an association with a member.
    func world(_ app: Application) async throws -> World {
        let council = Organisation(name: .init([.ar: "مجلس جهة الشرق", .fr: "Conseil régional"]), sector: .regionalCouncil, provinceCode: nil)
        let association = Organisation(name: .init([.fr: "Association"]), sector: .association, provinceCode: nil)
        try await council.create(on: app.db)
        try await association.create(on: app.db)
        let official = try await TestFixtures.user(app, email: "official@example.ma", role: .official)
        try await Membership(userID: official.id!, organisationID: council.id!, role: .member).create(on: app.db)
        try await TestFixtures.user(app, email: "other-official@example.ma", role: .official)
        try await TestFixtures.user(app, email: "citizen@example.ma")
        return World(council: council, association: association)
    }

    static let form = ["title_ar": "إعداد خطة العمل 2025-2027", "title_fr": "Co-création du plan d'action 2025-2027",
                       "summary_fr": "Proposez, discutez.", "contact": "ogp@oriental.ma", "hashtag": "OGP_Oriental", "status": "draft"]

    @Test(arguments: Engine.all)
    func officialCreatesPublishesAndSchedulesPhases(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let w = try await world(app)
            let client = Client(app)
            try await client.login("official@example.ma", lang: "fr")
            let newPage = try await client.get("/fr/processes/new")
            #expect(newPage.status == .ok)
            // only the body the official belongs to is offered
            #expect(newPage.body.string.contains("Conseil régional") && !newPage.body.string.contains(">Association<"))

            // refused: title too short, organiser not theirs, bad hashtag, closed at birth
            var bad = Self.form.merging(["title_ar": "قصير", "title_fr": "", "organiser": w.association.id!.uuidString, "hashtag": "#a b", "status": "closed"]) { $1 }
            bad["scope[]"] = "99.999"
            let refused = try await client.post("/fr/processes", bad)
            #expect(refused.status == .unprocessableEntity)
            for field in ["title_ar", "organiser", "hashtag", "status", "scope"] { #expect(refused.body.string.contains("f-\(field)-error"), "\(field)") }
            #expect(try await ParticipatoryProcess.query(on: app.db).count() == 0)

            // created as a draft: invisible to the public
            let created = try await client.post("/fr/processes", Self.form.merging(["organiser": w.council.id!.uuidString, "scope[]": "02.411"]) { $1 })
            #expect(created.status == .seeOther)
            let process = try #require(try await ParticipatoryProcess.query(on: app.db).first())
            #expect(process.scope == ["02.411"] && process.hashtag == "OGP_Oriental" && process.statusValue == .draft)
            #expect(try await Client(app).get("/fr/processes/\(process.id!)").status == .notFound)
            #expect(!(try await Client(app).get("/fr/processes").body.string.contains("Co-création")))

            // phases: a bad date and an overlap are refused
            try await client.get("/fr/processes/\(process.id!)/edit")
            let today = Day(Date())
            let phase = ["kind": "proposals", "phase_name_fr": "Propositions", "starts": today.adding(days: -5).iso, "ends": today.adding(days: 20).iso]
            #expect(try await client.post("/fr/processes/\(process.id!)/phases", phase.merging(["ends": "2025-02-30"]) { $1 }).status == .unprocessableEntity)
            #expect(try await client.post("/fr/processes/\(process.id!)/phases", phase).status == .seeOther)
            let overlap = try await client.post("/fr/processes/\(process.id!)/phases", phase.merging(["kind": "workshops", "starts": today.adding(days: 10).iso, "ends": today.adding(days: 40).iso]) { $1 })
            #expect(overlap.status == .unprocessableEntity)
            #expect(overlap.body.string.contains(Localizer(.fr)(.errPhaseOverlap)))
            #expect(try await client.post("/fr/processes/\(process.id!)/phases", phase.merging(["kind": "workshops", "phase_name_fr": "Ateliers", "starts": today.adding(days: 21).iso, "ends": today.adding(days: 40).iso]) { $1 }).status == .seeOther)
            #expect(try await Phase.query(on: app.db).count() == 2)

            // published: the public sees the whole timeline with the current phase marked
            #expect(try await client.post("/fr/processes/\(process.id!)/edit", Self.form.merging(["organiser": w.council.id!.uuidString, "status": "published"]) { $1 }).status == .seeOther)
            let page = try await Client(app).get("/fr/processes/\(process.id!)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("aria-current=\"step\"") && html.contains("Propositions") && html.contains("Ateliers"))
            #expect(html.contains(Localizer(.fr)(.stepPropose)))
            #expect(try await ParticipatoryProcess.find(process.id, on: app.db)?.publishedAt != nil)
            // a published timeline keeps its phases, and cannot go back to draft
            let phaseID = try #require(try await Phase.query(on: app.db).first()?.id)
            #expect(try await client.post("/fr/processes/\(process.id!)/phases/\(phaseID)/remove").status == .unprocessableEntity)
            #expect(try await client.post("/fr/processes/\(process.id!)/edit", Self.form.merging(["organiser": w.council.id!.uuidString, "status": "draft"]) { $1 }).status == .unprocessableEntity)
            #expect(try await Phase.query(on: app.db).count() == 2)
        }
    }

    @Test(arguments: Engine.all)
    func onlyOfficialsOfTheOrganisingBodyAndAdminsEdit(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let w = try await world(app)
            let process = ParticipatoryProcess()
            ProcessForm.readDefaults(into: process, organiser: w.council.id!)
            try await process.create(on: app.db)
            for (email, expected) in [("other-official@example.ma", HTTPStatus.forbidden), ("citizen@example.ma", .forbidden), ("official@example.ma", .ok)] {
                let client = Client(app)
                try await client.login(email, lang: "fr")
                #expect(try await client.get("/fr/processes/\(process.id!)/edit").status == expected, "\(email)")
                if expected == .forbidden {
                    try await client.get("/fr/processes")
                    let res = try await client.post("/fr/processes/\(process.id!)/edit", Self.form.merging(["organiser": w.council.id!.uuidString, "title_fr": "Piraté"]) { $1 })
                    #expect(res.status == .forbidden)
                    #expect(try await client.get("/fr/processes/new").status == .forbidden)
                }
            }
            #expect(try await ParticipatoryProcess.find(process.id, on: app.db)?.title[.fr] != "Piraté")
            // an administrator may, and a visitor is sent to log in
            try await TestFixtures.user(app, email: "admin@example.ma", role: .administrator)
            let admin = Client(app)
            try await admin.login("admin@example.ma", lang: "fr")
            #expect(try await admin.get("/fr/processes/\(process.id!)/edit").status == .ok)
            #expect(try await Client(app).get("/fr/processes/\(process.id!)/edit").status == .seeOther)
        }
    }
}

extension ProcessForm {
    /// A minimal valid draft, for tests that need a process to exist.
    static func readDefaults(into p: ParticipatoryProcess, organiser: UUID) {
        var f = ProcessForm()
        f.title = .init([.fr: "Processus de test"])
        f.organiser = organiser.uuidString
        f.apply(to: p)
    }
}

@Suite struct ProcessAPITests {
    @Test(arguments: Engine.all)
    func apiListsPublishedProcessesWithTheirTimeline(engine: Engine) async throws {
        try await withTestApp(engine, seed: false) { app in
            // setup: the full demo, which includes a published process, plus one draft
            try await DemoSeed.run(on: app)
            let council = try #require(try await Organisation.query(on: app.db).filter(\.$sector == "regional_council").first())
            let draft = ParticipatoryProcess()
            ProcessForm.readDefaults(into: draft, organiser: council.id!)
            try await draft.create(on: app.db)

            let client = Client(app)
            let list = try JSONDecoder().decode([ProcessDTO].self, from: Data(try await client.get("/api/v1/processes").body.string.utf8))
            #expect(list.count == 1)
            let demo = try #require(list.first)
            #expect(demo.phases.count == 6 && demo.phases.filter(\.current).map(\.kind) == ["proposals"])
            #expect(demo.title["ar"]?.contains("2025–2027") == true)
            #expect(try await client.get("/api/v1/processes/\(demo.id)").status == .ok)
            #expect(try await client.get("/api/v1/processes/\(draft.id!)").status == .notFound)
            #expect(try await client.get("/api/v1/processes/x").status == .badRequest)
            // and the page shows the proposals phase as current
            #expect(try await client.get("/ar/processes/\(demo.id)").body.string.contains("aria-current=\"step\""))
        }
    }
}
