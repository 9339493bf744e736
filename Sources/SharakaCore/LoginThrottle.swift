import Foundation

/// Brute-force brake: too many failures for one account, or from one address,
/// within a sliding window lock further attempts until the window passes.
public struct LoginThrottle: Sendable, Equatable {
    public var window: TimeInterval
    public var maxFailuresPerAccount: Int
    public var maxFailuresPerAddress: Int

    public init(window: TimeInterval = 15 * 60, maxFailuresPerAccount: Int = 5, maxFailuresPerAddress: Int = 20) {
        self.window = window
        self.maxFailuresPerAccount = maxFailuresPerAccount
        self.maxFailuresPerAddress = maxFailuresPerAddress
    }

    public func isLocked(failuresForAccount: Int, failuresFromAddress: Int) -> Bool {
        failuresForAccount >= maxFailuresPerAccount || failuresFromAddress >= maxFailuresPerAddress
    }

    public func windowStart(now: Date) -> Date { now.addingTimeInterval(-window) }
}
