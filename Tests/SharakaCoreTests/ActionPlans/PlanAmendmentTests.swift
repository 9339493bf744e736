import SharakaCore
import Testing

@Suite struct PlanAmendmentTests {
    let before = ["title/fr": "Budget ouvert", "starts": "2025-04-01"]
    let after = ["title/fr": "Budget ouvert et participatif", "starts": "2025-04-01"]
    let reason = "Délibération du conseil du 4 mars 2026"

    @Test func aDraftOrConsultationPlanChangesAsTyped() {
        for status in [PlanStatus.draft, .consultation] {
            #expect(PlanAmendment.decide(status: status, before: before, after: after, reason: "") ==
                .success(.write(AuditFields(before: before, after: after), newRevision: false)))
        }
    }

    @Test func onceAdoptedEveryChangeIsAnAmendmentWithItsReasonAndARevision() {
        for status in [PlanStatus.adopted, .implementation] {
            #expect(PlanAmendment.decide(status: status, before: before, after: after, reason: "") == .failure(.amendmentReasonRequired))
            #expect(PlanAmendment.decide(status: status, before: before, after: after, reason: "   court ") == .failure(.amendmentReasonRequired))
            var amended = after
            amended["amendment"] = reason
            #expect(PlanAmendment.decide(status: status, before: before, after: after, reason: "  \(reason) ") ==
                .success(.write(AuditFields(before: before, after: amended), newRevision: true)))
        }
    }

    @Test func creationsInAnAdoptedPlanRecordTheirReasonToo() {
        #expect(PlanAmendment.decide(status: .implementation, before: [:], after: after, reason: "") == .failure(.amendmentReasonRequired))
        guard case .success(.write(let audit, true)) = PlanAmendment.decide(status: .implementation, before: [:], after: after, reason: reason) else {
            Issue.record("a creation in an adopted plan is an amendment"); return
        }
        #expect(audit.after["amendment"] == reason && audit.before.isEmpty)
    }

    @Test func anUnchangedFormChangesNothingEvenWithoutAReason() {
        for status in [PlanStatus.draft, .adopted, .implementation] {
            #expect(PlanAmendment.decide(status: status, before: before, after: before, reason: "") == .success(.unchanged))
        }
    }

    @Test func aClosedPlanChangesNoMore() {
        #expect(PlanAmendment.decide(status: .closed, before: before, after: after, reason: reason) == .failure(.planClosed))
        #expect(PlanAmendment.decide(status: .closed, before: before, after: before, reason: reason) == .failure(.planClosed))
    }
}

@Suite struct PlanCalendarTests {
    func span(_ a: String, _ b: String) -> DaySpan { DaySpan(iso: a, b)! }
    var plan: DaySpan { PlanCalendar.period(from: 2025, to: 2027)! }

    @Test func spansParseInOrderOnly() {
        #expect(DaySpan(iso: "2026-01-01", "2025-12-31") == nil)
        #expect(DaySpan(iso: "2026-02-30", "2026-03-01") == nil)
        #expect(DaySpan(iso: "2026-01-01", "2026-01-01") != nil)
        #expect(PlanCalendar.period(from: 2025, to: 2027) == span("2025-01-01", "2027-12-31"))
        #expect(PlanCalendar.period(from: 2027, to: 2025) == nil)
    }

    @Test func aCommitmentLiesWithinItsPlan() {
        #expect(PlanCalendar.checkCommitment(span("2026-01-01", "2027-12-31"), plan: plan, milestones: []) == nil)
        #expect(PlanCalendar.checkCommitment(span("2024-12-31", "2026-06-30"), plan: plan, milestones: []) == .commitmentOutsidePlan)
        #expect(PlanCalendar.checkCommitment(span("2026-01-01", "2028-01-01"), plan: plan, milestones: []) == .commitmentOutsidePlan)
    }

    @Test func aCommitmentStillHoldsItsMilestones() {
        let milestones = [("#1", span("2026-01-01", "2026-03-31")), ("#2", span("2026-09-01", "2027-03-31"))]
        #expect(PlanCalendar.checkCommitment(span("2026-01-01", "2027-06-30"), plan: plan, milestones: milestones) == nil)
        #expect(PlanCalendar.checkCommitment(span("2026-02-01", "2026-12-31"), plan: plan, milestones: milestones) == .milestonesOutsideCommitment(["#1", "#2"]))
    }

