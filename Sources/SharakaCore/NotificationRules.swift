import Foundation

/// How a person wants to hear about what they follow, besides the in-app page.
public enum EmailPreference: String, CaseIterable, Sendable, Codable {
    case none, immediate, daily
}

/// What happened, for the notification list and mails.
public enum NotificationKind: String, CaseIterable, Sendable, Codable {
    case reply               // a reply to my comment
    case comment             // a new comment on something I follow
    case answer              // an answer to a proposal I follow
    case phaseChange = "phase_change"
    case meetingTomorrow = "meeting_tomorrow"
    case hidden              // my content was hidden by moderation
    case promoted            // I moved from a meeting's waiting list to a place
    case milestoneDue = "milestone_due"         // a milestone I report on ends soon
    case milestoneDelayed = "milestone_delayed" // a milestone I report on is late
    case included            // my proposal went into a commitment of the action plan
    case merged              // my proposal was merged into another
}

public enum NotificationRules {
    /// A daily digest goes out when the oldest pending notification has waited a day,
    /// so that each person gets at most one digest per day whenever the job runs.
    public static func digestDue(oldestPending: Date?, lastDigest: Date?, now: Date) -> Bool {
        guard let oldestPending else { return false }
        if let lastDigest, now.timeIntervalSince(lastDigest) < 86_400 { return false }
        return now.timeIntervalSince(oldestPending) >= 86_400 || lastDigest.map { now.timeIntervalSince($0) >= 86_400 } == true
    }

    /// Meetings starting between 12 and 36 hours from now are "tomorrow" for a job that
    /// runs at least every 12 hours; each registration is reminded once.
    public static func isTomorrow(start: Date, now: Date) -> Bool {
        let delta = start.timeIntervalSince(now)
        return delta >= 12 * 3600 && delta < 36 * 3600
    }
}
