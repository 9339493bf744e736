/// Moving a plan along draft → consultation → adopted → in implementation → closed.
/// Each move has its preconditions; the moves that cannot be undone (adoption freezes the
/// plan, implementation and closure cannot be taken back) are confirmed and record the
/// decision they carry out (a council's deliberation, a closing report).
public enum PlanLifecycle {
    public static let decisionLength = 10...1000

    /// What a move is decided on, read under the lock.
    public struct Facts: Sendable, Equatable {
        public var status: PlanStatus
        public var commitments: Int
        /// References of the commitments that have no milestone.
        public var commitmentsWithoutMilestones: [String]

        public init(status: PlanStatus, commitments: Int, commitmentsWithoutMilestones: [String]) {
            self.status = status; self.commitments = commitments; self.commitmentsWithoutMilestones = commitmentsWithoutMilestones
        }
    }

    public struct Move: Sendable, Equatable {
        public var to: PlanStatus
        public var audit: AuditFields
        /// Adoption records the adopted text as a revision and the day it was adopted.
        public var isAdoption: Bool

        public init(to: PlanStatus, audit: AuditFields, isAdoption: Bool) {
            self.to = to; self.audit = audit; self.isAdoption = isAdoption
        }
    }

    /// Opening a draft to consultation can be undone (back to draft), and that return too;
    /// every later move cannot.
    public static func isIrreversible(from: PlanStatus, to: PlanStatus) -> Bool {
        let reversible: Set<PlanStatus> = [.draft, .consultation]
        return from != to && !(reversible.contains(from) && reversible.contains(to))
    }

    public static func decide(_ facts: Facts, to target: PlanStatus, confirmed: Bool, decision: String) -> Result<Move, PlanRefusal> {
        guard facts.status.canMove(to: target) else { return .failure(.moveNotAllowed(from: facts.status, to: target)) }
        switch target {
        case .consultation, .adopted:
            if facts.commitments == 0 { return .failure(.noCommitments) }
            if target == .adopted, !facts.commitmentsWithoutMilestones.isEmpty {
                return .failure(.commitmentsWithoutMilestones(facts.commitmentsWithoutMilestones))
            }
        case .draft, .implementation, .closed: break
        }
        var after = ["status": target.rawValue]
        if isIrreversible(from: facts.status, to: target) {
            guard confirmed else { return .failure(.confirmationRequired) }
            let text = decision.trimmingCharacters(in: .whitespacesAndNewlines)
            guard AccountRules.checkText(text, length: decisionLength) == nil else { return .failure(.decisionRequired) }
            after["decision"] = text
        }
        return .success(Move(to: target, audit: AuditFields(before: ["status": facts.status.rawValue], after: after), isAdoption: target == .adopted))
    }
}
