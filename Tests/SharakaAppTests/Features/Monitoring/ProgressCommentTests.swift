import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct ProgressCommentTests {
    @Test(arguments: Engine.all)
    func civilSocietyCommentsOnAProgressReport(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a report, a citizen, a follower of the commitment
            let f = try await PlanFixture.make(app)
            let update = try await f.report(app, on: f.first, ["reported_on": "2026-02-01", "text": "Le portail est en ligne en version bêta.",
                                                               "percent": "60", "status": "in_progress"])
            let citizen = try await TestFixtures.user(app, email: "watchdog@example.ma", name: "Association vigilante")
            let follower = try await TestFixtures.user(app, email: "follower@example.ma")
            try await Notifier.follow(follower.id!, .commitment, f.commitment.id!, on: app.db)
            _ = citizen

            // act: the watchdog comments on the report
            let client = Client(app)
            try await client.login("watchdog@example.ma", lang: "fr")
            let page = try await client.get("/fr/progress/\(update.id!)")
            #expect(page.status == .ok && page.body.string.contains("Le portail est en ligne en version bêta."))
            let posted = try await client.post("/fr/comments", ["target_kind": "progress", "target_id": update.id!.uuidString,
                                                                "body": "Le lien du portail ne fonctionne pas depuis Figuig.", "alignment": "against"])
            #expect(posted.status == .seeOther)
            #expect(posted.headers.first(name: .location)?.hasPrefix("/fr/progress/\(update.id!)") == true)
            // an empty comment is refused (sent back with the reason), nothing stored
            try await client.get("/fr/progress/\(update.id!)")
            let refused = try await client.post("/fr/comments", ["target_kind": "progress", "target_id": update.id!.uuidString, "body": " "])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("href=\"/fr/progress/\(update.id!)#comments\""))
            #expect(try await Comment.query(on: app.db).count() == 1)

            // check: shown on the report, the commitment's followers hear of it, the link works
            #expect(try await Client(app).get("/fr/progress/\(update.id!)").body.string.contains("depuis Figuig"))
            let note = try #require(try await Notification.query(on: app.db).filter(\.$user.$id == follower.id!).first())
            #expect(note.kind == "comment" && note.targetKind == "commitment" && note.targetID == f.commitment.id)
            #expect(try await Client(app).get("/fr/commitments/\(f.commitment.id!)").body.string.contains("/fr/progress/\(update.id!)"))
            // a report of a draft plan is not public
            f.plan.status = "draft"; try await f.plan.save(on: app.db)
            #expect(try await Client(app).get("/fr/progress/\(update.id!)").status == .notFound)
        }
    }
}
