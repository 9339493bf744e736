import Fluent
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct DemoPlanTests {
    @Test(arguments: Engine.all)
    func demoHasTheRegionalPlanBesideMoroccosRealPlans(engine: Engine) async throws {
        try await withTestApp(engine, seed: false) { app in
            try await DemoSeed.run(on: app)
            let plan = try #require(try await ActionPlan.query(on: app.db).filter(\.$member == DemoPlan.ogpName).first())
            // revision 1 at adoption, revision 2 when the import added MAORT0002
            #expect(plan.statusValue == .implementation && plan.revision == 2)
            let commitments = try await Commitment.query(on: app.db).filter(\.$plan.$id == plan.id!).all()
            // nine demo commitments and the real MAORT0002
            #expect(commitments.count == 10 && commitments.contains { $0.reference == "MAORT0002" })
            let milestones = try await Milestone.query(on: app.db).filter(\.$commitment.$id ~~ commitments.compactMap(\.id)).all()
            #expect(Set(milestones.map(\.statusValue)) == Set(MilestoneStatus.allCases))
            #expect(milestones.contains { $0.isDelayed(today: Day(year: 2026, month: 11, day: 24)!) })
            #expect(Set(commitments.map(\.level)).count >= 3)
            #expect(try await ProgressEvidence.query(on: app.db).count() > 0)
            #expect(try await CommitmentProposal.query(on: app.db).count() > 0)
            // one published independent report
            let report = try #require(try await AssessmentReport.query(on: app.db).filter(\.$plan.$id == plan.id!).first())
            #expect(try await Assessment.query(on: app.db).filter(\.$report.$id == report.id!).count() == 3)
            #expect(try await Client(app).get("/fr/reports/\(report.id!)").status == .ok)
            // the national plans are there too, and the whole history verifies
            #expect(try await ActionPlan.query(on: app.db).filter(\.$member == "Morocco NAP 2024-2027").count() == 1)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
            // pages
            #expect(try await Client(app).get("/ar/plans").body.string.contains("خطة عمل الحكومة المنفتحة لجهة الشرق"))
            #expect(try await Client(app).get("/fr/plans/\(plan.id!)").status == .ok)
            let first = try #require(commitments.first { $0.reference == "OR-2025-01" })
            let page = try await Client(app).get("/fr/commitments/\(first.id!)").body.string
            #expect(page.contains("rapport-avancement-demo.pdf") && page.contains("1\u{202F}200\u{202F}000 MAD"))
            #expect(try await Client(app).get("/fr/commitments/\(first.id!)/history").body.string.contains(Localizer(.fr)(.historyActionProgress)))
        }
    }
}
