import Fluent
import SQLKit
import SharakaCore
import Vapor

/// The plan's public dashboard: completion levels, milestones on time or late, lead
/// bodies, provinces, the milestone timeline and budgets, each as a chart and a table.
enum DashboardController {
    @Sendable static func show(req: Request) async throws -> Response {
        let plan = try await VisiblePlan.view(req.parameters.get("id", as: UUID.self), req)
        let data = try await PlanDashboardQuery(plan: plan.id).run(on: req.sql)
        return await req.render(DashboardPages.show(req.t, plan: plan, data: data, today: Day(Date())))
    }
}

enum DashboardPages {
    static func show(_ t: Localizer, plan: PlanView, data: PlanDashboardQuery.Result, today: Day) -> Page {
        let lang = t.language, rtl = lang.direction == "rtl"
        let (commitments, milestones) = (data.commitments, data.milestones)
        let byID = Dictionary(uniqueKeysWithValues: commitments.map { ($0.id, $0) })
        let levels = IRMCompletion.allCases.map { level in
            Chart.Bar(label: t.irm(level), value: commitments.filter { $0.level == level }.count, cssClass: "bar level-\(level.rawValue)")
        }
        let standing = MilestoneStanding.tally(milestones.map(\.facts), today: today)
        let states: [Chart.Bar] = [
            .init(label: t(.onTime), value: standing[.onTime]!, cssClass: "bar on-time"),
            .init(label: t(.delayedMark), value: standing[.delayed]!, cssClass: "bar delayed"),
            .init(label: t(.milestoneCompleted), value: standing[.completed]!, cssClass: "bar completed"),
            .init(label: t(.milestoneCancelled), value: standing[.cancelled]!, cssClass: "bar cancelled"),
        ]
        let bodies = Dictionary(grouping: commitments, by: \.leadBody.key).map { _, cs in
            Chart.Bar(label: cs[0].leadBody.name(in: lang), value: cs.map(\.completion).reduce(0, +) / max(1, cs.count), display: "\(cs.map(\.completion).reduce(0, +) / max(1, cs.count)) %")
        }.sorted { $0.label < $1.label }
        var perProvince = data.provinces.map { p in
            Chart.Bar(label: p.name.resolve(for: lang)?.text ?? p.code, value: commitments.filter { $0.provinces.contains(p.code) }.count)
        }
        perProvince.insert(.init(label: t(.wholeRegion), value: commitments.filter { $0.provinces.isEmpty }.count), at: 0)
        let budgets = commitments.filter { $0.budgetCentimes != nil }
        let total = MAD.total(budgets.compactMap(\.budget))
        let spans = milestones.compactMap { m -> Chart.Span? in
            guard let s = Day(iso: m.startsOn), let e = Day(iso: m.endsOn), let c = byID[m.commitmentID] else { return nil }
            let state = m.isDelayed(today: today) ? "delayed" : m.status.rawValue
            return Chart.Span(label: "\(c.reference) · \(m.title.resolve(for: lang)?.text ?? "")", starts: s, ends: e, cssClass: "span \(state)",
                              status: m.isDelayed(today: today) ? t(.delayedMark) : t.milestoneStatus(m.status))
        }
        let title = "\(t(.planDashboard)) · \(plan.title.resolve(for: lang)?.text ?? "")"
        return Page(title: title, content: H.group([
            H.p([], H.el("a", [.href(SiteURL.plan(plan.id).path(lang))], [LangText.node(plan.title.resolve(for: lang), page: lang, t)])),
            H.h1(t(.planDashboard)),
            Chart.bars(id: "levels", title: t(.chartByLevel), description: t(.chartByLevelDesc), bars: levels, rtl: rtl, headers: (t(.completionLabel), t(.countLabel))),
            Chart.bars(id: "milestones", title: t(.chartMilestones), description: t(.chartMilestonesDesc), bars: states, rtl: rtl, headers: (t(.fieldStatus), t(.countLabel))),
            Chart.bars(id: "bodies", title: t(.chartByLeadBody), description: t(.chartByLeadBodyDesc), bars: bodies, rtl: rtl, headers: (t(.fieldLeadBody), t(.completionLabel))),
            Chart.bars(id: "provinces", title: t(.chartByProvince), description: t(.chartByProvinceDesc), bars: perProvince, rtl: rtl, headers: (t(.fieldProvince), t(.countLabel))),
            Chart.gantt(id: "timeline", title: t(.chartGantt), description: t(.chartGanttDesc), spans: spans, today: today, rtl: rtl,
                        headers: [t(.milestonesTitle), t(.fieldStarts), t(.fieldEnds), t(.fieldStatus)]),
            Chart.bars(id: "budget", title: t(.chartBudget), description: t(.chartBudgetDesc) + " " + (total.map { t(.budgetTotal, ["total": $0.formatted(in: lang)]) } ?? t(.budgetTotalTooLarge)),
                       bars: budgets.map { Chart.Bar(label: $0.reference, value: Int($0.budgetCentimes! / 100), display: $0.budget!.formatted(in: lang)) },
                       rtl: rtl, headers: (t(.fieldReference), t(.fieldBudget))),
        ]))
    }
}
