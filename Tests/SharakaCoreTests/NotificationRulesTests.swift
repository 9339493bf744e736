import Foundation
import SharakaCore
import Testing

@Suite struct NotificationRulesTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func digestAtMostOncePerDay() {
        #expect(!NotificationRules.digestDue(oldestPending: nil, lastDigest: nil, now: now))
        #expect(!NotificationRules.digestDue(oldestPending: now.addingTimeInterval(-3600), lastDigest: nil, now: now))
        #expect(NotificationRules.digestDue(oldestPending: now.addingTimeInterval(-86_400), lastDigest: nil, now: now))
        // a digest went out 2 hours ago: wait, however old the pending items are
        #expect(!NotificationRules.digestDue(oldestPending: now.addingTimeInterval(-90_000), lastDigest: now.addingTimeInterval(-7200), now: now))
        // last digest a day ago and something pending: due even if the item is fresh
        #expect(NotificationRules.digestDue(oldestPending: now.addingTimeInterval(-60), lastDigest: now.addingTimeInterval(-86_400), now: now))
    }

    @Test func tomorrowWindow() {
        #expect(NotificationRules.isTomorrow(start: now.addingTimeInterval(20 * 3600), now: now))
        #expect(!NotificationRules.isTomorrow(start: now.addingTimeInterval(2 * 3600), now: now))
        #expect(!NotificationRules.isTomorrow(start: now.addingTimeInterval(40 * 3600), now: now))
        #expect(!NotificationRules.isTomorrow(start: now.addingTimeInterval(-3600), now: now))
    }
}
