import Fluent
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct CommentTests {
    @Test(arguments: Engine.all)
    func threadRepliesVotesEditDelete(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma", name: "Amina")
            try await TestFixtures.user(app, email: "b@example.ma", name: "Brahim")
            try await TestFixtures.user(app, email: "c@example.ma", name: "Chaima")
            let proposal = try await TestFixtures.proposal(app, process: process, author: author)
            let pid = proposal.id!.uuidString
            let b = Client(app), c = Client(app)
            try await b.login("b@example.ma"); try await c.login("c@example.ma")
            try await b.get("/ar/proposals/\(pid)")
            try await c.get("/ar/proposals/\(pid)")

            // bad input: empty body, unknown target → clear refusal, nothing stored
            // a refused comment comes back in place, the message beside the field (not a redirect that lost it)
            let empty = try await b.post("/ar/comments", ["target_kind": "proposal", "target_id": pid, "body": "  "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("id=\"f-body-error\"") && empty.body.string.contains(Localizer(.ar)(.errRequired)))
            #expect(try await b.post("/ar/comments", ["target_kind": "nothing", "target_id": pid, "body": "Bonjour à tous"]).status == .badRequest)
            #expect(try await b.post("/ar/comments", ["target_kind": "proposal", "target_id": UUID().uuidString, "body": "Bonjour à tous"]).status == .notFound)
            let long = try await b.post("/ar/comments", ["target_kind": "proposal", "target_id": pid, "alignment": "against",
                                                          "body": "نص طويل " + String(repeating: "x", count: 3001)])
            #expect(long.status == .unprocessableEntity)
            let retry = long.body.string
            #expect(retry.contains("نص طويل xxxx") && retry.contains("maxlength=\"\(CommentRules.bodyLength.upperBound)\""))
            #expect(retry.contains("<option value=\"against\" selected=\"selected\">"))
            #expect(retry.contains("name=\"target_id\" value=\"\(pid)\"") && retry.contains("href=\"#f-body\""))
            #expect(try await Comment.query(on: app.db).count() == 0)

            // a top-level comment in favour, then replies down to depth 3; depth 4 is refused
            #expect(try await b.post("/ar/comments", ["target_kind": "proposal", "target_id": pid, "body": "فكرة ممتازة <b>حقا</b>", "alignment": "in_favour"]).status == .seeOther)
            var parent = try #require(try await Comment.query(on: app.db).first())
            for depth in 1...3 {
                let who = depth % 2 == 1 ? c : b
                #expect(try await who.post("/ar/comments", ["target_kind": "proposal", "target_id": pid, "parent_id": parent.id!.uuidString, "body": "رد رقم \(depth)"]).status == .seeOther)
                parent = try #require(try await Comment.query(on: app.db).filter(\.$depth == depth).first())
            }
            let tooDeep = try await b.post("/ar/comments", ["target_kind": "proposal", "target_id": pid, "parent_id": parent.id!.uuidString, "body": "رد عميق جدا"])
            #expect(tooDeep.status == .unprocessableEntity)
            #expect(tooDeep.body.string.contains(Localizer(.ar)(.refusalTooDeep)))
            #expect(try await Comment.query(on: app.db).count() == 4)
            #expect(try await Proposal.find(proposal.id, on: app.db)?.commentsCount == 4)

            // the page shows the thread, stance, escaped text, "in reply to"
            let page = try await b.get("/fr/proposals/\(pid)").body.string
            #expect(page.contains("Pour"))
            #expect(page.contains("&lt;b&gt;حقا&lt;/b&gt;"))
            #expect(page.contains("En réponse à <bdi>Brahim</bdi>"))
            #expect(page.contains("depth-3"))

            // votes: once per account, moving the vote moves the counts, own comment refused
            let top = try #require(try await Comment.query(on: app.db).filter(\.$depth == 0).first())
            let tid = top.id!.uuidString
            #expect(try await c.post("/ar/comments/\(tid)/vote", ["value": "up"]).status == .seeOther)
            #expect(try await c.post("/ar/comments/\(tid)/vote", ["value": "up"]).status == .seeOther)
            var after = try #require(try await Comment.find(top.id, on: app.db))
            #expect((after.upVotes, after.downVotes) == (1, 0))
            #expect(try await c.post("/ar/comments/\(tid)/vote", ["value": "down"]).status == .seeOther)
            after = try #require(try await Comment.find(top.id, on: app.db))
            #expect((after.upVotes, after.downVotes) == (0, 1))
            #expect(try await CommentVote.query(on: app.db).count() == 1)
            #expect(try await b.post("/ar/comments/\(tid)/vote", ["value": "up"]).status == .unprocessableEntity)

            // edit: only the author; the page marks it edited
            #expect(try await c.get("/ar/comments/\(tid)/edit").status == .forbidden)
            #expect(try await c.post("/ar/comments/\(tid)/edit", ["body": "تغيير من شخص آخر"]).status == .forbidden)
            #expect(try await b.post("/ar/comments/\(tid)/edit", ["body": ""]).status == .unprocessableEntity)
            #expect(try await Comment.find(top.id, on: app.db)?.editedAt == nil)
            #expect(try await b.post("/ar/comments/\(tid)/edit", ["body": "فكرة ممتازة، مع تعديل"]).status == .seeOther)
            #expect(try await b.get("/fr/proposals/\(pid)").body.string.contains("(modifié)"))

            // delete needs the confirmation; the place stays with a placeholder, replies keep their context
            #expect(try await b.post("/ar/comments/\(tid)/delete").status == .seeOther)
            #expect(try await Comment.find(top.id, on: app.db)?.isDeleted == false)
            #expect(try await c.post("/ar/comments/\(tid)/delete", ["confirm": "yes"]).status == .forbidden)
            #expect(try await b.post("/ar/comments/\(tid)/delete", ["confirm": "yes"]).status == .seeOther)
            let deleted = try #require(try await Comment.find(top.id, on: app.db))
            #expect(deleted.isDeleted && deleted.body.isEmpty)
            let afterDelete = try await b.get("/fr/proposals/\(pid)").body.string
            #expect(afterDelete.contains("Ce commentaire a été supprimé."))
            #expect(afterDelete.contains("رد رقم 1"))
            #expect(try await Proposal.find(proposal.id, on: app.db)?.commentsCount == 3)
            // a deleted comment takes no more votes or edits
            #expect(try await c.post("/ar/comments/\(tid)/vote", ["value": "up"]).status == .notFound)
        }
    }

    @Test(arguments: Engine.all)
    func orderingAndClosedPhases(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let open = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma", name: "Amina")
            try await TestFixtures.user(app, email: "v@example.ma")
            let proposal = try await TestFixtures.proposal(app, process: open, author: author)
            let base = Date()
            for (i, (text, up)) in [("premier commentaire", 0), ("deuxième commentaire", 5), ("troisième commentaire", 1)].enumerated() {
                let c = Comment(target: .proposal, targetID: proposal.id!, parent: nil, authorID: author.id!, body: text, alignment: .neutral)
                c.createdAt = base.addingTimeInterval(Double(i) * 60); c.upVotes = up
                try await c.create(on: app.db)
            }
            func order(_ q: String) async throws -> [String] {
                let html = try await Client(app).get("/fr/proposals/\(proposal.id!)?comments=\(q)").body.string
                return ["premier", "deuxième", "troisième"].sorted { html.range(of: $0)!.lowerBound < html.range(of: $1)!.lowerBound }
            }
            #expect(try await order("oldest") == ["premier", "deuxième", "troisième"])
            #expect(try await order("newest") == ["troisième", "deuxième", "premier"])
            #expect(try await order("best") == ["deuxième", "troisième", "premier"])
            #expect(try await order("nonsense") == ["premier", "deuxième", "troisième"])

            // a process in its adoption phase takes comments; one that is closed does not
            open.status = "closed"
            try await open.save(on: app.db)
            let client = Client(app)
            try await client.login("v@example.ma")
            let page = try await client.get("/fr/proposals/\(proposal.id!)")
            #expect(page.body.string.contains("Les commentaires sont fermés"))
            #expect(try await client.post("/fr/comments", ["target_kind": "proposal", "target_id": proposal.id!.uuidString, "body": "trop tard ici"]).status == .unprocessableEntity)
            #expect(try await Comment.query(on: app.db).count() == 3)
        }
    }

    @Test(arguments: Engine.all)
    func processPagesTakeComments(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .information)
            try await TestFixtures.user(app, email: "a@example.ma", name: "Amina")
            let a = Client(app)
            #expect(try await a.get("/fr/processes/\(process.id!)").body.string.contains("Connectez-vous pour commenter"))
            try await a.login("a@example.ma")
            try await a.get("/fr/processes/\(process.id!)")
            #expect(try await a.post("/fr/comments", ["target_kind": "process", "target_id": process.id!.uuidString, "body": "Quand auront lieu les ateliers ?", "alignment": "neutral"]).status == .seeOther)
            #expect(try await a.get("/fr/processes/\(process.id!)").body.string.contains("Quand auront lieu les ateliers ?"))
            // anonymous visitors get no form (and no form token): a forged post is refused, nothing stored
            let visitor = Client(app)
            try await visitor.get("/fr/processes/\(process.id!)")
            let anonymous = try await visitor.post("/fr/comments", ["target_kind": "process", "target_id": process.id!.uuidString, "body": "anonyme ici"])
            #expect(anonymous.status == .forbidden)
            #expect(try await Comment.query(on: app.db).count() == 1)
        }
    }

    @Test(arguments: Engine.all)
    func longThreadsArePagedByWholeConversations(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma", name: "Auteur")
            let proposal = try await TestFixtures.proposal(app, process: process, author: author)
            // 30 conversations of a comment and its reply
            for i in 0..<30 {
                let root = Comment(target: .proposal, targetID: proposal.id!, parent: nil, authorID: author.id!, body: "Racine numéro \(i) fin", alignment: .neutral)
                root.createdAt = Date(timeIntervalSince1970: 1_800_000_000 + Double(i) * 60)
                try await root.create(on: app.db)
                let reply = Comment(target: .proposal, targetID: proposal.id!, parent: root, authorID: author.id!, body: "Réponse numéro \(i) fin", alignment: .neutral)
                reply.createdAt = root.createdAt.addingTimeInterval(30)
                try await reply.create(on: app.db)
            }
            let client = Client(app)
            let one = try await client.get("/fr/proposals/\(proposal.id!)").body.string
            #expect(one.contains("(60)"), "the heading counts the whole thread")
            #expect(one.components(separatedBy: "class=\"comment depth-").count - 1 == 50)
            #expect(one.contains("Racine numéro 24 fin") && one.contains("Réponse numéro 24 fin") && !one.contains("Racine numéro 25 fin"))
            #expect(one.contains("comments_page=2#comments"))
            let two = try await client.get("/fr/proposals/\(proposal.id!)?comments=oldest&comments_page=2").body.string
            #expect(two.components(separatedBy: "class=\"comment depth-").count - 1 == 10)
            #expect(two.contains("Racine numéro 25 fin") && two.contains("Réponse numéro 29 fin") && !two.contains("Racine numéro 24 fin"))
            // past the end: an empty page, not an error; nonsense is page 1
            #expect(try await client.get("/fr/proposals/\(proposal.id!)?comments_page=99").status == .ok)
            #expect(try await client.get("/fr/proposals/\(proposal.id!)?comments_page=abc").body.string.contains("Racine numéro 0 fin"))
        }
    }
}
