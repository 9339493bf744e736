import Fluent
@testable import SharakaApp
import SharakaCore
import SQLKit
import Testing
import Vapor

@Suite struct NotificationTests {
    @Test(arguments: Engine.all)
    func followRepliesCommentsPreferencesAndReading(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            for (email, name) in [("author@example.ma", "Amina"), ("b@example.ma", "Brahim"), ("c@example.ma", "Chaima")] {
                try await TestFixtures.user(app, email: email, name: name)
            }
            let author = Client(app), b = Client(app), c = Client(app)
            try await author.login("author@example.ma"); try await b.login("b@example.ma"); try await c.login("c@example.ma")
            // authors follow their own proposals
            try await author.get("/ar/processes/\(process.id!)/proposals/new")
            #expect(try await author.post("/ar/processes/\(process.id!)/proposals", ProposalTests.form).status == .seeOther)
            let proposal = try #require(try await Proposal.query(on: app.db).first())
            let pid = proposal.id!.uuidString
            let authorID = proposal.$author.id
            #expect(try await Follow.query(on: app.db).filter(\.$user.$id == authorID).count() == 1)

            // follow: bad target refused, twice is once, unfollow removes
            try await c.get("/fr/proposals/\(pid)")
            #expect(try await c.post("/fr/follow", ["target_kind": "planet", "target_id": pid]).status == .badRequest)
            #expect(try await c.post("/fr/follow", ["target_kind": "proposal", "target_id": UUID().uuidString]).status == .notFound)
            #expect(try await c.post("/fr/follow", ["target_kind": "proposal", "target_id": pid]).status == .seeOther)
            #expect(try await c.post("/fr/follow", ["target_kind": "proposal", "target_id": pid]).status == .seeOther)
            #expect(try await Follow.query(on: app.db).count() == 2)
            #expect(try await c.get("/fr/proposals/\(pid)").body.string.contains("/fr/unfollow"))
            #expect(try await Client(app).post("/fr/follow", ["target_kind": "proposal", "target_id": pid]).status == .forbidden)

            // B comments: the author and C (followers) hear "new comment", B does not hear itself
            try await b.get("/ar/proposals/\(pid)")
            #expect(try await b.post("/ar/comments", ["target_kind": "proposal", "target_id": pid, "body": "أدعم هذا المقترح بقوة"]).status == .seeOther)
            let top = try #require(try await Comment.query(on: app.db).first())
            var notes = try await Notification.query(on: app.db).all()
            #expect(notes.count == 2 && Set(notes.map(\.kind)) == ["comment"])
            // C replies to B: B hears "reply", the author hears "comment", C nothing
            try await c.get("/ar/proposals/\(pid)")
            #expect(try await c.post("/ar/comments", ["target_kind": "proposal", "target_id": pid, "parent_id": top.id!.uuidString, "body": "وأنا كذلك"]).status == .seeOther)
            let bUser = try #require(try await User.query(on: app.db).filter(\.$email == "b@example.ma").first())
            let cUser = try #require(try await User.query(on: app.db).filter(\.$email == "c@example.ma").first())
            notes = try await Notification.query(on: app.db).all()
            #expect(notes.filter { $0.kind == "reply" }.map(\.$user.id) == [bUser.id!])
            #expect(notes.filter { $0.$user.id == cUser.id! }.count == 1)
            #expect(notes.filter { $0.$user.id == authorID }.count == 2)
            // immediate mail by default (all three confirmed)
            let mails = try await OutboxMessage.query(on: app.db).all().map(\.recipient)
            #expect(mails.filter { $0 == "b@example.ma" }.count == 1)

            // unread count in the header; mark all read
            let header = try await author.get("/fr/notifications").body.string
            #expect(header.contains(Localizer(.fr)(.navNotificationsUnread, ["n": "2"])))
            #expect(try await author.post("/fr/notifications/read").status == .seeOther)
            #expect(try await Notification.query(on: app.db).filter(\.$user.$id == authorID).filter(\.$readAt == nil).count() == 0)
            #expect(!(try await author.get("/fr/notifications").body.string.contains(Localizer(.fr)(.navNotificationsUnread, ["n": "2"]))))

            // preference: bad value refused; "none" stops the mail but keeps the in-app line
            #expect(try await author.post("/fr/notifications/preferences", ["email": "hourly"]).status == .unprocessableEntity)
            #expect(try await author.post("/fr/notifications/preferences", ["email": "none"]).status == .seeOther)
            let before = try await OutboxMessage.query(on: app.db).count()
            #expect(try await b.post("/ar/comments", ["target_kind": "proposal", "target_id": pid, "body": "تعليق آخر"]).status == .seeOther)
            #expect(try await OutboxMessage.query(on: app.db).count() == before + 1) // C only
            #expect(try await Notification.query(on: app.db).filter(\.$user.$id == authorID).count() == 3)
            // unfollow: C hears nothing more
            #expect(try await c.post("/fr/unfollow", ["target_kind": "proposal", "target_id": pid]).status == .seeOther)
            #expect(try await b.post("/ar/comments", ["target_kind": "proposal", "target_id": pid, "body": "تعليق ثالث"]).status == .seeOther)
            #expect(try await Notification.query(on: app.db).filter(\.$user.$id == cUser.id!).count() == 2)
            // the list is private
            #expect(try await Client(app).get("/fr/notifications").status == .seeOther)
        }
    }

    @Test(arguments: Engine.all)
    func periodicJobsTellOnce(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            let follower = try await TestFixtures.user(app, email: "f@example.ma")
            let digest = try await TestFixtures.user(app, email: "d@example.ma")
            digest.emailNotifications = EmailPreference.daily.rawValue
            try await digest.save(on: app.db)
            for u in [follower, digest] { try await Notifier.follow(u.id!, .process, process.id!, on: app.db) }
            let now = Date()

            // phases: the first look records, the start of the next phase is announced once
            try await NotificationJobs.announcePhases(app, now: now)
            #expect(try await Notification.query(on: app.db).count() == 0)
            let later = now.addingTimeInterval(25 * 86_400) // after the current phase
            try await Phase(processID: process.id!, kind: .workshops, name: .init([.fr: "Ateliers"]), starts: Day(later).adding(days: -2), ends: Day(later).adding(days: 10)).create(on: app.db)
            try await NotificationJobs.announcePhases(app, now: later)
            try await NotificationJobs.announcePhases(app, now: later)
            #expect(try await Notification.query(on: app.db).filter(\.$kind == "phase_change").count() == 2)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "f@example.ma").count() == 1)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "d@example.ma").count() == 0)

            // workshop tomorrow: registered people reminded once, waiting list not
            let organiser = try await Organisation.query(on: app.db).first()!
            let meeting = Meeting()
            meeting.title = .init([.fr: "Atelier de demain"]); meeting.description = .init(); meeting.kind = "online"; meeting.address = ""; meeting.link = "https://meet.example.ma/x"
            meeting.startsAt = now.addingTimeInterval(24 * 3600); meeting.endsAt = now.addingTimeInterval(26 * 3600); meeting.capacity = 1
            meeting.registrationOpen = true; meeting.registrationTerms = ""; meeting.minutes = ""; meeting.decisions = ""
            meeting.$process.id = process.id!; meeting.$organiser.id = organiser.id!
            try await meeting.create(on: app.db)
            for (u, status) in [(follower, "registered"), (digest, "waiting")] {
                let r = MeetingRegistration()
                r.$meeting.id = meeting.id!; r.$user.id = u.id!; r.status = status; r.code = status == "waiting" ? "WAITING2" : "REGISTER"; r.attended = false; r.family = "citizen"; r.createdAt = now
                try await r.create(on: app.db)
            }
            try await NotificationJobs.remindMeetings(app, now: now.addingTimeInterval(-20 * 3600)) // two days before: too early
            #expect(try await Notification.query(on: app.db).filter(\.$kind == "meeting_tomorrow").count() == 0)
            try await NotificationJobs.remindMeetings(app, now: now)
            try await NotificationJobs.remindMeetings(app, now: now.addingTimeInterval(600))
            let reminders = try await Notification.query(on: app.db).filter(\.$kind == "meeting_tomorrow").all()
            #expect(reminders.map(\.$user.id) == [follower.id!])

            // daily digest: nothing before a day has passed, then one mail with every line, then not again the same day
            try await NotificationJobs.sendDigests(app, now: now.addingTimeInterval(3600))
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "d@example.ma").count() == 0)
            try await NotificationJobs.sendDigests(app, now: now.addingTimeInterval(86_400 + 60))
            try await NotificationJobs.sendDigests(app, now: now.addingTimeInterval(86_400 + 3600))
            let digests = try await OutboxMessage.query(on: app.db).filter(\.$recipient == "d@example.ma").all()
            #expect(digests.count == 1)
            #expect(digests.first?.body.contains(Notifier.line(Localizer(.ar), .phaseChange, Localizer(.ar).text(process.title))) == true)
            #expect(try await Notification.query(on: app.db).filter(\.$user.$id == digest.id!).filter(\.$emailedAt == nil).count() == 0)
        }
    }

    /// With several instances, each periodic run belongs to exactly one of them.
    @Test(arguments: Engine.all)
    func exactlyOneInstanceRunsEachJob(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let now = Date()
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<8 {
                    group.addTask { try await JobScheduler(db: app.db, instanceID: "instance-\(i)").claim("test-job", every: 600, now: now) }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try await JobScheduler(db: app.db).claim("test-job", every: 600, now: now.addingTimeInterval(300)) == false)
            #expect(try await JobScheduler(db: app.db).claim("test-job", every: 600, now: now.addingTimeInterval(601)) == true)
        }
    }
}
