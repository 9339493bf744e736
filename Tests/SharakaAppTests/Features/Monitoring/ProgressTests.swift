import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import SQLKit
import Testing
import Vapor

/// A plan in implementation with one commitment and two milestones (weights 3 and 1),
/// the adopting council and one of its officials.
struct PlanFixture {
    let plan: ActionPlan
    let commitment: Commitment
    let first: Milestone
    let second: Milestone
    let official: User

    static func make(_ app: Application, status: PlanStatus = .implementation, secondEnds: String = "2099-12-31",
                     email: String = "official@example.ma") async throws -> PlanFixture {
        let council = Organisation(name: .init([.ar: "مجلس جهة الشرق", .fr: "Conseil de la Région de l'Oriental"]), sector: .regionalCouncil, provinceCode: nil)
        try await council.create(on: app.db)
        let official = try await TestFixtures.user(app, email: email, role: .official, name: "Salma Official")
        try await Membership(userID: official.id!, organisationID: council.id!, role: .member).create(on: app.db)
        let plan = ActionPlan()
        plan.title = .init([.ar: "خطة عمل جهة الشرق 2025-2027", .fr: "Plan d'action de l'Oriental 2025-2027"]); plan.description = .init()
        plan.periodStart = 2025; plan.periodEnd = 2099; plan.status = status.rawValue; plan.revision = 1; plan.member = "Oriental"
        plan.sourceURL = ""; plan.$adoptingBody.id = council.id!
        try await plan.create(on: app.db)
        let c = Commitment()
        c.reference = "OR-2025-03"; c.position = 3; c.title = .init([.fr: "Budget ouvert et participatif"]); c.problem = .init([.fr: "Le budget est peu lisible."])
        c.causes = .init(); c.solution = .init([.fr: "Publier le budget en données ouvertes."]); c.changes = .init()
        c.ogpValues = "access_to_information,public_accountability"; c.theme = "fiscal_transparency"; c.leadBody = "Conseil de la Région de l'Oriental"
        c.$leadOrganisation.id = council.id!; c.supportingActors = .init(actors: [.init(kind: "civil_society", name: "Association Oujda Transparence")])
        c.provinces = .init(codes: []); c.startsOn = "2025-04-01"; c.endsOn = "2099-12-31"; c.budgetCentimes = 125_000_050; c.contact = ""; c.completion = 0
        c.$plan.id = plan.id!
        try await c.create(on: app.db)
        func milestone(_ n: Int, weight: Int, ends: String) async throws -> Milestone {
            let m = Milestone()
            m.position = n; m.title = .init([.fr: "Jalon \(n)"]); m.deliverable = .init([.fr: "Livrable \(n)"]); m.responsibleBody = "Conseil"
            m.startsOn = "2025-04-01"; m.endsOn = ends; m.weight = weight; m.status = "not_started"; m.percent = 0; m.cancelReason = ""
            m.$commitment.id = c.id!
            try await m.create(on: app.db)
            return m
        }
        return PlanFixture(plan: plan, commitment: c, first: try await milestone(1, weight: 3, ends: "2099-06-30"),
                           second: try await milestone(2, weight: 1, ends: secondEnds), official: official)
    }

    /// The official reports on `milestone` through the form; returns the stored report.
    @discardableResult
    func report(_ app: Application, on milestone: Milestone, _ form: [String: String]) async throws -> ProgressUpdate {
        let official = Client(app)
        try await official.login("official@example.ma", lang: "fr")
        try await official.get("/fr/milestones/\(milestone.id!)/progress")
        #expect(try await official.post("/fr/milestones/\(milestone.id!)/progress", form).status == .seeOther)
        return try #require(try await ProgressUpdate.query(on: app.db).filter(\.$milestone.$id == milestone.id!).sort(\.$createdAt, .descending).first())
    }
}

@Suite struct ProgressTests {
    static let pdf = Data("%PDF-1.4\n% evidence\n".utf8)

    func good(_ status: String = "in_progress", percent: String = "50") -> [String: String] {
        ["reported_on": "2026-01-15", "text": "Le portail budgétaire est en test avec trois associations.", "percent": percent,
         "status": status, "link": "https://oriental.ma/budget-ouvert"]
    }

