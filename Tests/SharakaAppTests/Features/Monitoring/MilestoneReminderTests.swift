import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct MilestoneReminderTests {
    @Test(arguments: Engine.all)
    func officialsHearOnceBeforeTheEndAndOnceWhenLate(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: first milestone ends in 40 days (outside the 14-day window), second in 10
            let f = try await PlanFixture.make(app)
            let today = Day(Date())
            f.first.endsOn = today.adding(days: 40).iso; try await f.first.save(on: app.db)
            f.second.endsOn = today.adding(days: 10).iso; try await f.second.save(on: app.db)
            try await TestFixtures.user(app, email: "citizen@example.ma")

            // act and check: only the second is due; running again tells nobody twice
            try await MilestoneReminders.run(app, now: Date())
            try await MilestoneReminders.run(app, now: Date())
            var notes = try await Notification.query(on: app.db).all()
            #expect(notes.map(\.kind) == ["milestone_due"])
            #expect(notes.first?.$user.id == f.official.id)
            #expect(notes.first?.title.contains("OR-2025-03") == true)

            // eleven days later the second is late: one more, to the same official
            let later = Date().addingTimeInterval(11 * 86_400)
            try await MilestoneReminders.run(app, now: later)
            try await MilestoneReminders.run(app, now: later)
            notes = try await Notification.query(on: app.db).all()
            #expect(notes.map(\.kind).sorted() == ["milestone_delayed", "milestone_due"])

            // an amendment moves the end date: due again; a completed milestone never
            f.second.endsOn = today.adding(days: 12).iso; try await f.second.save(on: app.db)
            f.first.status = "completed"; f.first.endsOn = today.adding(days: 1).iso; try await f.first.save(on: app.db)
            try await MilestoneReminders.run(app, now: Date())
            #expect(try await Notification.query(on: app.db).filter(\.$kind == "milestone_due").count() == 2)

            // a draft plan reminds nobody
            f.plan.status = "draft"; try await f.plan.save(on: app.db)
            f.second.endsOn = today.adding(days: 2).iso; try await f.second.save(on: app.db)
            try await MilestoneReminders.run(app, now: Date())
            #expect(try await Notification.query(on: app.db).count() == 3)
            // the notification links to the commitment
            let client = Client(app)
            try await client.login("official@example.ma", lang: "fr")
            let note = try #require(try await Notification.query(on: app.db).first())
            let opened = try await client.get("/fr/notifications/\(note.id!)")
            #expect(opened.headers.first(name: .location) == "/fr/commitments/\(f.commitment.id!)")
        }
    }
}
