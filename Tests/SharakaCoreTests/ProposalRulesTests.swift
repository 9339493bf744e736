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

@Suite struct ProposalEditingTests {
    func facts(_ status: ProposalStatus = .published, supports: Int = 0, comments: Int = 0, answered: Bool = false, included: Bool = false) -> ProposalEditing.Facts {
        .init(status: status, supports: supports, comments: comments, answered: answered, included: included)
    }

    @Test func theAuthorRewritesOnlyWhatNobodyHasTakenUpYet() {
        #expect(ProposalEditing.refusal(facts()) == nil)
        #expect(ProposalEditing.refusal(facts(.withdrawn)) == .withdrawn)
        #expect(ProposalEditing.refusal(facts(supports: 1)) == .reactedTo)
        #expect(ProposalEditing.refusal(facts(comments: 2)) == .reactedTo)
        // answered or included, even with no support or comment: the answer and the commitment point at this text
        #expect(ProposalEditing.refusal(facts(answered: true)) == .answered)
        #expect(ProposalEditing.refusal(facts(answered: true, included: true)) == .included)
        #expect(!ProposalRules.authorMayEdit(status: .published, supports: 0, comments: 0, answered: true))
        #expect(!ProposalRules.authorMayEdit(status: .published, supports: 0, comments: 0, included: true))
    }
}
