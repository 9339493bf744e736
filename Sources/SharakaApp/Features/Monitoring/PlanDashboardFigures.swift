import Foundation
import SharakaCore

/// The breakdowns of a plan's dashboard, computed once from its read model so that the page
/// and the API give the same figures: commitments by completion level, milestones by
/// standing, average completion by lead body, commitments by province (the whole region
/// first), budgets and the milestone timeline.
struct PlanDashboardFigures: Sendable {
    struct BodyFigure: Sendable {
        let leadBody: LeadBody
        let commitments: Int
        /// Integer average of the commitments' completion, in percent.
        let averageCompletion: Int
    }
    struct ProvinceFigure: Sendable {
        /// Nil for the commitments that name no province: the whole region.
        let code: String?
        let name: LocalizedText?
        let commitments: Int
    }
    struct BudgetFigure: Sendable {
        let commitmentID: UUID
        let reference: String
        let amount: MAD
    }
    struct TimelineItem: Sendable {
        let commitmentID: UUID
        let reference: String
        let title: LocalizedText
        let starts: Day
        let ends: Day
        let status: MilestoneStatus
        let delayed: Bool
    }

    let commitments: Int
    let byLevel: [(level: IRMCompletion, count: Int)]
    let standing: [MilestoneStanding: Int]
    let bodies: [BodyFigure]
    let provinces: [ProvinceFigure]
    let budgets: [BudgetFigure]
    /// Nil only when the stored amounts do not add up within an amount.
    let budgetTotal: MAD?
    let timeline: [TimelineItem]

    init(_ data: PlanDashboardQuery.Result, today: Day) {
        let commitments = data.commitments
        self.commitments = commitments.count
        byLevel = IRMCompletion.allCases.map { level in (level, commitments.filter { $0.level == level }.count) }
        standing = MilestoneStanding.tally(data.milestones.map(\.facts), today: today)
        var order: [String] = []
        var grouped: [String: [DashboardCommitment]] = [:]
        for c in commitments {
            if grouped[c.leadBody.key] == nil { order.append(c.leadBody.key) }
            grouped[c.leadBody.key, default: []].append(c)
        }
        bodies = order.map { key in
            let cs = grouped[key]!
            return BodyFigure(leadBody: cs[0].leadBody, commitments: cs.count, averageCompletion: cs.map(\.completion).reduce(0, +) / cs.count)
        }
        provinces = [ProvinceFigure(code: nil, name: nil, commitments: commitments.filter { $0.provinces.isEmpty }.count)]
            + data.provinces.map { p in ProvinceFigure(code: p.code, name: p.name, commitments: commitments.filter { $0.provinces.contains(p.code) }.count) }
        budgets = commitments.compactMap { c in c.budget.map { BudgetFigure(commitmentID: c.id, reference: c.reference, amount: $0) } }
        budgetTotal = MAD.total(budgets.map(\.amount))
        let references = Dictionary(uniqueKeysWithValues: commitments.map { ($0.id, $0.reference) })
        timeline = data.milestones.compactMap { m in
            guard let s = Day(iso: m.startsOn), let e = Day(iso: m.endsOn), let reference = references[m.commitmentID] else { return nil }
            return TimelineItem(commitmentID: m.commitmentID, reference: reference, title: m.title, starts: s, ends: e, status: m.status, delayed: m.isDelayed(today: today))
        }
    }
}
