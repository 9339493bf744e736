import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Tells the officials who report on a milestone that its end is near
/// (`milestoneReminderDays` before) and when it has become late. Each reminder is
/// claimed by a conditional UPDATE on the milestone before anybody is told, so a job
/// that runs twice, or on two instances, tells nobody twice; a new end date (an
/// amendment) makes both reminders due again.
enum MilestoneReminders {
    static func run(_ app: Application, now: Date) async throws {
        let today = Day(now)
        let horizon = today.adding(days: app.settings.milestoneReminderDays)
        let running = try await ActionPlan.query(on: app.db)
            .filter(\.$status ~~ [PlanStatus.adopted.rawValue, PlanStatus.implementation.rawValue]).all()
        guard !running.isEmpty else { return }
        let plans = Dictionary(uniqueKeysWithValues: running.map { ($0.id!, $0) })
        let commitments = try await Commitment.query(on: app.db).filter(\.$plan.$id ~~ Array(plans.keys)).all()
        let byID = Dictionary(uniqueKeysWithValues: commitments.map { ($0.id!, $0) })
        let open = try await Milestone.query(on: app.db).filter(\.$commitment.$id ~~ Array(byID.keys))
            .filter(\.$status ~~ [MilestoneStatus.notStarted.rawValue, MilestoneStatus.inProgress.rawValue])
            .filter(\.$endsOn <= horizon.iso).all()
        for m in open {
            guard let c = byID[m.$commitment.id], let plan = plans[c.$plan.id] else { continue }
            let delayed = m.isDelayed(today: today)
            let column = delayed ? "delay_reminded_for" : "due_reminded_for"
            try await NotificationQueue.delivering(app) { try await app.db.transaction { db in
                let claimed = try await (db as! any SQLDatabase).raw("""
                    UPDATE milestones SET \(ident: column) = \(bind: m.endsOn)
                    WHERE id = \(bind: m.id!) AND (\(ident: column) IS NULL OR \(ident: column) <> \(bind: m.endsOn))
                    RETURNING id
                    """).all()
                guard !claimed.isEmpty else { return }
                let recipients = try await officials(of: [plan.$adoptingBody.id, m.$responsibleOrganisation.id].compactMap { $0 }, on: db)
                try await Notifier.emit(delayed ? .milestoneDelayed : .milestoneDue, target: .commitment, id: c.id!,
                                        title: "\(c.reference) — \(m.title.resolve(for: .fr)?.text ?? m.title.resolve(for: .ar)?.text ?? "")",
                                        to: recipients, on: db)
            } }
        }
    }

    /// Officials (and administrators) who are members of these bodies.
    private static func officials(of organisations: [UUID], on db: any Database) async throws -> Set<UUID> {
        let members = try await Membership.query(on: db).filter(\.$organisation.$id ~~ organisations).all().map { $0.$user.id }
        let users = try await User.query(on: db).filter(\.$id ~~ members)
            .filter(\.$role ~~ [Role.official.rawValue, Role.administrator.rawValue]).filter(\.$blockedAt == nil).all()
        return Set(users.compactMap(\.id))
    }
}
