import Foundation
import SharakaCore
import Testing

@Suite struct AnswerRulesTests {
    @Test func reasoningRequiredForEveryDecision() {
        for state in AnswerState.allCases where state != .underEvaluation {
            #expect(AnswerRules.check(state: state, reasoning: "  \n ") == .reasoningRequired)
            #expect(AnswerRules.check(state: state, reasoning: "Intégrée à l'engagement 3 sur les données ouvertes.") == nil)
        }
        #expect(AnswerRules.check(state: .underEvaluation, reasoning: "") == nil)
        #expect(AnswerRules.check(state: .rejected, reasoning: "trop court") == .field(.tooShort))
        #expect(AnswerRules.check(state: .rejected, reasoning: String(repeating: "x", count: 5001)) == .field(.tooLong))
    }

    @Test func medianAndPercent() {
        #expect(DashboardFigures.medianDays([]) == nil)
        #expect(DashboardFigures.medianDays([86_400 * 3]) == 3)
        #expect(DashboardFigures.medianDays([86_400 * 1, 86_400 * 10, 86_400 * 4]) == 4)
        #expect(DashboardFigures.medianDays([86_400 * 1, 86_400 * 2]) == 1.5)
        #expect(DashboardFigures.percent(0, of: 0) == 0)
        #expect(DashboardFigures.percent(39, of: 40) == 97)
        #expect(DashboardFigures.percent(40, of: 40) == 100)
    }
}

@Suite struct ProposalAnsweringTests {
    let commitment = UUID()
    let reasons = "Retenue : elle devient le premier engagement du plan."

    @Test func includedInACommitmentNamesIt() throws {
        #expect(ProposalAnswering.decide(state: .acceptedInCommitment, reasoning: reasons, commitment: nil, candidates: [commitment], previous: nil) ==
            .failure(.commitmentRequired))
        #expect(ProposalAnswering.decide(state: .acceptedInCommitment, reasoning: reasons, commitment: UUID(), candidates: [commitment], previous: nil) ==
            .failure(.commitmentUnknown))
        let d = try ProposalAnswering.decide(state: .acceptedInCommitment, reasoning: reasons, commitment: commitment, candidates: [commitment], previous: nil).get()
        #expect(d.includeIn == commitment && d.action == "answer" && d.audit.after["commitment"] == commitment.uuidString)
    }

    @Test func otherDecisionsLinkNothingAndRevisionsKeepWhatTheyReplace() throws {
        let d = try ProposalAnswering.decide(state: .rejected, reasoning: reasons, commitment: commitment, candidates: [commitment],
                                             previous: .init(state: "under_evaluation", reasoning: "")).get()
        #expect(d.includeIn == nil && d.action == "revise")
        #expect(d.audit == AuditFields(before: ["state": "under_evaluation", "reasoning": ""], after: ["state": "rejected", "reasoning": reasons]))
        #expect(ProposalAnswering.decide(state: .rejected, reasoning: " ", commitment: nil, candidates: [], previous: nil) == .failure(.reasoning(.reasoningRequired)))
    }
}