    @Test func aMilestoneLiesWithinItsCommitment() {
        let commitment = span("2026-01-01", "2027-12-31")
        #expect(PlanCalendar.checkMilestone(span("2026-01-01", "2027-12-31"), commitment: commitment) == nil)
        #expect(PlanCalendar.checkMilestone(span("2020-01-01", "2030-12-31"), commitment: commitment) == .milestoneOutsideCommitment)
        #expect(PlanCalendar.checkMilestone(span("2027-06-01", "2028-01-31"), commitment: commitment) == .milestoneOutsideCommitment)
    }

    @Test func aPlansPeriodStillHoldsItsCommitments() {
        let commitments = [("OR-1", span("2025-04-01", "2027-06-30")), ("OR-2", span("2026-01-01", "2026-12-31"))]
        #expect(PlanCalendar.checkPlan(plan, commitments: commitments) == nil)
        #expect(PlanCalendar.checkPlan(PlanCalendar.period(from: 2026, to: 2027)!, commitments: commitments) == .commitmentsOutsidePlan(["OR-1"]))
    }
}

@Suite struct PlanLifecycleTests {
    let decision = "Délibération n° 12 du conseil régional, session de mars"
    func facts(_ status: PlanStatus, commitments: Int = 2, bare: [String] = []) -> PlanLifecycle.Facts {
        .init(status: status, commitments: commitments, commitmentsWithoutMilestones: bare)
    }

    @Test func onlyTheNextStepOrBackToDraft() {
        #expect(PlanLifecycle.decide(facts(.draft), to: .adopted, confirmed: true, decision: decision) == .failure(.moveNotAllowed(from: .draft, to: .adopted)))
        #expect(PlanLifecycle.decide(facts(.closed), to: .implementation, confirmed: true, decision: decision) == .failure(.moveNotAllowed(from: .closed, to: .implementation)))
        #expect(PlanLifecycle.decide(facts(.implementation), to: .adopted, confirmed: true, decision: decision) == .failure(.moveNotAllowed(from: .implementation, to: .adopted)))
        #expect(PlanLifecycle.decide(facts(.adopted), to: .adopted, confirmed: true, decision: decision) == .failure(.moveNotAllowed(from: .adopted, to: .adopted)))
    }

    @Test func consultationAndAdoptionNeedCommitments() {
        #expect(PlanLifecycle.decide(facts(.draft, commitments: 0), to: .consultation, confirmed: false, decision: "") == .failure(.noCommitments))
        #expect(PlanLifecycle.decide(facts(.consultation, commitments: 0), to: .adopted, confirmed: true, decision: decision) == .failure(.noCommitments))
        #expect(PlanLifecycle.decide(facts(.consultation, bare: ["OR-2"]), to: .adopted, confirmed: true, decision: decision) ==
            .failure(.commitmentsWithoutMilestones(["OR-2"])))
    }

    @Test func reversibleMovesNeedNoConfirmation() {
        #expect(PlanLifecycle.decide(facts(.draft), to: .consultation, confirmed: false, decision: "") ==
            .success(.init(to: .consultation, audit: AuditFields(before: ["status": "draft"], after: ["status": "public_consultation"]), isAdoption: false)))
        #expect(PlanLifecycle.decide(facts(.consultation, commitments: 0), to: .draft, confirmed: false, decision: "") ==
            .success(.init(to: .draft, audit: AuditFields(before: ["status": "public_consultation"], after: ["status": "draft"]), isAdoption: false)))
    }

    @Test func irreversibleMovesAreConfirmedAndRecordTheirDecision() {
        for (from, to) in [(PlanStatus.consultation, PlanStatus.adopted), (.adopted, .implementation), (.implementation, .closed)] {
            #expect(PlanLifecycle.isIrreversible(from: from, to: to))
            #expect(PlanLifecycle.decide(facts(from), to: to, confirmed: false, decision: decision) == .failure(.confirmationRequired))
            #expect(PlanLifecycle.decide(facts(from), to: to, confirmed: true, decision: "oui") == .failure(.decisionRequired))
            #expect(PlanLifecycle.decide(facts(from), to: to, confirmed: true, decision: decision) ==
                .success(.init(to: to, audit: AuditFields(before: ["status": from.rawValue], after: ["status": to.rawValue, "decision": decision]),
                               isAdoption: to == .adopted)))
        }
        #expect(!PlanLifecycle.isIrreversible(from: .consultation, to: .draft))
        #expect(!PlanLifecycle.isIrreversible(from: .draft, to: .consultation))
    }
}
