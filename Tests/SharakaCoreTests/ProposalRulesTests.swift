import SharakaCore
import Testing

@Suite struct ProposalRulesTests {
    @Test func lengths() {
        #expect(ProposalRules.checkTitle("قصير") == .tooShort)
        #expect(ProposalRules.checkTitle("نشر الميزانية بصيغة مفتوحة") == nil)
        #expect(ProposalRules.checkTitle(String(repeating: "a", count: 151)) == .tooLong)
        #expect(ProposalRules.checkBody("   ") == .required)
        #expect(ProposalRules.checkBody("Trop court.") == .tooShort)
        #expect(ProposalRules.checkBody(String(repeating: "b", count: 5001)) == .tooLong)
    }

    @Test func authorEditsOnlyBeforeAnyReaction() {
        #expect(ProposalRules.authorMayEdit(status: .published, supports: 0, comments: 0))
        #expect(!ProposalRules.authorMayEdit(status: .published, supports: 1, comments: 0))
        #expect(!ProposalRules.authorMayEdit(status: .published, supports: 0, comments: 2))
        #expect(!ProposalRules.authorMayEdit(status: .withdrawn, supports: 0, comments: 0))
    }

    @Test func linksAndLineBreaks() {
        #expect(LinkedText.segments("voir https://oriental.ma/budget.") == [.text("voir "), .link("https://oriental.ma/budget"), .text(".")])
        #expect(LinkedText.segments("سطر\nhttp://a.ma") == [.text("سطر"), .lineBreak, .link("http://a.ma")])
        #expect(LinkedText.segments("javascript:alert(1) <b>x</b>") == [.text("javascript:alert(1) <b>x</b>")])
        #expect(LinkedText.segments("https:// nothing") == [.text("https:// nothing")])
        #expect(LinkedText.segments("a\"https://x.ma\"") == [.text("a\""), .link("https://x.ma"), .text("\"")])
        #expect(LinkedText.segments("") == [])
    }
}
