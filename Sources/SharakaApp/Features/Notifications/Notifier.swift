import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Records what happened for the people concerned and mails those who asked for it at
/// once. Called inside the transaction of the change, so that nobody hears about a
/// change that was rolled back; the fan-out happens after the commit.
enum Notifier {
    /// Queues one event for the people concerned: `recipients` by name, the target's followers
    /// when `followers`, never those in `except`. One row whatever their number; the fan-out
    /// runs after the commit (`NotificationQueue`).
    static func emit(_ kind: NotificationKind, target: FollowTarget, id: UUID, title: String, to recipients: Set<UUID> = [], followers: Bool = false,
                     except: Set<UUID> = [], on db: any Database) async throws {
        let named = recipients.subtracting(except)
        guard !named.isEmpty || followers else { return }
        let eventID = UUID()
        try await (db as! any SQLDatabase).raw("""
            INSERT INTO notification_events (id, created_at, kind, target_kind, target_id, title, recipients, followers, except_ids)
            VALUES (\(bind: eventID), \(bind: Date()), \(bind: kind.rawValue), \(bind: target.rawValue), \(bind: id), \(bind: String(title.prefix(200))),
                    \(bind: named.map(\.uuidString).sorted().joined(separator: ",")), \(bind: followers), \(bind: except.map(\.uuidString).sorted().joined(separator: ",")))
            """).run()
        NotificationQueue.emitted(eventID, on: db)
    }

    static func followers(_ target: FollowTarget, _ id: UUID, on db: any Database) async throws -> Set<UUID> {
        Set(try await Follow.query(on: db).filter(\.$targetKind == target.rawValue).filter(\.$targetID == id).all().map(\.$user.id))
    }

    /// Idempotent: following twice leaves one row (the unique key decides under concurrency).
    static func follow(_ userID: UUID, _ target: FollowTarget, _ id: UUID, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("""
            INSERT INTO follows (id, user_id, target_kind, target_id, created_at)
            VALUES (\(bind: UUID()), \(bind: userID), \(bind: target.rawValue), \(bind: id), \(bind: Date()))
            ON CONFLICT (user_id, target_kind, target_id) DO NOTHING
            """).run()
    }

    static func unfollow(_ userID: UUID, _ target: FollowTarget, _ id: UUID, on db: any Database) async throws {
        try await Follow.query(on: db).filter(\.$user.$id == userID).filter(\.$targetKind == target.rawValue).filter(\.$targetID == id).delete()
    }

    static func url(_ target: FollowTarget, _ id: UUID) -> SiteURL {
        switch target {
        case .process: .process(id)
        case .proposal: .proposal(id)
        case .meeting: .meeting(id)
        case .commitment: .commitment(id)
        }
    }

    static func line(_ t: Localizer, _ kind: NotificationKind, _ title: String) -> String {
        let key: L10nKey = switch kind {
        case .reply: .notifyReply
        case .comment: .notifyComment
        case .answer: .notifyAnswer
        case .phaseChange: .notifyPhaseChange
        case .meetingTomorrow: .notifyMeetingTomorrow
        case .hidden: .notifyHidden
        case .promoted: .notifyPromoted
        case .milestoneDue: .notifyMilestoneDue
        case .milestoneDelayed: .notifyMilestoneDelayed
        case .included: .notifyIncluded
        case .merged: .notifyMerged
        }
        return t(key, ["title": title])
    }
}
