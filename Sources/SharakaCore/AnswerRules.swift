import Foundation

/// The administration's answer to a proposal (OGP co-creation standard: every
/// contribution gets a reasoned response).
public enum AnswerState: String, CaseIterable, Sendable, Codable {
    case underEvaluation = "under_evaluation"
    case accepted
    case acceptedInCommitment = "accepted_in_commitment"
    case partiallyAccepted = "partially_accepted"
    case rejected
    case outOfScope = "out_of_scope"

    /// "Under evaluation" is a holding note; every decision must say why.
    public var requiresReasoning: Bool { self != .underEvaluation }
    /// Counts as answered for the dashboard share and the median delay.
    public var isDecision: Bool { self != .underEvaluation }
}

public enum AnswerRules {
    public static let reasoningLength = 20...5000

    public enum Problem: Equatable, Sendable {
        case reasoningRequired
        case field(FieldProblem)
    }

    public static func check(state: AnswerState, reasoning: String) -> Problem? {
        let text = reasoning.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return state.requiresReasoning ? .reasoningRequired : nil }
        return AccountRules.checkText(text, length: reasoningLength).map(Problem.field)
    }
}

/// Figures of a process's dashboard, computed from plain values so both engines agree.
public enum DashboardFigures {
    /// Median of whole days between each proposal and its first decision; nil when none.
    public static func medianDays(_ delays: [TimeInterval]) -> Double? {
        guard !delays.isEmpty else { return nil }
        let days = delays.map { max(0, $0) / 86_400 }.sorted()
        let mid = days.count / 2
        let m = days.count % 2 == 1 ? days[mid] : (days[mid - 1] + days[mid]) / 2
        return (m * 10).rounded() / 10
    }

    /// Whole-percent share, rounded down so that 100% means every proposal is answered.
    public static func percent(_ part: Int, of whole: Int) -> Int {
        whole == 0 ? 0 : part * 100 / whole
    }
}

/// The administration's answer to a proposal, decided on the proposal's current answer and
/// the commitments it could go into: a decision "included in a commitment" names the
/// commitment (and the proposal is linked to it), every decision gives its reasons.
public enum ProposalAnswering {
    public enum Refusal: Error, Sendable, Equatable {
        case reasoning(AnswerRules.Problem)
        /// "Included in a commitment" without saying which.
        case commitmentRequired
        /// A commitment that is not one of the plans drawn from this proposal's process.
        case commitmentUnknown
    }

    public struct Previous: Sendable, Equatable {
        public var state: String
        public var reasoning: String
        public init(state: String, reasoning: String) { self.state = state; self.reasoning = reasoning }
    }

    public struct Decision: Sendable, Equatable {
        /// "answer" for the first, "revise" after.
        public var action: String
        public var audit: AuditFields
        /// The commitment the proposal is now linked to.
        public var includeIn: UUID?
    }

    public static func decide(state: AnswerState, reasoning: String, commitment: UUID?, candidates: Set<UUID>, previous: Previous?) -> Result<Decision, Refusal> {
        if let problem = AnswerRules.check(state: state, reasoning: reasoning) { return .failure(.reasoning(problem)) }
        var includeIn: UUID?
        if state == .acceptedInCommitment {
            guard let commitment else { return .failure(.commitmentRequired) }
            guard candidates.contains(commitment) else { return .failure(.commitmentUnknown) }
            includeIn = commitment
        }
        var after = ["state": state.rawValue, "reasoning": reasoning]
        if let includeIn { after["commitment"] = includeIn.uuidString }
        return .success(Decision(action: previous == nil ? "answer" : "revise",
                                 audit: AuditFields(before: previous.map { ["state": $0.state, "reasoning": $0.reasoning] } ?? [:], after: after),
                                 includeIn: includeIn))
    }
}
