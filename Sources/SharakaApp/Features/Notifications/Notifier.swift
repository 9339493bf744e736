import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Records what happened for the people concerned and mails those who asked for it at
/// once. Called inside the transaction of the change, so that nobody hears about a
/// change that was rolled back.
enum Notifier {
    static func emit(_ kind: NotificationKind, target: FollowTarget, id: UUID, title: String,
                     to recipients: Set<UUID>, except actor: UUID?, publicURL: String, on db: any Database) async throws {
        let ids = recipients.subtracting(actor.map { [$0] } ?? [])
        guard !ids.isEmpty else { return }
        let users = try await User.query(on: db).filter(\.$id ~~ Array(ids)).filter(\.$deletedAt == nil).all()
        for user in users {
            let n = Notification(userID: user.id!, kind: kind, target: target, targetID: id, title: title)
            if user.emailNotifications == EmailPreference.immediate.rawValue, user.confirmedAt != nil {
                let t = Localizer(user.language)
                try await Outbox.enqueue(to: user.email, subject: "\(t(.appName)) — \(line(t, kind, title))",
                                         body: t(.mailNotificationBody, ["name": user.name, "what": line(t, kind, title),
                                                                        "link": publicURL + url(target, id).path(user.language)]), on: db)
                n.emailedAt = Date()
            }
            try await n.create(on: db)
        }
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
        }
        return t(key, ["title": title])
    }
}
