import Foundation

public enum ReportReason: String, CaseIterable, Sendable, Codable {
    case spam, offensive, offTopic = "off_topic", personalData = "personal_data", other
}

public enum ModerationAction: String, CaseIterable, Sendable, Codable {
    case hide, restore, block
}

/// What people may report, and when reports hide content before any moderator looks.
public enum ModerationRules {
    /// Three different people agreeing is enough to take content out of view pending
    /// review; one person alone cannot silence anyone.
    public static let autoHideThreshold = 3
    public static let detailsLength = 0...1000
    public static let decisionReasonLength = 5...1000

    public static func shouldAutoHide(distinctReporters: Int, alreadyHidden: Bool) -> Bool {
        !alreadyHidden && distinctReporters >= autoHideThreshold
    }

    /// Whether content ends up hidden after a moderator's decision.
    public static func hiddenAfter(_ action: ModerationAction) -> Bool { action != .restore }
}
