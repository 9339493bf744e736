import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// The write path of plans and progress: decided in SharakaCore against the rows read under
/// the audit lock, written with their audit entries, or refused with the stored state intact.
@Suite struct PlanWritePathTests {
    /// The outcome of an async write, kept to be looked at after both racers are done.
    func outcome(_ body: () async throws -> UUID) async -> Result<UUID, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    func json(_ text: String) -> [String: String] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]) ?? [:]
    }

    @Test(arguments: Engine.all)
    func racingProgressReportsNeverMakeAForbiddenMove(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a milestone in progress
            let f = try await PlanFixture.make(app)
            let today = Day(Date())
            func report(_ status: MilestoneStatus, _ percent: Int, reason: String = "") -> MilestoneProgress.Report {
                .init(reportedOn: today, text: "Rapport d'avancement du portail.", percent: percent, status: status, cancelReason: reason)
            }
            try await ProgressService.report(on: f.first.id!, report(.inProgress, 40), file: nil, link: "", by: f.official, app: app)

            for _ in 0..<8 {
                // act: "completed" and "cancelled" sent at once; each is allowed from "in progress", neither from the other
                async let completed = outcome { try await ProgressService.report(on: f.first.id!, report(.completed, 100), file: nil, link: "", by: f.official, app: app) }
                async let cancelled = outcome { try await ProgressService.report(on: f.first.id!, report(.cancelled, 40, reason: "Remplacé par un autre dispositif"),
                                                                                 file: nil, link: "", by: f.official, app: app) }
                let outcomes = await [completed, cancelled]
                // check: exactly one is written; the other is refused as a forbidden move from what the first left
                #expect(outcomes.filter { (try? $0.get()) != nil }.count == 1)
                for case .failure(let error) in outcomes {
                    guard case MilestoneProgress.Refusal.statusMove = error else { Issue.record("unexpected \(error)"); continue }
                }
                try await ProgressService.report(on: f.first.id!, report(.inProgress, 40), file: nil, link: "", by: f.official, app: app)
            }

            // every recorded report is an allowed move from the state the previous one left
            let updates = try await ProgressUpdate.query(on: app.db).filter(\.$milestone.$id == f.first.id!).sort(\.$createdAt).all()
            #expect(updates.count == 17)
            var status = MilestoneStatus.notStarted
            for u in updates {
                #expect(u.statusBefore == status.rawValue)
                let next = try #require(MilestoneStatus(rawValue: u.statusAfter))
                #expect(status.canMove(to: next))
                status = next
            }
            // and every audit entry's "before" is the row it replaced
            let entries = try await AuditEntry.query(on: app.db).filter(\.$objectID == f.first.id!.uuidString).sort(\.$sequence).all()
            #expect(entries.count == 17)
            var previous = ["status": "not_started", "percent": "0", "cancel_reason": ""]
            for e in entries {
                let before = json(e.before), after = json(e.after)
                for (key, value) in before { #expect(previous[key] == value, "entry \(e.sequence): \(key)") }
                for key in ["status", "percent", "cancel_reason"] { if let v = after[key] { previous[key] = v } }
            }
            let milestone = try #require(try await Milestone.find(f.first.id, on: app.db))
            #expect(milestone.status == "in_progress" && milestone.percent == 40)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    @Test(arguments: Engine.all)
    func aPlanMovesOnlyWhenReadyAndClosingIsConfirmed(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: an empty draft plan of the fixture's council, and the fixture's plan in implementation
            let f = try await PlanFixture.make(app)
            let empty = ActionPlan()
            empty.title = .init([.fr: "Plan vide"]); empty.description = .init(); empty.periodStart = 2027; empty.periodEnd = 2029
            empty.status = "draft"; empty.revision = 0; empty.member = ""; empty.sourceURL = ""; empty.$adoptingBody.id = f.plan.$adoptingBody.id
            try await empty.create(on: app.db)
            let t = Localizer(.fr)
            let client = Client(app)
            try await client.login("official@example.ma", lang: "fr")
            try await client.get("/fr/plans/\(empty.id!)")

            // act + check: no consultation on a plan without commitments
            let noCommitment = try await client.post("/fr/plans/\(empty.id!)/status", ["status": "public_consultation"])
            #expect(noCommitment.status == .unprocessableEntity && noCommitment.body.string.contains(t(.errPlanNoCommitments)))
            #expect(try await ActionPlan.find(empty.id, on: app.db)?.statusValue == .draft)

            // closing asks for a confirmation and the decision, and is audited with it
            let page = try await client.get("/fr/plans/\(f.plan.id!)").body.string
            #expect(page.contains("name=\"confirm\"") && page.contains(t(.planMoveIrreversible)))
            let noDecision = try await client.post("/fr/plans/\(f.plan.id!)/status", ["status": "closed", "confirm": "yes"])
            #expect(noDecision.status == .unprocessableEntity && noDecision.body.string.contains(t(.errMoveDecision)))
            #expect(try await ActionPlan.find(f.plan.id, on: app.db)?.statusValue == .implementation)
            #expect(try await AuditEntry.query(on: app.db).count() == 0)
            let decision = "Rapport de fin de plan adopté le 30 juin 2027"
            #expect(try await client.post("/fr/plans/\(f.plan.id!)/status", ["status": "closed", "confirm": "yes", "decision": decision]).status == .seeOther)
            #expect(try await ActionPlan.find(f.plan.id, on: app.db)?.statusValue == .closed)
            let entry = try #require(try await AuditEntry.query(on: app.db).first())
            #expect(entry.action == "status" && json(entry.after) == ["status": "closed", "decision": decision])
        }
    }

    @Test(arguments: Engine.all)
    func anUnchangedSaveChangesNothingAndCreationsRecordTheirAmendment(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: the fixture's plan is in implementation (frozen)
            let f = try await PlanFixture.make(app)
            let revision = f.plan.revision

            // act: the commitment, a milestone and the plan saved as they are, with no reason
            try await CommitmentService.update(f.commitment.id!, CommitmentForm(f.commitment, proposals: []), reason: "", limits: .standard, by: f.official, app: app)
            try await CommitmentService.updateMilestone(f.first.id!, MilestoneForm(f.first), reason: "", by: f.official, app: app)
            try await PlanService.update(f.plan.id!, PlanForm(f.plan), reason: "", by: f.official, app: app)
            // check: no revision, no audit entry
            #expect(try await ActionPlan.find(f.plan.id, on: app.db)?.revision == revision)
            #expect(try await AuditEntry.query(on: app.db).count() == 0)

            // a milestone added to the frozen plan is an amendment: refused without a reason, recorded with it
            var form = MilestoneForm()
            form.title = .init([.fr: "Formation des agents"]); form.responsibleBody = "Conseil"; form.starts = "2026-01-01"; form.ends = "2026-12-31"
            await #expect(throws: PlanRefusal.amendmentReasonRequired) {
                try await CommitmentService.createMilestone(in: f.commitment.id!, form, reason: "", by: f.official, app: app)
            }
            let reason = "Ajout décidé au comité de suivi de janvier"
            let id = try await CommitmentService.createMilestone(in: f.commitment.id!, form, reason: reason, by: f.official, app: app)
            let created = try #require(try await AuditEntry.query(on: app.db).filter(\.$objectID == id.uuidString).first())
            #expect(created.action == "create" && json(created.after)["amendment"] == reason)
            #expect(try await ActionPlan.find(f.plan.id, on: app.db)?.revision == revision + 1)
        }
    }

    @Test(arguments: Engine.all)
    func datesNestMilestoneInCommitmentInPlan(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a draft plan 2025–2027 with a commitment 2026–2027
            let f = try await PlanFixture.make(app, status: .draft)
            f.plan.periodEnd = 2027; try await f.plan.save(on: app.db)
            f.commitment.startsOn = "2026-01-01"; f.commitment.endsOn = "2027-12-31"; try await f.commitment.save(on: app.db)
            for m in [f.first, f.second] { m.startsOn = "2026-01-01"; m.endsOn = "2027-06-30"; try await m.save(on: app.db) }
            let t = Localizer(.fr)
            let client = Client(app)
            try await client.login("official@example.ma", lang: "fr")

            // act + check: a milestone dated 2020–2030 is refused next to its dates, with the commitment's
            let mpath = "/fr/commitments/\(f.commitment.id!)/milestones/new"
            try await client.get(mpath)
            let wide = try await client.post(mpath, ["title_fr": "Jalon trop large", "responsible_body": "Conseil", "starts": "2020-01-01", "ends": "2030-12-31", "weight": "1"])
            #expect(wide.status == .unprocessableEntity)
            #expect(wide.body.string.contains(t(.errMilestoneOutsideCommitment, ["from": t.day(Day(iso: "2026-01-01")!), "to": t.day(Day(iso: "2027-12-31")!)])))
            #expect(wide.body.string.contains("value=\"2020-01-01\""))
            #expect(try await Milestone.query(on: app.db).count() == 2)

            // a commitment outside the plan's period, or narrowed past its milestones
            let epath = "/fr/commitments/\(f.commitment.id!)/edit"
            try await client.get(epath)
            var form = PlanAdminTests.commitment(f.commitment.$leadOrganisation.id!)
            form["reference"] = f.commitment.reference
            form["starts"] = "2026-01-01"; form["ends"] = "2028-06-30"
            let outside = try await client.post(epath, form)
            #expect(outside.status == .unprocessableEntity && outside.body.string.contains(t(.errCommitmentOutsidePlan, ["period": f.plan.period])))
            form["ends"] = "2027-03-31"
            let narrowed = try await client.post(epath, form)
            #expect(narrowed.status == .unprocessableEntity && narrowed.body.string.contains(t(.errMilestonesOutside, ["list": "#1, #2"])))
            #expect(try await Commitment.find(f.commitment.id, on: app.db)?.endsOn == "2027-12-31")

            // the plan's period cannot be narrowed past its commitments
            try await client.get("/fr/plans/\(f.plan.id!)/edit")
            let plan = try await client.post("/fr/plans/\(f.plan.id!)/edit", ["title_fr": "Plan d'action de l'Oriental 2025-2027", "period_start": "2025", "period_end": "2026",
                                                                            "adopting_body": f.plan.$adoptingBody.id.uuidString])
            #expect(plan.status == .unprocessableEntity && plan.body.string.contains(t(.errCommitmentsOutside, ["list": "OR-2025-03"])))
            #expect(try await AuditEntry.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: Engine.all)
    func theLeadBodyIsOneOrganisationNamedInTheReadersLanguage(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: the council's commitments written, as before, with its name in three languages
            let f = try await PlanFixture.make(app)
            for (i, written) in ["Oriental Regional Council", "مجلس جهة الشرق"].enumerated() {
                let c = Commitment()
                c.reference = "OR-2025-0\(5 + i)"; c.position = 5 + i; c.title = .init([.fr: "Engagement \(i)"]); c.problem = .init(); c.causes = .init()
                c.solution = .init(); c.changes = .init(); c.ogpValues = "access_to_information"; c.theme = "open_data"; c.leadBody = written
                c.$leadOrganisation.id = f.commitment.$leadOrganisation.id; c.supportingActors = .init(actors: []); c.provinces = .init(codes: [])
                c.startsOn = "2025-04-01"; c.endsOn = "2027-06-30"; c.contact = ""; c.completion = 0; c.$plan.id = f.plan.id!
                try await c.create(on: app.db)
            }
            // check: one body on the dashboard, named in the page's language
            let ar = try await Client(app).get("/ar/plans/\(f.plan.id!)/dashboard").body.string
            let bodies = try #require(ar.range(of: "id=\"bodies\"")).upperBound
            let chart = String(ar[bodies...].prefix(4000))
            #expect(chart.contains("مجلس جهة الشرق") && !chart.contains("Oriental Regional Council") && !chart.contains("Conseil de la Région"))
            let fr = try await Client(app).get("/fr/plans/\(f.plan.id!)").body.string
            #expect(fr.components(separatedBy: "Conseil de la Région de l&#39;Oriental").count + fr.components(separatedBy: "Conseil de la Région de l'Oriental").count - 2 >= 3)
            #expect(!fr.contains("Oriental Regional Council") && !fr.contains("مجلس جهة الشرق</bdi>"))

            // the form takes an organisation, not a typed name
            let client = Client(app)
            try await client.login("official@example.ma", lang: "fr")
            let path = "/fr/plans/\(f.plan.id!)/commitments/new"
            let form = try await client.get(path).body.string
            #expect(!form.contains("name=\"lead_body\"") && form.contains("name=\"lead_organisation\""))
            var typed = PlanAdminTests.fields
            typed["reference"] = "OR-2025-09"; typed["lead_body"] = "Conseil régional"; typed["amendment_reason"] = "Nouvel engagement décidé en comité."
            let refused = try await client.post(path, typed)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains(Localizer(.fr)(.errLeadOrganisation).textEscaped))
            #expect(try await Commitment.query(on: app.db).filter(\.$reference == "OR-2025-09").count() == 0)
        }
    }
}
