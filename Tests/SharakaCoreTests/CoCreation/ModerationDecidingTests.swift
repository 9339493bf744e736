import SharakaCore
import Testing

@Suite struct ModerationDecidingTests {
    let reason = "Propos injurieux envers un agent"
    func content(hidden: Bool = false, role: Role? = .citizen, blocked: Bool = false) -> ModerationDeciding.Content {
        .init(hidden: hidden, authorRole: role, authorBlocked: blocked)
    }

    @Test func hidingVisibleContentTellsItsAuthor() throws {
        let d = try ModerationDeciding.decide(.hide, reason: reason, content: content()).get()
        #expect(d.hide && !d.restore && !d.blockAuthor && d.notifyAuthor)
        #expect(d.audit == AuditFields(before: ["hidden": "0"], after: ["hidden": "1", "action": "hide", "reason": reason]))
    }

    @Test func hidingHiddenContentAgainTellsNobody() throws {
        let d = try ModerationDeciding.decide(.hide, reason: reason, content: content(hidden: true)).get()
        #expect(!d.hide && !d.notifyAuthor)
    }

    @Test func restoringBringsHiddenContentBack() throws {
        let d = try ModerationDeciding.decide(.restore, reason: reason, content: content(hidden: true)).get()
        #expect(d.restore && !d.hide && !d.notifyAuthor)
    }

    @Test func blockingHidesAndBlocksACitizenOnce() throws {
        let d = try ModerationDeciding.decide(.block, reason: reason, content: content()).get()
        #expect(d.hide && d.blockAuthor && d.audit.after["author_blocked"] == "1")
        #expect(try !ModerationDeciding.decide(.block, reason: reason, content: content(blocked: true)).get().blockAuthor)
    }

    @Test func officialsAndModeratorsAreNotBlockedAndEveryDecisionHasAReason() {
        #expect(ModerationDeciding.decide(.block, reason: reason, content: content(role: .moderator)) == .failure(.authorNotBlockable))
        #expect(ModerationDeciding.decide(.block, reason: reason, content: content(role: .administrator)) == .failure(.authorNotBlockable))
        #expect(ModerationDeciding.decide(.hide, reason: " ok ", content: content()) == .failure(.reason(.tooShort)))
        #expect(ModerationDeciding.decide(.hide, reason: "", content: content()) == .failure(.reason(.required)))
    }
}
