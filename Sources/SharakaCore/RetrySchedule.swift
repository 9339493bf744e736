import Foundation

/// Exponential back-off for deliveries that failed: 1, 2, 4 … minutes, capped, then give up.
public struct RetrySchedule: Sendable {
    public var base: TimeInterval
    public var cap: TimeInterval
    public var maxAttempts: Int

    public init(base: TimeInterval = 60, cap: TimeInterval = 6 * 3600, maxAttempts: Int = 8) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    /// Delay before the next try after `attempts` failures, or nil when it is time to give up.
    public func delay(afterFailures attempts: Int) -> TimeInterval? {
        guard attempts < maxAttempts else { return nil }
        let exponent = max(0, attempts - 1)
        return min(cap, base * pow(2, Double(exponent)))
    }
}
