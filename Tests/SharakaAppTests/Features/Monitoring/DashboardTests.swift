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
            #expect(html.components(separatedBy: "<svg xmlns").count - 1 == 6)
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

    @Test(arguments: Engine.all)
    func theAPIGivesThePagesBreakdowns(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: one milestone reported at 100 %
            let f = try await PlanFixture.make(app)
            try await f.report(app, on: f.first, ["reported_on": "2026-02-01", "text": "Le portail est en ligne et ouvert à tous.", "percent": "100", "status": "completed", "link": ""])
            // act
            let json = try JSONSerialization.jsonObject(with: Data(try await Client(app).get("/api/v1/plans/\(f.plan.id!)/dashboard").body.string.utf8)) as! [String: Any]
            let html = try await Client(app).get("/fr/plans/\(f.plan.id!)/dashboard").body.string
            // check: the lead body's average, the provinces (whole region first), budgets and the timeline, as on the page
            let bodies = json["byLeadBody"] as! [[String: Any]]
            #expect(bodies.count == 1 && bodies[0]["averageCompletion"] as? Int == 75 && bodies[0]["organisation"] as? String == f.plan.$adoptingBody.id.uuidString)
            #expect((bodies[0]["name"] as? [String: String])?["fr"] == "Conseil de la Région de l'Oriental")
            #expect(html.contains("<td>Conseil de la Région de l&#39;Oriental</td><td>75 %</td>") || html.contains("<td>Conseil de la Région de l'Oriental</td><td>75 %</td>"))
            let provinces = json["byProvince"] as! [[String: Any]]
            #expect(provinces.first?["code"] is NSNull && provinces.first?["commitments"] as? Int == 1)
            #expect((json["budgets"] as! [[String: Any]]).map { $0["amount"] as? String } == ["1250000.50"])
            let timeline = json["timeline"] as! [[String: Any]]
            #expect(timeline.count == 2 && timeline.map { $0["status"] as? String }.contains("completed"))
            #expect(timeline.allSatisfy { $0["reference"] as? String == "OR-2025-03" })
        }
    }

    @Test func longLabelsWrapAndValuesKeepTheirRoom() {
        // a long body name wraps on whole words; the largest amount keeps its column right to left
        let name = "Agence de l'Oriental pour la promotion et le développement économique et social des provinces"
        let node = Chart.bars(id: "b", title: "T", description: "D", bars: [
            .init(label: name, value: 1_500_000, display: "1.500.000,00 درهم"), .init(label: "OR-2", value: 10, display: "10,00 درهم"),
        ], rtl: true, headers: ("a", "b"))
        let svg = H.render(node)
        let tspans = svg.components(separatedBy: "<tspan").dropFirst().map { $0[$0.index(after: $0.firstIndex(of: ">")!)..<$0.range(of: "</tspan>")!.lowerBound] }
        #expect(tspans.count >= 3, "the long name wraps")
        let words = Set(name.split(separator: " ").map(String.init))
        for line in tspans { for word in line.replacingOccurrences(of: "…", with: "").split(separator: " ") where !word.isEmpty {
            #expect(words.contains(String(word)) || word == "OR-2", "\(word) is cut mid-word")
        } }
        // right to left the value is anchored at its end: its start (x − its width) stays inside the drawing
        let value = svg.components(separatedBy: "class=\"chart-value\">1.500.000,00").first!
        let x = Double(value.components(separatedBy: "<text x=\"").last!.split(separator: "\"").first!)!
        #expect(x - Double("1.500.000,00 درهم".count) * Chart.charWidth >= 0)
    }

    @Test func theTimelinesAxisWritesWholeYearsInsideTheDrawing() {
        let spans = [Chart.Span(label: "A", starts: Day(iso: "2026-01-15")!, ends: Day(iso: "2030-12-31")!, cssClass: "span in_progress", status: "x")]
        for rtl in [false, true] {
            let svg = H.render(Chart.gantt(id: "g", title: "T", description: "D", spans: spans, today: Day(iso: "2027-03-01")!, rtl: rtl,
                                           headers: ["a", "b", "c", "d"], monthYear: { LocalFormat.monthYear(year: $0.year, month: $0.month, in: .ar) },
                                           legend: [.init(cssClass: "span delayed", label: "متأخرة")]))
            #expect(svg.contains(">دجنبر 2030</text>") && svg.contains(">يناير 2026</text>"))
            #expect(svg.contains(">2028</text>"), "yearly ticks")
            #expect(!svg.contains("text-anchor=\"middle\" class=\"chart-value\">يناير"), "the ends are anchored inward")
            #expect(svg.contains("class=\"chart-legend\"") && svg.contains("متأخرة"))
        }
    }
}
