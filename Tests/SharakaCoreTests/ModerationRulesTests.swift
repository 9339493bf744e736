import SharakaCore
import Testing

@Suite struct ModerationRulesTests {
    @Test func threeDistinctReportsHide() {
        #expect(!ModerationRules.shouldAutoHide(distinctReporters: 2, alreadyHidden: false))
        #expect(ModerationRules.shouldAutoHide(distinctReporters: 3, alreadyHidden: false))
        #expect(ModerationRules.shouldAutoHide(distinctReporters: 7, alreadyHidden: false))
        // hiding twice would notify the author twice
        #expect(!ModerationRules.shouldAutoHide(distinctReporters: 3, alreadyHidden: true))
    }

    @Test func decisionsAndTheirEffect() {
        #expect(ModerationRules.hiddenAfter(.hide) && ModerationRules.hiddenAfter(.block))
        #expect(!ModerationRules.hiddenAfter(.restore))
        #expect(ReportReason(rawValue: "personal_data") == .personalData)
    }
}