    @Test(arguments: Engine.all)
    func officialReportsProgressWithEvidenceAndCompletionFollows(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup
            let f = try await PlanFixture.make(app)
            let path = "/fr/milestones/\(f.first.id!)/progress"
            try await TestFixtures.user(app, email: "citizen@example.ma")

            // anonymous and citizens may not report
            #expect(try await Client(app).get(path).status == .seeOther)
            let citizen = Client(app)
            try await citizen.login("citizen@example.ma", lang: "fr")
            try await citizen.get("/fr/plans")
            #expect(try await citizen.post(path, good()).status == .forbidden)

            // bad input: refused with messages, nothing stored
            let official = Client(app)
            try await official.login("official@example.ma", lang: "fr")
            #expect(try await official.get(path).status == .ok)
            let bad = try await official.post(path, ["reported_on": "2099-01-01", "text": "court", "percent": "150", "status": "done", "link": "javascript:x"])
            #expect(bad.status == .unprocessableEntity)
            let t = Localizer(.fr)
            #expect(bad.body.string.contains(t(.errPercent)) && bad.body.string.contains(t(.errDay)) && bad.body.string.contains(t(.errInvalidURL)))
            let cancelled = try await official.post(path, good("cancelled"))
            #expect(cancelled.status == .unprocessableEntity && cancelled.body.string.contains(t(.errCancelReason)))
            let fake = try await official.postMultipart(path, good(), file: ("evidence", "rapport.pdf", "application/pdf", Data("<html><script>x</script></html>".utf8)))
            #expect(fake.status == .unprocessableEntity)
            #expect(try await ProgressUpdate.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).count() == 0)
            #expect(try await Milestone.find(f.first.id, on: app.db)?.percent == 0)

            // act: 50 % on the weight-3 milestone, with a PDF and a link
            let ok = try await official.postMultipart(path, good(), file: ("evidence", "rapport.pdf", "application/pdf", Self.pdf))
            #expect(ok.status == .seeOther)

            // check: milestone, completion (3×50 / 4 = 37 %, limited), update with evidence, audit
            #expect(try await Milestone.find(f.first.id, on: app.db)?.status == "in_progress")
            let commitment = try #require(try await Commitment.find(f.commitment.id, on: app.db))
            #expect(commitment.completion == 37 && commitment.level == .limited)
            let update = try #require(try await ProgressUpdate.query(on: app.db).with(\.$evidence).first())
            #expect(update.commitmentCompletion == 37 && update.evidence.count == 2)
            #expect(try await AuditEntry.query(on: app.db).count() == 2)
            let page = try await Client(app).get("/fr/commitments/\(f.commitment.id!)").body.string
            #expect(page.contains("37 %") && page.contains(t(.irmLimited)) && page.contains("rapport.pdf") && page.contains("https://oriental.ma/budget-ouvert"))
            #expect(page.contains("1\u{202F}250\u{202F}000,50 MAD"))

            // both milestones completed: complete, and the history over time shows both steps
            try await official.get(path)
            #expect(try await official.post(path, good("completed", percent: "100")).status == .seeOther)
            try await official.get("/fr/milestones/\(f.second.id!)/progress")
            // "completed" with a lower figure typed is a contradiction: refused with the figure, what was typed kept, nothing written
            let contradiction = try await official.post("/fr/milestones/\(f.second.id!)/progress", good("completed", percent: "70"))
            #expect(contradiction.status == .unprocessableEntity)
            #expect(contradiction.body.string.contains(t(.errCompletedBelowHundred, ["percent": "70"])) && contradiction.body.string.contains("value=\"70\""))
            #expect(try await ProgressUpdate.query(on: app.db).filter(\.$milestone.$id == f.second.id!).count() == 0)
            #expect(try await official.post("/fr/milestones/\(f.second.id!)/progress", good("completed", percent: "100")).status == .seeOther)
            #expect(try await ProgressUpdate.query(on: app.db).filter(\.$milestone.$id == f.second.id!).first()?.percent == 100)
            #expect(try await Commitment.find(f.commitment.id, on: app.db)?.level == .complete)
            let updates = try await ProgressUpdate.query(on: app.db).sort(\.$createdAt).all().map(\.commitmentCompletion)
            #expect(updates == [37, 75, 100])

            // the public history is read from the audit log, and the chain holds
            let history = try await Client(app).get("/fr/commitments/\(f.commitment.id!)/history").body.string
            #expect(history.contains("Salma Official") && history.contains("100 % — \(t.irm(.complete))"))
            let verified = try await AuditLog.verify(on: app.db)
            #expect(verified.checked == 6 && verified.firstBreak == nil)

            // a change made behind the application's back is found
            try await (app.db as! any SQLDatabase).raw("UPDATE audit_log SET after = '{\"completion\":\"10\"}' WHERE sequence = 2").run()
            #expect(try await AuditLog.verify(on: app.db).firstBreak == .alteredEntry(sequence: 2))
        }
    }

    @Test(arguments: Engine.all)
    func progressOnlyOnARunningPlanAndDelaysAreComputed(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a draft plan, its second milestone already past its end
            let f = try await PlanFixture.make(app, status: .draft, secondEnds: "2024-01-31")
            let official = Client(app)
            try await official.login("official@example.ma", lang: "fr")
            // a draft is not public, but its officials see it
            #expect(try await Client(app).get("/fr/plans/\(f.plan.id!)").status == .notFound)
            #expect(try await Client(app).get("/fr/commitments/\(f.commitment.id!)").status == .notFound)
            #expect(try await official.get("/fr/plans/\(f.plan.id!)").status == .ok)
            // no progress before adoption
            #expect(try await official.get("/fr/milestones/\(f.first.id!)/progress").status == .conflict)
            // in implementation: the late milestone is flagged, the other is not
            f.plan.status = PlanStatus.implementation.rawValue
            try await f.plan.save(on: app.db)
            let page = try await Client(app).get("/fr/commitments/\(f.commitment.id!)").body.string
            #expect(page.components(separatedBy: Localizer(.fr)(.delayedMark)).count == 2)
            #expect(try await Client(app).get("/fr/plans").body.string.contains("Plan d'action de l'Oriental 2025-2027"))
            // unknown ids
            #expect(try await official.get("/fr/milestones/\(UUID())/progress").status == .notFound)
            #expect(try await Client(app).get("/fr/commitments/\(UUID())/history").status == .notFound)
        }
    }

    @Test(arguments: Engine.all)
    func concurrentAuditedWritesKeepOneChain(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let f = try await PlanFixture.make(app)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<12 {
                    group.addTask {
                        try await AuditLog.write(app, actor: f.official) { _ in
                            ((), [.init(action: "test", objectKind: "milestone", objectID: f.first.id!, scope: f.commitment.id!,
                                        before: ["n": "\(i)"], after: ["n": "\(i + 1)"])])
                        }
                    }
                }
                try await group.waitForAll()
            }
            let verified = try await AuditLog.verify(on: app.db)
            #expect(verified.checked == 12 && verified.firstBreak == nil)
        }
    }
}
