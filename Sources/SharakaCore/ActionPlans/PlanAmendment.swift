/// Why a change to an action plan, its commitments or its milestones is refused.
public enum PlanRefusal: Error, Sendable, Equatable {
    /// A closed plan is the public record of what was done: nothing changes any more.
    case planClosed
    /// An adopted plan changes only by amendment, and an amendment says why.
    case amendmentReasonRequired
    case moveNotAllowed(from: PlanStatus, to: PlanStatus)
    /// Consultation and adoption are about commitments: a plan without any has nothing to consult on.
    case noCommitments
    /// OGP's template: every commitment is delivered through milestones.
    case commitmentsWithoutMilestones([String])
    /// Moves that cannot be undone are confirmed, with the decision they record.
    case confirmationRequired
    case decisionRequired
    case commitmentOutsidePlan
    case milestoneOutsideCommitment
    /// Narrowing a commitment's dates would leave milestones outside it.
    case milestonesOutsideCommitment([String])
    /// Narrowing a plan's period would leave commitments outside it.
    case commitmentsOutsidePlan([String])
    /// The lead body is an organisation of the platform.
    case leadBodyUnknown
    /// The budget limits, checked against the plan's other commitments as they are at the write.
    case budget(BudgetLimits.Problem)
}

/// The one rule for every change to a plan's content (the plan itself, a commitment, a
/// milestone, created or edited): while the plan is a draft or in consultation a change is
/// written as it is; once adopted, every change is an amendment that gives its reason, is
/// recorded with it, and makes a new revision of the plan; a closed plan changes no more.
/// A change that changes nothing is not written, audited or revised.
public enum PlanAmendment {
    public static let reasonLength = 10...1000

    public enum Decision: Sendable, Equatable {
        case unchanged
        case write(AuditFields, newRevision: Bool)
    }

    public static func decide(status: PlanStatus, before: [String: String], after: [String: String], reason: String) -> Result<Decision, PlanRefusal> {
        if status == .closed { return .failure(.planClosed) }
        if before == after { return .success(.unchanged) }
        guard status.isFrozen else { return .success(.write(AuditFields(before: before, after: after), newRevision: false)) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard AccountRules.checkText(reason, length: reasonLength) == nil else { return .failure(.amendmentReasonRequired) }
        var amended = after
        amended["amendment"] = reason
        return .success(.write(AuditFields(before: before, after: amended), newRevision: true))
    }
}
