import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import SQLKit
import Testing
import Vapor

/// A form sent after its session ended: "sign in again", not "not allowed", and the text
/// comes back after signing in, ready to send.
@Suite struct SessionExpiryTests {
    @Test(arguments: Engine.all)
    func aCommentWrittenAsTheSessionEndedComesBackAfterSigningIn(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a signed-in citizen on a proposal page; then the session ends
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            try await TestFixtures.user(app, email: "b@example.ma", name: "Brahim")
            let proposal = try await TestFixtures.proposal(app, process: process, author: author)
            let client = Client(app)
            try await client.login("b@example.ma", lang: "fr")
            try await client.get("/fr/proposals/\(proposal.id!)")
            try await (app.db as! any SQLDatabase).raw("DELETE FROM sessions").run()
            let text = "Il faudrait publier aussi les budgets des communes, pas seulement celui de la Région."

            // act: the comment is sent with the dead session's token
            let expired = try await client.post("/fr/comments", ["target_kind": "proposal", "target_id": proposal.id!.uuidString, "body": text, "alignment": "in_favour"])

            // check: a sign-in page that says why and holds the text; nothing stored
            let t = Localizer(.fr)
            #expect(expired.status == .unauthorized)
            let page = expired.body.string
            #expect(page.contains(t(.sessionExpiredTitle).textEscaped) && page.contains(t(.sessionExpiredKept).textEscaped))
            #expect(!page.contains(t(.error403Title).textEscaped))
            #expect(try await Comment.query(on: app.db).count() == 0)
            let draft = try #require(Self.hiddenValue("draft", in: page))
            #expect(draft.contains("budgets des communes") && !draft.contains("_csrf"))

            // signing in again offers the text back, ready to send to the same place
            let resumed = try await client.post("/fr/login", ["email": "b@example.ma", "password": TestFixtures.password, "draft": draft])
            #expect(resumed.status == .ok)
            let form = resumed.body.string
            #expect(form.contains("action=\"/fr/comments\"") && form.contains(text.textEscaped))
            #expect(form.contains("name=\"target_id\" value=\"\(proposal.id!.uuidString)\""))
            let fields = ["target_kind": "proposal", "target_id": proposal.id!.uuidString, "body": text, "alignment": "in_favour"]
            #expect(try await client.post("/fr/comments", fields).status == .seeOther)
            #expect(try await Comment.query(on: app.db).first()?.body == text)

            // a draft pointing elsewhere than this site is dropped
            #expect(FormDraft.decode("{\"action\":\"https://evil.example/x\",\"fields\":[{\"name\":\"body\",\"value\":\"x\"}]}") == nil)
            #expect(FormDraft.decode("{\"action\":\"//evil.example/x\",\"fields\":[]}") == nil)
        }
    }

    @Test(arguments: Engine.all)
    func aWrongTokenInALiveSessionIsStillRefused(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let client = try await Client.signedIn(app, as: "b@example.ma", lang: "fr")
            let res = try await client.post("/fr/comments", ["_csrf": "forged", "target_kind": "proposal", "target_id": UUID().uuidString, "body": "Bonjour à tous"])
            #expect(res.status == .forbidden)
        }
    }

    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let r = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[r.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
