import Fluent
import SharakaCore
import SQLKit
import Vapor

/// The periodic notifications: phase starts, workshop reminders, daily digests.
/// Each step marks what it handled in the same transaction as the notifications it
/// writes, so a job that runs twice (or on two instances) never tells anyone twice.
enum NotificationJobs {
    static var all: [ScheduledJob] {
        [
            ScheduledJob(name: "notification-delivery", interval: 60) { app, now in try await NotificationQueue.deliverQueued(app, now: now) },
            ScheduledJob(name: "phase-announcements", interval: 600) { app, now in try await announcePhases(app, now: now) },
            ScheduledJob(name: "meeting-reminders", interval: 900) { app, now in try await remindMeetings(app, now: now) },
            ScheduledJob(name: "daily-digests", interval: 900) { app, now in try await sendDigests(app, now: now) },
            ScheduledJob(name: "milestone-reminders", interval: 3600) { app, now in try await MilestoneReminders.run(app, now: now) },
            ScheduledJob(name: "purge-sessions", interval: 3600) { app, now in try await DatabaseSessions.purge(on: app.db as! any SQLDatabase, now: now) },
        ]
    }

    /// Tells a process's followers when a new phase begins. A process seen for the first
    /// time only records where it stands, so publishing never sends a burst.
    static func announcePhases(_ app: Application, now: Date) async throws {
        let today = Day(now)
        let processes = try await ParticipatoryProcess.query(on: app.db).filter(\.$status == ProcessStatus.published.rawValue).with(\.$phases).all()
        for process in processes {
            let current = process.phases.sorted { $0.startsOn < $1.startsOn }.first { $0.window?.contains(today) == true }
            let marker = current?.id?.uuidString ?? "none"
            guard marker != process.announcedPhase else { continue }
            let previous = process.announcedPhase
            let title = Localizer(.ar).text(process.title)
            try await NotificationQueue.delivering(app) { try await app.db.transaction { db in
                let sql = db as! any SQLDatabase
                let unchanged: SQLQueryString = previous.map { "announced_phase = \(bind: $0)" } ?? "announced_phase IS NULL"
                let won = try await sql.raw("UPDATE processes SET announced_phase = \(bind: marker) WHERE id = \(bind: process.id!) AND \(unchanged) RETURNING id").all()
                guard !won.isEmpty, previous != nil, current != nil else { return }
                try await Notifier.emit(.phaseChange, target: .process, id: process.id!, title: title, followers: true, on: db)
            } }
        }
    }

    /// Reminds registered people the day before a workshop, once per workshop.
    static func remindMeetings(_ app: Application, now: Date) async throws {
        let meetings = try await Meeting.query(on: app.db).filter(\.$remindedAt == nil)
            .filter(\.$startsAt >= now.addingTimeInterval(12 * 3600)).filter(\.$startsAt < now.addingTimeInterval(36 * 3600)).all()
        for meeting in meetings where NotificationRules.isTomorrow(start: meeting.startsAt, now: now) {
            let title = Localizer(.ar).text(meeting.title)
            try await NotificationQueue.delivering(app) { try await app.db.transaction { db in
                let sql = db as! any SQLDatabase
                let won = try await sql.raw("UPDATE meetings SET reminded_at = \(bind: now) WHERE id = \(bind: meeting.id!) AND reminded_at IS NULL RETURNING id").all()
                guard !won.isEmpty else { return }
                let people = try await MeetingRegistration.query(on: db).filter(\.$meeting.$id == meeting.id!)
                    .filter(\.$status == RegistrationStatus.registered.rawValue).all().map(\.$user.id)
                try await Notifier.emit(.meetingTomorrow, target: .meeting, id: meeting.id!, title: title, to: Set(people), on: db)
            } }
        }
    }

    /// One mail a day for those who chose the digest, listing what they have not seen.
    static func sendDigests(_ app: Application, now: Date) async throws {
        let users = try await User.query(on: app.db).filter(\.$emailNotifications == EmailPreference.daily.rawValue)
            .filter(\.$deletedAt == nil).filter(\.$confirmedAt != nil).all()
        for user in users {
            let pending = try await Notification.query(on: app.db).filter(\.$user.$id == user.id!)
                .filter(\.$emailedAt == nil).filter(\.$readAt == nil).sort(\.$createdAt).limit(50).all()
            guard NotificationRules.digestDue(oldestPending: pending.first?.createdAt, lastDigest: user.lastDigestAt, now: now) else { continue }
            let t = Localizer(user.language)
            let items = pending.map { n in
                "• " + Notifier.line(t, n.kindValue, n.title) + "\n  " + app.publicURL
                    + (FollowTarget(rawValue: n.targetKind).map { Notifier.url($0, n.targetID).path(user.language) } ?? "")
            }.joined(separator: "\n")
            try await app.db.transaction { db in
                let sql = db as! any SQLDatabase
                // Claims the user's digest for today; a concurrent run finds the date moved and stops.
                // (A margin, not equality: stored times may not round-trip to the same instant.)
                let won = try await sql.raw("""
                    UPDATE users SET last_digest_at = \(bind: now)
                    WHERE id = \(bind: user.id!) AND (last_digest_at IS NULL OR last_digest_at < \(bind: now.addingTimeInterval(-86_400 + 60)))
                    RETURNING id
                    """).all()
                guard !won.isEmpty else { return }
                try await Outbox.enqueue(to: user.email, subject: "\(t(.appName)) — \(t(.mailDigestSubject))",
                                         body: t(.mailDigestBody, ["name": user.name, "items": items,
                                                                  "link": app.publicURL + SiteURL.notifications.path(user.language)]), on: db)
                try await Notification.query(on: db).filter(\.$id ~~ pending.map { $0.id! }).set(\.$emailedAt, to: now).update()
            }
        }
    }
}
