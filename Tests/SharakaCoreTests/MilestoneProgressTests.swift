import SharakaCore
import Testing

@Suite struct MilestoneProgressTests {
    let today = Day(year: 2026, month: 3, day: 1)!
    let ends = Day(year: 2026, month: 12, day: 31)!
    func facts(_ status: MilestoneStatus, _ percent: Int, weight: Int) -> MilestoneFacts {
        MilestoneFacts(weight: weight, status: status, percent: percent, ends: ends)
    }
    func state(_ status: MilestoneStatus, _ percent: Int = 0, reason: String = "") -> MilestoneProgress.State {
        .init(status: status, percent: percent, cancelReason: reason)
    }
    func report(_ status: MilestoneStatus, _ percent: Int, on day: Day? = nil, reason: String = "") -> MilestoneProgress.Report {
        .init(reportedOn: day ?? today, text: "Le portail est en test.", percent: percent, status: status, cancelReason: reason, evidence: ["https://oriental.ma/r"])
    }
    func decide(_ current: MilestoneProgress.State, _ r: MilestoneProgress.Report, plan: PlanStatus = .implementation) -> Result<MilestoneProgress.Decision, MilestoneProgress.Refusal> {
        MilestoneProgress.decide(planStatus: plan, milestone: current, facts: facts(current.status, current.percent, weight: 3),
                                 others: [facts(.completed, 100, weight: 1)], completion: 25, report: r, today: today)
    }

    @Test func aReportMovesTheMilestoneAndTheCommitmentsCompletion() throws {
        let d = try decide(state(.notStarted), report(.inProgress, 50)).get()
        #expect(d.state == state(.inProgress, 50))
        #expect(d.completion == 62) // (3 × 50 + 1 × 100) / 4
        #expect(d.milestoneAudit.before == ["status": "not_started", "percent": "0", "cancel_reason": ""])
        #expect(d.milestoneAudit.after == ["status": "in_progress", "percent": "50", "cancel_reason": "", "report": "Le portail est en test.",
                                           "evidence": "https://oriental.ma/r"])
        #expect(d.completionAudit == AuditFields(before: ["completion": "25"], after: ["completion": "62"]))
    }

    @Test func theMoveIsCheckedAgainstTheMilestoneAsItIsNow() {
        // the form was drawn when the milestone was in progress; meanwhile a colleague completed it
        #expect(decide(state(.completed, 100), report(.cancelled, 0, reason: "Remplacé par un autre dispositif")) ==
            .failure(.statusMove(from: .completed, to: .cancelled)))
        #expect(decide(state(.inProgress, 40), report(.notStarted, 0)) == .failure(.statusMove(from: .inProgress, to: .notStarted)))
    }

    @Test func completedBelowAHundredIsAContradictionNotARounding() {
        #expect(decide(state(.inProgress, 40), report(.completed, 40)) == .failure(.completedBelowHundred(percent: 40)))
        #expect((try? decide(state(.inProgress, 40), report(.completed, 100)).get())?.completion == 100)
    }

    @Test func onlyRunningPlansTakeReportsAndNotFromTheFuture() {
        for plan in [PlanStatus.draft, .consultation, .closed] {
            #expect(decide(state(.notStarted), report(.inProgress, 10), plan: plan) == .failure(.planNotRunning))
        }
        #expect(decide(state(.notStarted), report(.inProgress, 10, on: today.adding(days: 1))) == .failure(.reportedInFuture))
    }

    @Test func aCancellationGivesItsReasonAndKeepsIt() throws {
        #expect(decide(state(.inProgress, 40), report(.cancelled, 40, reason: "non")) == .failure(.cancelReasonRequired))
        let d = try decide(state(.inProgress, 40), report(.cancelled, 40, reason: "  Remplacé par un autre dispositif ")).get()
        #expect(d.state.cancelReason == "Remplacé par un autre dispositif" && d.completion == 100) // cancelled leaves the weighting
        // reopened later: the reason stays on record
        let reopened = try decide(d.state, report(.inProgress, 10)).get()
        #expect(reopened.state.cancelReason == "Remplacé par un autre dispositif")
    }
}
