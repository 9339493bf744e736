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
        let figures = PlanDashboardFigures(data, today: today)
        let levels = figures.byLevel.map { Chart.Bar(label: t.irm($0.level), value: $0.count, cssClass: "bar level-\($0.level.rawValue)") }
        let standing = figures.standing
        let states: [Chart.Bar] = [
            .init(label: t(.onTime), value: standing[.onTime]!, cssClass: "bar on-time"),
            .init(label: t(.delayedMark), value: standing[.delayed]!, cssClass: "bar delayed"),
            .init(label: t(.milestoneCompleted), value: standing[.completed]!, cssClass: "bar completed"),
            .init(label: t(.milestoneCancelled), value: standing[.cancelled]!, cssClass: "bar cancelled"),
        ]
        let bodies = figures.bodies.map { b in
            Chart.Bar(label: b.leadBody.name(in: lang), value: b.averageCompletion, display: "\(b.averageCompletion) %")
        }.sorted { $0.label < $1.label }
        let perProvince = figures.provinces.map { p in
            Chart.Bar(label: p.code == nil ? t(.wholeRegion) : (p.name?.resolve(for: lang)?.text ?? p.code!), value: p.commitments)
        }
        let spans = figures.timeline.map { m in
            Chart.Span(label: "\(m.reference) · \(m.title.resolve(for: lang)?.text ?? "")", starts: m.starts, ends: m.ends,
                       cssClass: "span \(m.delayed ? "delayed" : m.status.rawValue)",
                       status: m.delayed ? t(.delayedMark) : t.milestoneStatus(m.status), startsText: t.day(m.starts), endsText: t.day(m.ends))
        }
        let title = "\(t(.planDashboard)) · \(plan.title.resolve(for: lang)?.text ?? "")"
        return Page(title: title, content: H.group([
            H.p([], H.el("a", [.href(SiteURL.plan(plan.id).path(lang))], [LangText.node(plan.title.resolve(for: lang), page: lang, t)])),
            H.h1(t(.planDashboard)),
            H.p([.cls("muted")], H.a(t(.exportJSON), href: "/api/v1/plans/\(plan.id)/dashboard")),
            Chart.bars(id: "levels", title: t(.chartByLevel), description: t(.chartByLevelDesc), bars: levels, rtl: rtl, headers: (t(.completionLabel), t(.countLabel))),
            Chart.bars(id: "milestones", title: t(.chartMilestones), description: t(.chartMilestonesDesc), bars: states, rtl: rtl, headers: (t(.fieldStatus), t(.countLabel))),
            Chart.bars(id: "bodies", title: t(.chartByLeadBody), description: t(.chartByLeadBodyDesc), bars: bodies, rtl: rtl, headers: (t(.fieldLeadBody), t(.completionLabel))),
            Chart.bars(id: "provinces", title: t(.chartByProvince), description: t(.chartByProvinceDesc), bars: perProvince, rtl: rtl, headers: (t(.fieldProvince), t(.countLabel))),
            Chart.gantt(id: "timeline", title: t(.chartGantt), description: t(.chartGanttDesc), spans: spans, today: today, rtl: rtl,
                        headers: [t(.milestonesTitle), t(.fieldStarts), t(.fieldEnds), t(.fieldStatus)], monthYear: { t.monthYear($0) },
                        legend: [
                            .init(cssClass: "span not_started", label: t.milestoneStatus(.notStarted)),
                            .init(cssClass: "span in_progress", label: t.milestoneStatus(.inProgress)),
                            .init(cssClass: "span delayed", label: t(.delayedMark)),
                            .init(cssClass: "span completed", label: t.milestoneStatus(.completed)),
                            .init(cssClass: "span cancelled", label: t.milestoneStatus(.cancelled)),
                            .init(cssClass: "legend-today", label: t(.chartToday)),
                        ]),
            Chart.bars(id: "budget", title: t(.chartBudget),
                       description: t(.chartBudgetDesc) + " " + (figures.budgetTotal.map { t(.budgetTotal, ["total": $0.formatted(in: lang)]) } ?? t(.budgetTotalTooLarge)),
                       bars: figures.budgets.map { Chart.Bar(label: $0.reference, value: Int($0.amount.centimes / 100), display: $0.amount.formatted(in: lang)) },
                       rtl: rtl, headers: (t(.fieldReference), t(.fieldBudget))),
        ]))
    }
}
