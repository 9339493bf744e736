import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct MonitoringAPITests {
    @Test(arguments: Engine.all)
    func plansCommitmentsDashboardAndHistoryAsJSON(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a running plan with one report, and a draft that must stay hidden
            let f = try await PlanFixture.make(app)
            try await f.report(app, on: f.first, ["reported_on": "2026-02-01", "text": "Rapport d'avancement du portail.", "percent": "100",
                                                  "status": "completed", "link": "https://oriental.ma/rapport"])
            let draft = ActionPlan()
            draft.title = .init([.fr: "Brouillon"]); draft.description = .init(); draft.periodStart = 2027; draft.periodEnd = 2029
            draft.status = "draft"; draft.revision = 0; draft.member = ""; draft.sourceURL = ""; draft.$adoptingBody.id = f.plan.$adoptingBody.id
            try await draft.create(on: app.db)
            let process = try await processInPhase(app, .proposals)
            let proposal = try await TestFixtures.proposal(app, process: process, author: try await TestFixtures.user(app, email: "author@example.ma"))
            try await CommitmentProposal(commitmentID: f.commitment.id!, proposalID: proposal.id!).create(on: app.db)
            let client = Client(app)

            let plans = try JSONSerialization.jsonObject(with: Data(try await client.get("/api/v1/plans").body.string.utf8)) as! [[String: Any]]
            #expect(plans.count == 1 && plans[0]["commitmentCount"] as? Int == 1)
            let plan = try JSONSerialization.jsonObject(with: Data(try await client.get("/api/v1/plans/\(f.plan.id!)").body.string.utf8)) as! [String: Any]
            let commitments = plan["commitments"] as! [[String: Any]]
            #expect(commitments.count == 1 && commitments[0]["budget"] as? String == "1250000.50")
            #expect((commitments[0]["milestones"] as! [[String: Any]]).count == 2)
            #expect(commitments[0]["proposals"] as? [String] == [proposal.id!.uuidString])

            let c = try JSONSerialization.jsonObject(with: Data(try await client.get("/api/v1/commitments/\(f.commitment.id!)").body.string.utf8)) as! [String: Any]
            #expect(c["completion"] as? Int == 75 && c["level"] as? String == "substantial")
            let progress = c["progress"] as! [[String: Any]]
            #expect(progress.count == 1 && (progress[0]["evidence"] as! [String]) == ["https://oriental.ma/rapport"])

            let dashboard = try JSONSerialization.jsonObject(with: Data(try await client.get("/api/v1/plans/\(f.plan.id!)/dashboard").body.string.utf8)) as! [String: Any]
            #expect((dashboard["byLevel"] as! [String: Int])["substantial"] == 1)
            #expect((dashboard["milestones"] as! [String: Int])["completed"] == 1 && dashboard["budgetTotal"] as? String == "1250000.50")

            let history = try JSONSerialization.jsonObject(with: Data(try await client.get("/api/v1/commitments/\(f.commitment.id!)/history").body.string.utf8)) as! [[String: Any]]
            #expect(history.count == 2 && history[1]["previousHash"] as? String == history[0]["hash"] as? String)

            // drafts, unknown and malformed ids
            #expect(try await client.get("/api/v1/plans/\(draft.id!)").status == .notFound)
            #expect(try await client.get("/api/v1/plans/\(UUID())/dashboard").status == .notFound)
            #expect(try await client.get("/api/v1/commitments/nope").status == .badRequest)
        }
    }
}
