import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor
import VaporTesting

/// Two app instances on one PostgreSQL database, as in production behind a load balancer.
@Suite struct MultiInstanceTests {
    func withTwoInstances(_ body: (Application, Application) async throws -> Void) async throws {
        let settings = try TestDatabase.settings(.postgres)
        try await withTestApp(.postgres, settings: settings) { first in
            try await withApp(configure: { app in try await configure(app, settings: settings) }) { second in
                try await body(first, second)
            }
        }
    }

    @Test(.enabled(if: Engine.all.contains(.postgres)))
    func instancesStartingTogetherMigrateAndSeedOnce() async throws {
        let settings = try TestDatabase.settings(.postgres)
        try await withApp(configure: { app in try await configure(app, settings: settings) }) { a in
            try await withApp(configure: { app in try await configure(app, settings: settings) }) { b in
                app(a); app(b)
                async let first: Void = SharakaCommands.prepareForServe(a, demo: true)
                async let second: Void = SharakaCommands.prepareForServe(b, demo: true)
                _ = try await (first, second)
                #expect(try await Region.query(on: a.db).count() == 1)
                // 72 demo organisations and the adopting bodies of the imported national and Laâyoune plans
                #expect(try await Organisation.query(on: a.db).count() == 74)
                #expect(try await ActionPlan.query(on: a.db).count() == 5)
                #expect(try await User.query(on: a.db).count() == 6 + DemoCoCreation.people.count)
                #expect(try await Proposal.query(on: a.db).count() == 40)
            }
        }
        func app(_ app: Application) { app.logger.logLevel = .warning }
    }

    @Test(.enabled(if: Engine.all.contains(.postgres)))
    func sessionsAndFilesAreSharedAcrossInstances() async throws {
        try await withTwoInstances { a, b in
            try await TestFixtures.user(a, email: "shared@example.ma", name: "Samira")
            let onA = Client(a)
            try await onA.login("shared@example.ma")
            // the same browser, now served by the other instance
            let onB = Client(b)
            onB.cookies = onA.cookies
            let page = try await onB.get("/ar/account")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Samira"))
            let file = try await a.fileStore.store(FileStoreTests.png, originalName: "x.png", allowed: [.png], maxBytes: 1024, on: a.db)
            #expect(try await onB.get("/files/\(file.id!)").status == .ok)
        }
    }

    @Test(.enabled(if: Engine.all.contains(.postgres)))
    func eachMessageIsDeliveredByExactlyOneInstance() async throws {
        try await withTwoInstances { a, b in
            for i in 0..<60 { try await Outbox.enqueue(to: "p\(i)@example.ma", subject: "s", body: "b", on: a.db) }
            let ta = RecordingTransport(), tb = RecordingTransport()
            var da = OutboxDelivery(app: a); da.transportOverride = ta
            var db = OutboxDelivery(app: b); db.transportOverride = tb
            // both instances drain the queue at the same time, in small batches
            async let fromA: Int = { var n = 0; for _ in 0..<10 { n += try await da.deliverDue(batch: 4) }; return n }()
            async let fromB: Int = { var n = 0; for _ in 0..<10 { n += try await db.deliverDue(batch: 4) }; return n }()
            let total = try await fromA + fromB
            let all = ta.sent.withLockedValue { $0 } + tb.sent.withLockedValue { $0 }
            #expect(total == 60)
            #expect(all.count == 60 && Set(all).count == 60)
            let pending = try await OutboxMessage.query(on: a.db).filter(\.$status != "sent").count()
            #expect(pending == 0)
        }
    }

    @Test(.enabled(if: Engine.all.contains(.postgres)))
    func eachScheduledJobAndReminderRunsOnExactlyOneInstance() async throws {
        try await withTwoInstances { a, b in
            // setup: a running plan with one milestone due in three days and one already late
            let f = try await PlanFixture.make(a, secondEnds: "2024-01-31")
            f.first.endsOn = Day(Date()).adding(days: 3).iso
            try await f.first.save(on: a.db)
            // act: both instances wake at the same moment, several times
            let now = Date()
            var ran = 0
            for round in 0..<5 {
                let at = now.addingTimeInterval(Double(round) * 4000)
                async let onA = JobScheduler(db: a.db, instanceID: "a").claim("milestone-reminders", every: 3600, now: at)
                async let onB = JobScheduler(db: b.db, instanceID: "b").claim("milestone-reminders", every: 3600, now: at)
                let (x, y) = try await (onA, onB)
                #expect(!(x && y), "round \(round): both instances took the job")
                ran += (x ? 1 : 0) + (y ? 1 : 0)
                async let ra: Void = MilestoneReminders.run(a, now: at)
                async let rb: Void = MilestoneReminders.run(b, now: at)
                _ = try await (ra, rb)
            }
            #expect(ran == 5)
            // check: the official heard once about each milestone
            let notes = try await Notification.query(on: a.db).filter(\.$user.$id == f.official.id!).all()
            #expect(notes.filter { $0.kind == "milestone_due" }.count == 1)
            #expect(notes.filter { $0.kind == "milestone_delayed" }.count == 1)
        }
    }
}
