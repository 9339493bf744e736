import Fluent
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct ModerationTests {
    @Test(arguments: Engine.all)
    func threeReportsHideThenModeratorDecides(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma", name: "Amina")
            try await TestFixtures.user(app, email: "mod@oriental.ma", role: .moderator, name: "Moderator")
            let proposal = try await TestFixtures.proposal(app, process: process, author: author, title: "Un titre qui sera signalé")
            let pid = proposal.id!.uuidString
            var reporters: [Client] = []
            for i in 0..<4 {
                try await TestFixtures.user(app, email: "r\(i)@example.ma")
                let c = Client(app)
                try await c.login("r\(i)@example.ma")
                try await c.get("/fr/proposals/\(pid)")
                reporters.append(c)
            }
            let writer = Client(app), moderator = Client(app)
            try await writer.login("author@example.ma"); try await moderator.login("mod@oriental.ma")
            try await writer.get("/fr/proposals/\(pid)")
            #expect(try await reporters[0].get("/fr/proposals/\(pid)").body.string.contains("name=\"reason\""))

            // bad reports: own content, unknown reason, unknown target, too long, anonymous — nothing stored
            #expect(try await writer.post("/fr/report", ["target_kind": "proposal", "target_id": pid, "reason": "spam"]).status == .unprocessableEntity)
            #expect(try await reporters[0].post("/fr/report", ["target_kind": "proposal", "target_id": pid, "reason": "boring"]).status == .unprocessableEntity)
            #expect(try await reporters[0].post("/fr/report", ["target_kind": "proposal", "target_id": UUID().uuidString, "reason": "spam"]).status == .notFound)
            #expect(try await reporters[0].post("/fr/report", ["target_kind": "user", "target_id": pid, "reason": "spam"]).status == .badRequest)
            let long = try await reporters[0].post("/fr/report", ["target_kind": "proposal", "target_id": pid, "reason": "spam", "details": String(repeating: "x", count: 1001)])
            #expect(long.status == .unprocessableEntity && long.body.string.contains("id=\"f-details-error\""))
            // no reason chosen: the form again on its own page, the details as typed, the reason asked for beside its field
            let unchosen = try await reporters[0].post("/fr/report", ["target_kind": "proposal", "target_id": pid, "reason": "", "details": "Copié depuis un autre site"])
            #expect(unchosen.status == .unprocessableEntity)
            let again = unchosen.body.string
            #expect(again.contains("id=\"f-reason-error\"") && again.contains("href=\"#f-reason\"") && again.contains("Copié depuis un autre site"))
            #expect(again.contains("/fr/proposals/\(pid)"))
            #expect(try await Client(app).post("/fr/report", ["target_kind": "proposal", "target_id": pid, "reason": "spam"]).status == .forbidden)
            #expect(try await Report.query(on: app.db).count() == 0)

            // two reports (one repeated) keep it visible; the third distinct one hides it and tells the author
            #expect(try await reporters[0].post("/fr/report", ["target_kind": "proposal", "target_id": pid, "reason": "spam", "details": "Publicité"]).status == .seeOther)
            #expect(try await reporters[0].post("/fr/report", ["target_kind": "proposal", "target_id": pid, "reason": "offensive"]).status == .seeOther)
            #expect(try await reporters[1].post("/fr/report", ["target_kind": "proposal", "target_id": pid, "reason": "off_topic"]).status == .seeOther)
            #expect(try await Report.query(on: app.db).count() == 2)
            #expect(try await Proposal.find(proposal.id, on: app.db)?.hiddenAt == nil)
            #expect(try await reporters[2].post("/fr/report", ["target_kind": "proposal", "target_id": pid, "reason": "spam"]).status == .seeOther)
            #expect(try await Proposal.find(proposal.id, on: app.db)?.hiddenAt != nil)
            #expect(try await Notification.query(on: app.db).filter(\.$kind == "hidden").all().map(\.$user.id) == [author.id!])
            #expect(try await reporters[3].post("/fr/report", ["target_kind": "proposal", "target_id": pid, "reason": "spam"]).status == .seeOther)
            #expect(try await Notification.query(on: app.db).filter(\.$kind == "hidden").count() == 1)

            // the public sees a placeholder, the list leaves it out; the moderator still sees it
            let publicPage = try await Client(app).get("/fr/proposals/\(pid)").body.string
            #expect(publicPage.contains(Localizer(.fr)(.hiddenPlaceholder)) && !publicPage.contains(proposal.title))
            #expect(!(try await Client(app).get("/fr/processes/\(process.id!)/proposals").body.string.contains(proposal.title)))
            #expect(try await moderator.get("/fr/proposals/\(pid)").body.string.contains(proposal.title))

            // the queue: moderators only
            #expect(try await reporters[0].get("/fr/moderation").status == .forbidden)
            let queue = try await moderator.get("/fr/moderation").body.string
            #expect(queue.contains(proposal.title) && queue.contains("4 signalements") && queue.contains("Publicité"))
            // a decision needs its reason
            #expect(try await moderator.post("/fr/moderation/\(pid)", ["target_kind": "proposal", "action": "restore", "reason": ""]).status == .seeOther)
            #expect(try await Proposal.find(proposal.id, on: app.db)?.hiddenAt != nil)
            #expect(try await moderator.post("/fr/moderation/\(pid)", ["target_kind": "proposal", "action": "erase", "reason": "Pas de motif valable"]).status == .unprocessableEntity)
            #expect(try await reporters[0].post("/fr/moderation/\(pid)", ["target_kind": "proposal", "action": "restore", "reason": "Je décide"]).status == .forbidden)
            // restore: visible again, reports resolved, decision logged with its reason
            #expect(try await moderator.post("/fr/moderation/\(pid)", ["target_kind": "proposal", "action": "restore", "reason": "Proposition légitime, signalements abusifs"]).status == .seeOther)
            #expect(try await Proposal.find(proposal.id, on: app.db)?.hiddenAt == nil)
            #expect(try await Report.query(on: app.db).filter(\.$resolvedAt == nil).count() == 0)
            let decisions = try await ModerationDecision.query(on: app.db).sort(\.$createdAt).all()
            #expect(decisions.map(\.action) == ["hide", "restore"] && decisions[0].$moderator.id == nil)
            #expect(try await moderator.get("/fr/moderation").body.string.contains("Proposition légitime, signalements abusifs"))

            // a comment: hidden by a moderator with a placeholder in the thread, its author blocked
            try await writer.get("/fr/proposals/\(pid)")
            #expect(try await writer.post("/fr/comments", ["target_kind": "proposal", "target_id": pid, "body": "Un commentaire insultant"]).status == .seeOther)
            let comment = try #require(try await Comment.query(on: app.db).first())
            try await reporters[1].get("/fr/proposals/\(pid)")
            #expect(try await reporters[1].post("/fr/report", ["target_kind": "comment", "target_id": comment.id!.uuidString, "reason": "offensive"]).status == .seeOther)
            #expect(try await moderator.post("/fr/moderation/\(comment.id!)", ["target_kind": "comment", "action": "block", "reason": "Insultes répétées"]).status == .seeOther)
            #expect(try await Comment.find(comment.id, on: app.db)?.hiddenAt != nil)
            #expect(try await User.find(author.id, on: app.db)?.blockedAt != nil)
            let thread = try await Client(app).get("/fr/proposals/\(pid)").body.string
            #expect(thread.contains(Localizer(.fr)(.hiddenPlaceholder)) && !thread.contains("Un commentaire insultant"))
            #expect(try await Notification.query(on: app.db).filter(\.$kind == "hidden").count() == 2)
            // moderators cannot be blocked through the queue
            let mod = try #require(try await User.query(on: app.db).filter(\.$email == "mod@oriental.ma").first())
            let modComment = Comment(target: .proposal, targetID: proposal.id!, parent: nil, authorID: mod.id!, body: "Rappel des règles", alignment: .neutral)
            try await modComment.create(on: app.db)
            #expect(try await moderator.post("/fr/moderation/\(modComment.id!)", ["target_kind": "comment", "action": "block", "reason": "Essai de blocage"]).status == .forbidden)
        }
    }
}
