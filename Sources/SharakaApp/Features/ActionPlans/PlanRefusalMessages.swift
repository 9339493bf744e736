import SharakaCore

extension Localizer {
    /// The field a refusal belongs next to, and what it says in the reader's language.
    /// `commitment` gives the dates a milestone must lie within.
    func planRefusal(_ refusal: PlanRefusal, plan: ActionPlan? = nil, commitment: Commitment? = nil, limits: BudgetLimits = .standard) -> (field: String, message: String) {
        let list = { (names: [String]) in self.list(names) }
        switch refusal {
        case .planClosed: return ("status", self(.errPlanClosed))
        case .amendmentReasonRequired: return ("amendment_reason", self(.errAmendmentReason))
        case .moveNotAllowed: return ("status", self(.errStatusMove))
        case .noCommitments: return ("status", self(.errPlanNoCommitments))
        case .commitmentsWithoutMilestones(let refs): return ("status", self(.errCommitmentsWithoutMilestones, ["list": list(refs)]))
        case .confirmationRequired: return ("confirm", self(.errConfirmMove))
        case .decisionRequired: return ("decision", self(.errMoveDecision))
        case .commitmentOutsidePlan: return ("starts", self(.errCommitmentOutsidePlan, ["period": plan?.period ?? ""]))
        case .milestoneOutsideCommitment:
            return ("starts", self(.errMilestoneOutsideCommitment, ["from": commitment?.starts.map(day) ?? "", "to": commitment?.ends.map(day) ?? ""]))
        case .milestonesOutsideCommitment(let names): return ("starts", self(.errMilestonesOutside, ["list": list(names)]))
        case .commitmentsOutsidePlan(let refs): return ("period_start", self(.errCommitmentsOutside, ["list": list(refs)]))
        case .leadBodyUnknown: return ("lead_organisation", self(.errLeadOrganisation))
        case .budget(.commitmentTooLarge): return ("budget", self(.errBudgetTooLarge, ["max": limits.maxCommitment.formatted(in: language)]))
        case .budget(.planTotalTooLarge): return ("budget", self(.errPlanBudgetTooLarge, ["max": limits.maxPlanTotal.formatted(in: language)]))
        }
    }
}
