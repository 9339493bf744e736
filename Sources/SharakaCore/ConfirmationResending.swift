import Foundation

/// Whether a new confirmation link goes out when someone asks for one again. The answer the
/// person sees is the same either way (it must not tell who has an account); this decides
/// only whether an e-mail is queued: for an account still waiting for confirmation, not
/// blocked nor deleted, and not more than once per `interval`, so that the form cannot be
/// used to flood someone's mailbox.
public enum ConfirmationResending {
    /// Two minutes: long enough to stop a loop, short enough for someone who mistyped nothing
    /// and simply did not receive the first one.
    public static let interval: TimeInterval = 120

    public struct Account: Sendable {
        public var confirmed: Bool, blocked: Bool, deleted: Bool
        /// When the last confirmation link was issued, if ever.
        public var lastSent: Date?
        public init(confirmed: Bool, blocked: Bool, deleted: Bool, lastSent: Date?) {
            self.confirmed = confirmed; self.blocked = blocked; self.deleted = deleted; self.lastSent = lastSent
        }
    }

    public static func shouldSend(_ account: Account?, now: Date) -> Bool {
        guard let a = account, !a.confirmed, !a.blocked, !a.deleted else { return false }
        guard let last = a.lastSent else { return true }
        return now.timeIntervalSince(last) >= interval
    }
}
