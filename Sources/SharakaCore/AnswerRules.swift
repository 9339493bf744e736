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
