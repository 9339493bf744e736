import Foundation

/// A moderator's decision on reported content, taken on the content and its author as they
/// are under the lock: always with a reason, blocking only those moderation may block, and
/// telling the author when their content is newly hidden.
public enum ModerationDeciding {
    public struct Content: Sendable, Equatable {
        public var hidden: Bool
        public var authorRole: Role?
        public var authorBlocked: Bool
        public init(hidden: Bool, authorRole: Role?, authorBlocked: Bool) {
            self.hidden = hidden; self.authorRole = authorRole; self.authorBlocked = authorBlocked
        }
    }

    public enum Refusal: Error, Sendable, Equatable {
        case reason(FieldProblem)
        /// Officials and moderators are not blocked through the moderation queue.
        case authorNotBlockable
    }

    public struct Decision: Sendable, Equatable {
        public var hide: Bool
        public var restore: Bool
        public var blockAuthor: Bool
        /// The author hears that their content was hidden (only when it was visible).
        public var notifyAuthor: Bool
        public var audit: AuditFields
    }

    public static func decide(_ action: ModerationAction, reason: String, content c: Content) -> Result<Decision, Refusal> {
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if let p = AccountRules.checkText(text, length: ModerationRules.decisionReasonLength) { return .failure(.reason(p)) }
        if action == .block, let role = c.authorRole, !Policy.mayBeBlockedByModeration(role) { return .failure(.authorNotBlockable) }
        let hide = ModerationRules.hiddenAfter(action)
        let block = action == .block && c.authorRole != nil && !c.authorBlocked
        var before = ["hidden": c.hidden ? "1" : "0"], after = ["hidden": hide ? "1" : "0", "action": action.rawValue, "reason": text]
        if block { before["author_blocked"] = "0"; after["author_blocked"] = "1" }
        return .success(Decision(hide: hide && !c.hidden, restore: !hide && c.hidden, blockAuthor: block,
                                 notifyAuthor: hide && !c.hidden, audit: AuditFields(before: before, after: after)))
    }
}
