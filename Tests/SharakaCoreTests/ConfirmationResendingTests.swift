import Foundation
import SharakaCore
import Testing

@Suite struct ConfirmationResendingTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func onlyAccountsWaitingForConfirmationGetANewLink() {
        let waiting = ConfirmationResending.Account(confirmed: false, blocked: false, deleted: false, lastSent: nil)
        #expect(ConfirmationResending.shouldSend(waiting, now: now))
        #expect(!ConfirmationResending.shouldSend(nil, now: now))
        var a = waiting; a.confirmed = true
        #expect(!ConfirmationResending.shouldSend(a, now: now))
        a = waiting; a.blocked = true
        #expect(!ConfirmationResending.shouldSend(a, now: now))
        a = waiting; a.deleted = true
        #expect(!ConfirmationResending.shouldSend(a, now: now))
    }

    @Test func notMoreThanOncePerInterval() {
        func sent(_ secondsAgo: TimeInterval) -> ConfirmationResending.Account {
            .init(confirmed: false, blocked: false, deleted: false, lastSent: now.addingTimeInterval(-secondsAgo))
        }
        #expect(!ConfirmationResending.shouldSend(sent(1), now: now))
        #expect(!ConfirmationResending.shouldSend(sent(ConfirmationResending.interval - 1), now: now))
        #expect(ConfirmationResending.shouldSend(sent(ConfirmationResending.interval), now: now))
        #expect(ConfirmationResending.shouldSend(sent(86_400), now: now))
    }
}
