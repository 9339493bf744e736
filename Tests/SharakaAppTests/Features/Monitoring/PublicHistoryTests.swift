import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// The commitment's history and the revision comparison read as a journalist reads them,
/// and the log's entries reachable one by one so that anyone can check the chain.
@Suite struct PublicHistoryTests {
    @Test(arguments: Engine.all)
    func historyShowsNamesDatesAndStatusesNotStoredCodes(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a report on a milestone, a new commitment led by the council (an amendment)
            let f = try await PlanFixture.make(app)
            try await f.report(app, on: f.first, ["reported_on": "2026-02-01", "text": "Le portail est en ligne.", "percent": "40", "status": "in_progress", "link": ""])
            let official = Client(app)
            try await official.login("official@example.ma", lang: "fr")
            try await official.get("/fr/plans/\(f.plan.id!)/commitments/new")
            var form = PlanAdminTests.commitment(f.plan.$adoptingBody.id)
            form["reference"] = "OR-2025-09"; form["amendment_reason"] = "Engagement ajouté après la revue à mi-parcours."
            #expect(try await official.post("/fr/plans/\(f.plan.id!)/commitments/new", form).status == .seeOther)
            let created = try #require(try await Commitment.query(on: app.db).filter(\.$reference == "OR-2025-09").first())
            let t = Localizer(.fr)

            // act
            let report = try await Client(app).get("/fr/commitments/\(f.commitment.id!)/history").body.string
            let creation = try await Client(app).get("/fr/commitments/\(created.id!)/history").body.string

            // check: the report reads as the page reads it
            #expect(report.contains(t(.historyActionProgress)) && report.contains("Jalon 1"))
            #expect(report.contains(t(.historyFieldPercent)) && report.contains("40 %"))
            #expect(report.contains(t.milestoneStatus(.notStarted)) && report.contains(t.milestoneStatus(.inProgress)))
            #expect(!report.contains(">in_progress<") && !report.contains(">not_started<"))
            #expect(report.contains("Salma Official"), "an official's name is public")
            #expect(report.contains(" à "), "the time in the local format")
            #expect(!report.contains("<pre"), "no monospaced dump")
            #expect(report.contains("<details class=\"verify\"><summary>\(t(.historyVerify))</summary>"))
            #expect(report.contains(SiteURL.auditGuide.path(.fr)))
            // the creation names the council, the dates, the amount and the values, not their codes
            let council = f.plan.$adoptingBody.id.uuidString
            #expect(creation.contains("Conseil de la Région de l&#39;Oriental") || creation.contains("Conseil de la Région de l'Oriental"))
            #expect(creation.components(separatedBy: council).count - 1 == creation.components(separatedBy: "/fr/organisations/\(council)").count - 1,
                    "the council's id only inside its link")
            #expect(creation.contains("1 avril 2025") && creation.contains("30 juin 2027"))
            #expect(creation.contains("1\u{202F}250\u{202F}000,50 MAD"))
            #expect(creation.contains(t.ogpValue(.accessToInformation)) && !creation.contains(">access_to_information<"))
            #expect(creation.contains(t(.fieldInLanguage, ["field": t(.fieldTitle), "language": t(.languageAr)])))
            #expect(creation.contains("lang=\"ar\" dir=\"auto\">ميزانية جهوية مفتوحة"))
            // Arabic: the Arabic comma between date and time
            let ar = try await Client(app).get("/ar/commitments/\(f.commitment.id!)/history").body.string
            #expect(ar.contains("، ") && ar.contains(Localizer(.ar)(.historyVerify)))
        }
    }

    @Test(arguments: Engine.all)
    func eachEntryLinksToItsNeighboursAndRecomputes(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: two reports (four entries), by an official; a draft plan's change
            let f = try await PlanFixture.make(app)
            try await f.report(app, on: f.first, ["reported_on": "2026-02-01", "text": "Premier rapport.", "percent": "40", "status": "in_progress", "link": ""])
            try await f.report(app, on: f.second, ["reported_on": "2026-02-02", "text": "Second rapport.", "percent": "100", "status": "completed", "link": "https://oriental.ma/preuve"])
            let draft = try await PlanFixture.make(app, status: .draft, email: "draft-official@example.ma")
            try await AuditLog.write(app, actor: draft.official) { _ in
                ((), [.init(action: "update", objectKind: "commitment", objectID: draft.commitment.id!, scope: draft.commitment.id!,
                            before: ["title/fr": "Avant"], after: ["title/fr": "Après"])])
            }
            let client = Client(app)
            func entry(_ n: Int) async throws -> [String: Any] {
                let res = try await client.get("/api/v1/audit/\(n)")
                #expect(res.status == .ok)
                return try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as! [String: Any]
            }

            // act / check: walk the chain from the first entry, recomputing each hash
            var previous = AuditChain.genesis
            var n = 1
            while true {
                let e = try await entry(n)
                #expect(e["previousHash"] as? String == previous)
                let links = e["links"] as! [String: Any]
                #expect((links["previous"] as? String) == (n > 1 ? "/api/v1/audit/\(n - 1)" : nil))
                if e["withheld"] as? Bool == true {
                    #expect(e["before"] is NSNull && e["beforeCanonical"] is NSNull && e["actorName"] is NSNull)
                } else {
                    let before = e["before"] as! [String: String], after = e["after"] as! [String: String]
                    #expect(AuditChain.canonical(before) == e["beforeCanonical"] as? String)
                    let record = AuditRecord(sequence: n, recordedAt: e["recordedAt"] as! String, actor: e["actor"] as! String, action: e["action"] as! String,
                                             objectKind: e["objectKind"] as! String, objectID: e["objectId"] as! String, scope: e["scope"] as! String,
                                             before: e["beforeCanonical"] as! String, after: AuditChain.canonical(after), previousHash: previous)
                    #expect(record.hash == e["hash"] as? String, "entry \(n) recomputes")
                    #expect(e["actorName"] as? String == "Salma Official")
                }
                previous = e["hash"] as! String
                guard let next = links["next"] as? String else { break }
                #expect(next == "/api/v1/audit/\(n + 1)")
                n += 1
            }
            #expect(n == 5)
            #expect(try await entry(5)["withheld"] as? Bool == true, "a draft plan's change keeps its place but not its fields")
            #expect(try await client.get("/api/v1/audit/6").status == .notFound)
            #expect(try await client.get("/api/v1/audit/0").status == .badRequest)
            #expect(try await client.get("/api/v1/audit/x").status == .badRequest)
            // the commitment's history gives the same objects
            let history = try JSONSerialization.jsonObject(with: Data(try await client.get("/api/v1/commitments/\(f.commitment.id!)/history").body.string.utf8)) as! [[String: Any]]
            #expect(history.count == 4 && (history[0]["after"] as? [String: String])?["percent"] == "40")
            // the guide names the latest hash
            let guide = try await client.get("/fr/audit")
            #expect(guide.status == .ok && guide.body.string.contains(previous))
        }
    }

    @Test(arguments: Engine.all)
    func aCitizensNameStaysOutOfThePublicLog(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let f = try await PlanFixture.make(app)
            let citizen = try await TestFixtures.user(app, email: "nadia@example.ma", name: "Nadia Berrada")
            try await AuditLog.write(app, actor: citizen) { _ in
                ((), [.init(action: "withdraw", objectKind: "proposal", objectID: f.commitment.id!, scope: f.commitment.id!, before: ["status": "published"], after: ["status": "withdrawn"])])
            }
            let json = try await Client(app).get("/api/v1/audit/1").body.string
            #expect(!json.contains("Nadia") && json.contains("\"actorName\":null"))
            let page = try await Client(app).get("/fr/commitments/\(f.commitment.id!)/history").body.string
            #expect(!page.contains("Nadia") && page.contains(Localizer(.fr)(.historyActorParticipant)))
        }
    }
}
