import Foundation

/// Brute-force brake by progressive delays rather than lockout: a lockout lets anyone who
/// knows an address keep its owner out, and a per-address lockout shuts out a whole campus
/// or mobile carrier behind one NAT address.
///
/// The first failures are free; after that each attempt must wait a delay that doubles with
/// every further failure (capped), counted from the latest failure. A browser that has
/// signed in to the account before (a known device) is not slowed down by failures others
/// cause, so the owner is never kept out of their own account from their usual device,
/// and one busy address does not slow down the accounts already used from it.
public struct LoginThrottle: Sendable, Equatable {
    public var window: TimeInterval
    public var freeFailuresPerAccount: Int
    public var freeFailuresPerAddress: Int
    public var firstDelay: TimeInterval
    public var maxDelay: TimeInterval

    public init(window: TimeInterval = 15 * 60, freeFailuresPerAccount: Int = 5, freeFailuresPerAddress: Int = 20,
                firstDelay: TimeInterval = 15, maxDelay: TimeInterval = 15 * 60) {
        self.window = window
        self.freeFailuresPerAccount = freeFailuresPerAccount
        self.freeFailuresPerAddress = freeFailuresPerAddress
        self.firstDelay = firstDelay
        self.maxDelay = maxDelay
    }

    /// Recent failures (within the window, since the account's last success) and the latest one.
    public struct Failures: Sendable, Equatable {
        public var count: Int
        public var latest: Date?
        public init(count: Int, latest: Date?) { self.count = count; self.latest = latest }
        public static let none = Failures(count: 0, latest: nil)
    }

    public enum Decision: Sendable, Equatable {
        case check
        /// Refused without looking at the password; try again after this many seconds.
        case wait(seconds: Int)
    }

    /// The delay owed after `failures` failures, beyond `free` free ones.
    public func delay(after failures: Int, free: Int) -> TimeInterval {
        guard failures >= free else { return 0 }
        let doublings = min(failures - free, 30)
        return min(maxDelay, firstDelay * pow(2, Double(doublings)))
    }

    /// Whether to check the password of an attempt, given the failures other attempts left
    /// for the account and from the address (the attempt's own, recorded first, excluded).
    public func decide(account: Failures, address: Failures, knownDevice: Bool, now: Date) -> Decision {
        guard !knownDevice else { return .check }
        var wait: TimeInterval = 0
        for (f, free) in [(account, freeFailuresPerAccount), (address, freeFailuresPerAddress)] {
            guard let latest = f.latest else { continue }
            let owed = delay(after: f.count, free: free) - now.timeIntervalSince(latest)
            wait = max(wait, owed)
        }
        return wait > 0 ? .wait(seconds: Int(wait.rounded(.up))) : .check
    }

    public func windowStart(now: Date) -> Date { now.addingTimeInterval(-window) }
}

/// How long a signed-in session lasts: it ends after `idle` without a request, and in any
/// case `absolute` after sign-in. Its last-seen time is written at most every `touchEvery`,
/// so that browsing does not cost a write per page.
public struct SessionLifetime: Sendable, Equatable {
    public var idle: TimeInterval
    public var absolute: TimeInterval
    public var touchEvery: TimeInterval

    public init(idle: TimeInterval = 7 * 24 * 3600, absolute: TimeInterval = 30 * 24 * 3600, touchEvery: TimeInterval = 5 * 60) {
        self.idle = idle
        self.absolute = absolute
        self.touchEvery = touchEvery
    }

    /// When a session created at `created` and last seen at `seen` stops being valid.
    public func expiry(created: Date, seen: Date) -> Date {
        min(created.addingTimeInterval(absolute), seen.addingTimeInterval(idle))
    }

    public func isExpired(created: Date, seen: Date, now: Date) -> Bool { now >= expiry(created: created, seen: seen) }

    public func needsTouch(seen: Date, now: Date) -> Bool { now.timeIntervalSince(seen) >= touchEvery }
}
