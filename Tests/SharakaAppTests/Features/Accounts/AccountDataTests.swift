import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// "Download my data" holds everything held about the person, in JSON and as a page, and
/// nothing about anyone else.
@Suite struct AccountDataTests {
    @Test(arguments: Engine.all)
    func myDataHoldsWhatIWroteSupportedFollowedAndWasTold(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: Ghita proposes, comments, supports another's proposal, reports a comment, has a token;
            // someone else's proposal and comment
            let process = try await processInPhase(app, .proposals)
            let ghita = try await TestFixtures.user(app, email: "g@example.ma", name: "Ghita")
            let other = try await TestFixtures.user(app, email: "o@example.ma", name: "Omar")
            let mine = try await TestFixtures.proposal(app, process: process, author: ghita, title: "Publier les procès-verbaux des sessions")
            let theirs = try await TestFixtures.proposal(app, process: process, author: other, title: "Budget citoyen en arabe")
            let client = Client(app), omar = Client(app)
            try await client.login("g@example.ma", lang: "fr")
            try await omar.login("o@example.ma", lang: "fr")
            try await client.get("/fr/proposals/\(theirs.id!)")
            #expect(try await client.post("/fr/comments", ["target_kind": "proposal", "target_id": theirs.id!.uuidString, "body": "Je soutiens cette idée pour la transparence."]).status == .seeOther)
            #expect(try await client.post("/fr/proposals/\(theirs.id!)/support").status == .seeOther)
            // (a proposal written through the form is followed by its author; this one is written directly)
            try await Notifier.follow(ghita.id!, .proposal, mine.id!, on: app.db)
            try await omar.get("/fr/proposals/\(mine.id!)")
            #expect(try await omar.post("/fr/comments", ["target_kind": "proposal", "target_id": mine.id!.uuidString, "body": "Commentaire d'Omar, pas à Ghita."]).status == .seeOther)
            let omarsComment = try #require(try await Comment.query(on: app.db).filter(\.$author.$id == other.id!).first())
            try await Report(target: .comment, id: omarsComment.id!, reporterID: ghita.id!, reason: .offTopic, details: "Hors sujet").create(on: app.db)
            try await APIToken(userID: ghita.id!, name: "carnet-journal", clear: "secret-du-jeton-pas-exporte").create(on: app.db)
            try await Notifier.follow(ghita.id!, .process, process.id!, on: app.db)
            try await NotificationQueue.deliverQueued(app)

            // act
            let res = try await client.get("/fr/account/export")
            let json = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as! [String: Any]
            func list(_ key: String) -> [[String: Any]] { (json[key] as? [[String: Any]]) ?? [] }

            // check: her own, and only hers
            #expect(list("proposals").map { $0["title"] as? String } == ["Publier les procès-verbaux des sessions"])
            #expect(list("comments").map { $0["body"] as? String } == ["Je soutiens cette idée pour la transparence."])
            #expect(list("supports").map { $0["proposalTitle"] as? String } == ["Budget citoyen en arabe"])
            #expect(Set(list("follows").compactMap { $0["targetID"] as? String }).contains(process.id!.uuidString))
            #expect(list("reports").map { $0["details"] as? String } == ["Hors sujet"])
            #expect(list("apiTokens").map { $0["name"] as? String } == ["carnet-journal"])
            #expect(!res.body.string.contains("secret-du-jeton") && !res.body.string.contains("token_hash") && !res.body.string.contains("password"))
            #expect(!list("notifications").isEmpty)  // Omar's comment on her proposal
            #expect(!list("loginAttempts").isEmpty && json["lastSignInAt"] != nil)
            #expect(!res.body.string.contains("Commentaire d'Omar"))

            // the same as a page to read
            let page = try await client.get("/fr/account/data")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Publier les procès-verbaux des sessions") && html.contains("Budget citoyen en arabe") && html.contains("carnet-journal"))
            #expect(html.contains("lang=\"fr\" dir=\"auto\">Je soutiens cette idée pour la transparence.</span>"))
            #expect(try await client.get("/fr/account").body.string.contains("href=\"/fr/account/data\""))
            // visitors are sent to sign in
            #expect(try await Client(app).get("/fr/account/data").status == .seeOther)
        }
    }
}
