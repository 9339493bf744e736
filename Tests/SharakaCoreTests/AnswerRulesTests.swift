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
