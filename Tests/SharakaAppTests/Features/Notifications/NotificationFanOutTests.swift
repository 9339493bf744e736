import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import SQLKit
import Testing
import Vapor

/// An event is one row in the change's transaction; its fan-out after the commit is a fixed
/// handful of statements, whatever the number of followers.
@Suite struct NotificationFanOutTests {
    @Test(arguments: Engine.all)
    func anAnswerToAManyFollowedProposalCostsTheSameStatements(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: two proposals, one followed by 4 people, the other by 120 (10 of them wanting mail at once)
            let counter = StatementCounter()
            counter.install(on: app)
            // one chunk whatever the engine: chunks have their own test below
            var settings = app.settings
            settings.notificationChunk = 500
            app.settings = settings
            let process = try await processInPhase(app, .response)
            let author = try await TestFixtures.user(app, email: "author@example.ma", name: "Amina")
            try await organiserOfficial(app, process)
            let few = try await TestFixtures.proposal(app, process: process, author: author, title: "Une proposition suivie par peu de monde")
            let many = try await TestFixtures.proposal(app, process: process, author: author, title: "Une proposition suivie par beaucoup de monde")
            let sql = app.db as! any SQLDatabase
            for i in 0..<120 {
                let id = UUID()
                try await sql.raw("""
                    INSERT INTO users (id, created_at, name, email, password_hash, preferred_language, role, email_notifications, confirmed_at)
                    VALUES (\(bind: id), \(bind: Date()), \(bind: "Suiveur \(i)"), \(bind: "f\(i)@example.ma"), 'x', 'fr', 'citizen',
                            \(bind: i < 10 ? "immediate" : "none"), \(bind: Date()))
                    """).run()
                try await Notifier.follow(id, .proposal, many.id!, on: app.db)
                if i < 4 { try await Notifier.follow(id, .proposal, few.id!, on: app.db) }
            }
            let official = Client(app)
            try await official.login("official@oriental.ma")
            let answer = ["state": "rejected", "reasoning": "Le budget est déjà publié chaque année sur le portail."]
            func statements(_ p: Proposal) async throws -> Int {
                try await official.get("/fr/proposals/\(p.id!)")
                var status: HTTPStatus = .ok
                let count = try await counter.during { status = try await official.post("/fr/proposals/\(p.id!)/answer", answer).status }.count
                #expect(status == .seeOther)
                return count
            }

            // act
            let small = try await statements(few), large = try await statements(many)

            // check: the same statements for 5 and 121 people told; everyone told once; nothing left queued
            #expect(small == large, "answer with 5 recipients: \(small) statements, with 121: \(large)")
            #expect(try await Notification.query(on: app.db).filter(\.$targetID == few.id!).count() == 5)
            #expect(try await Notification.query(on: app.db).filter(\.$targetID == many.id!).count() == 121)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$recipient ~~ (0..<10).map { "f\($0)@example.ma" }).count() == 10 + 4)
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM notification_events").first(decoding: Count.self)?.n == 0)
        }
    }

    @Test(arguments: Engine.all)
    func anEventLeftByACrashIsDeliveredOnceByTheJob(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: an event queued in a transaction whose process stopped before delivering it
            let process = try await processInPhase(app, .proposals)
            let people = [try await TestFixtures.user(app, email: "a@example.ma"), try await TestFixtures.user(app, email: "b@example.ma")]
            for p in people { try await Notifier.follow(p.id!, .process, process.id!, on: app.db) }
            try await app.db.transaction { db in
                try await Notifier.emit(.phaseChange, target: .process, id: process.id!, title: "Oriental 2025", followers: true, except: [people[1].id!], on: db)
            }
            #expect(try await Notification.query(on: app.db).count() == 0)
            // act: two instances' jobs at once
            async let one: Void = NotificationQueue.deliverQueued(app)
            async let two: Void = NotificationQueue.deliverQueued(app)
            _ = try await (one, two)
            // check: told once, the excepted person not at all
            let notes = try await Notification.query(on: app.db).all()
            #expect(notes.map(\.$user.id) == [people[0].id!] && notes.first?.kind == "phase_change")
        }
    }

    @Test(arguments: Engine.all)
    func followersAreToldInChunksOnceEachEvenByTwoDeliverersAtOnce(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: 121 followers of a process (10 wanting mail at once), one event queued
            let process = try await processInPhase(app, .proposals)
            let sql = app.db as! any SQLDatabase
            for i in 0..<121 {
                let id = UUID()
                try await sql.raw("""
                    INSERT INTO users (id, created_at, name, email, password_hash, preferred_language, role, email_notifications, confirmed_at)
                    VALUES (\(bind: id), \(bind: Date()), \(bind: "Suiveur \(i)"), \(bind: "f\(i)@example.ma"), 'x', 'fr', 'citizen',
                            \(bind: i < 10 ? "immediate" : "none"), \(bind: Date()))
                    """).run()
                try await Notifier.follow(id, .process, process.id!, on: app.db)
            }
            try await app.db.transaction { db in
                try await Notifier.emit(.phaseChange, target: .process, id: process.id!, title: "Oriental 2025", followers: true, on: db)
            }

            // act: two deliverers at once, in chunks of 20 (7 chunks, the last one short)
            async let one: Void = NotificationQueue.deliverQueued(app, chunk: 20)
            async let two: Void = NotificationQueue.deliverQueued(app, chunk: 20)
            _ = try await (one, two)

            // check: every follower told once, the ten mails queued once, the event gone
            let notes = try await Notification.query(on: app.db).all()
            #expect(notes.count == 121 && Set(notes.map(\.$user.id)).count == 121)
            #expect(try await OutboxMessage.query(on: app.db).count() == 10)
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM notification_events").first(decoding: Count.self)?.n == 0)
        }
    }

    @Test(arguments: Engine.all)
    func aWriteDeliversItsOwnEventsNotThoseQueuedMeanwhileByOthers(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: two processes, each followed by one person
            let mine = try await processInPhase(app, .proposals), other = try await processInPhase(app, .proposals)
            let a = try await TestFixtures.user(app, email: "a@example.ma"), b = try await TestFixtures.user(app, email: "b@example.ma")
            try await Notifier.follow(a.id!, .process, mine.id!, on: app.db)
            try await Notifier.follow(b.id!, .process, other.id!, on: app.db)
            let sql = app.db as! any SQLDatabase

            // act: an audited write emits its event while another writer queues one (written
            // here in the same transaction, as SQLite's single writer allows no other at this
            // moment; counted as that writer's emit counts)
            try await AuditLog.write(app, actorID: "test") { db in
                try await Notifier.emit(.phaseChange, target: .process, id: mine.id!, title: "Mine", followers: true, on: db)
                try await (db as! any SQLDatabase).raw("""
                    INSERT INTO notification_events (id, created_at, kind, target_kind, target_id, title, recipients, followers, except_ids)
                    VALUES (\(bind: UUID()), \(bind: Date()), 'phase_change', 'process', \(bind: other.id!), 'Other', '', \(bind: true), '')
                    """).run()
                NotificationQueue.queued.add()
                return ((), [])
            }

            // check: its own event told, the other left to its writer (or the job)
            #expect(try await Notification.query(on: app.db).all().map(\.$user.id) == [a.id!])
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM notification_events").first(decoding: Count.self)?.n == 1)
            try await NotificationQueue.deliverQueued(app)
            #expect(Set(try await Notification.query(on: app.db).all().map(\.$user.id)) == [a.id!, b.id!])
        }
    }

    struct Count: Decodable { let n: Int }
}
