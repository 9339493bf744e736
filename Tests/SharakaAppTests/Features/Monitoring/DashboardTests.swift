import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct DashboardTests {
    @Test(arguments: Engine.all)
    func dashboardDrawsEachFigureAsAChartAndATable(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: one milestone completed, the other late
            let f = try await PlanFixture.make(app, secondEnds: "2024-06-30")
            f.first.status = "completed"; f.first.percent = 100
            try await f.first.save(on: app.db)
            _ = try await CommitmentCompletion.recompute(f.commitment, on: app.db)
            // act
            let res = try await Client(app).get("/fr/plans/\(f.plan.id!)/dashboard")
            // check
            #expect(res.status == .ok)
            let html = res.body.string
            let t = Localizer(.fr)
            #expect(html.components(separatedBy: "<svg").count - 1 == 6)
            #expect(html.components(separatedBy: "role=\"img\"").count - 1 == 6)
            for title in [t(.chartByLevel), t(.chartMilestones), t(.chartByLeadBody), t(.chartByProvince), t(.chartGantt), t(.chartBudget)] {
                #expect(html.contains("<title id=") && html.contains(title))
                #expect(html.contains("<caption>\(title.textEscaped)</caption>"), "\(title) has its table")
            }
            // 3×100 / 4 = 75 %: substantial; one milestone late; the budget total
            #expect(html.contains("<td>\(t(.irmSubstantial))</td><td>1</td>"))
            #expect(html.contains("<td>\(t(.delayedMark))</td><td>1</td>"))
            #expect(html.contains("1\u{202F}250\u{202F}000,50 MAD"))
            // Arabic pages draw from the right
            let ar = try await Client(app).get("/ar/plans/\(f.plan.id!)/dashboard").body.string
            #expect(ar.contains("text-anchor=\"end\""))
            #expect(try await Client(app).get("/fr/plans/\(UUID())/dashboard").status == .notFound)
        }
    }
}
