import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// User text keeps its own language and direction on every page language, and names inside
/// a line are isolated: a French comment on an Arabic page runs left to right, an Arabic one
/// on a French page right to left, and a Latin name does not split an Arabic line.
@Suite struct TextDirectionTests {
    @Test(arguments: Engine.all)
    func commentsAnswersAndTheModerationQueueDrawTextInItsOwnLanguage(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: an Arabic proposal, a French comment and an Arabic reply, by two people
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "amina@example.ma", name: "أمينة")
            try await TestFixtures.user(app, email: "nadia@example.ma", name: "Nadia Berrada")
            try await TestFixtures.user(app, email: "mod@oriental.ma", role: .moderator)
            let p = try await TestFixtures.proposal(app, process: process, author: author)
            let nadia = Client(app), amina = Client(app)
            try await nadia.login("nadia@example.ma", lang: "fr")
            try await amina.login("amina@example.ma", lang: "ar")
            let french = "Je soutiens cette proposition, le budget doit être publié chaque année."
            #expect(try await nadia.post("/fr/comments", ["target_kind": "proposal", "target_id": p.id!.uuidString, "body": french]).status == .seeOther)
            let top = try #require(try await Comment.query(on: app.db).first())
            try await amina.get("/ar/proposals/\(p.id!)")
            let arabic = "أتفق معك، يجب نشر الميزانية كل سنة."
            #expect(try await amina.post("/ar/comments", ["target_kind": "proposal", "target_id": p.id!.uuidString,
                                                         "parent_id": top.id!.uuidString, "body": arabic]).status == .seeOther)

            // check: on the Arabic page, the French comment is marked and runs left to right
            let ar = try await amina.get("/ar/proposals/\(p.id!)").body.string
            #expect(ar.contains("<div class=\"comment-body\" lang=\"fr\" dir=\"auto\">\(french)</div>"))
            #expect(ar.contains("<div class=\"comment-body\" lang=\"ar\" dir=\"auto\">\(arabic)</div>"))
            #expect(ar.contains(Localizer(.ar)(.writtenInFr)))
            // the reply names its parent's author isolated
            #expect(ar.contains("<bdi>Nadia Berrada</bdi>"))
            #expect(!ar.contains("ردا على Nadia Berrada"))
            // on the French page, the Arabic reply keeps its language and is marked
            let fr = try await nadia.get("/fr/proposals/\(p.id!)").body.string
            #expect(fr.contains("<div class=\"comment-body\" lang=\"ar\" dir=\"auto\">\(arabic)</div>"))
            #expect(fr.contains(Localizer(.fr)(.writtenInAr)))
            #expect(fr.contains("<h1 lang=\"ar\" dir=\"auto\">"))

            // the moderation queue draws reported excerpts in their own language, names isolated
            #expect(try await amina.post("/ar/report", ["target_kind": "comment", "target_id": top.id!.uuidString, "reason": "spam", "details": "Publicité répétée pour un site commercial"]).status == .seeOther)
            let mod = Client(app)
            try await mod.login("mod@oriental.ma", lang: "ar")
            let queue = try await mod.get("/ar/moderation").body.string
            #expect(queue.contains("<bdi>Nadia Berrada</bdi>"))
            #expect(queue.contains("lang=\"fr\" dir=\"auto\"><a href="))
            #expect(queue.contains("<li lang=\"fr\" dir=\"auto\">Publicité répétée pour un site commercial</li>"))
        }
    }

    @Test func sentencesKeepTheirSlotsIsolated() {
        let t = Localizer(.ar)
        let html = H.render(H.p([], t.sentence(.repliesTo, ["name": H.bdi("Nadia Berrada")])))
        #expect(html == "<p>ردا على <bdi>Nadia Berrada</bdi></p>")
        // a slot nobody filled stays as written, and text after the last slot is kept
        #expect(H.render(H.p([], Localizer(.fr).sentence(.repliesTo, [:]))) == "<p>En réponse à {name}</p>")
    }

    @Test func unknownLanguageIsSaidUnknownNotLentThePages() {
        let html = H.render(UserText.block("2026 — 1 500 000", language: nil, cls: "x"))
        // an empty `lang` (drawn as a bare attribute) is HTML's "language unknown"
        #expect(html == "<div class=\"x\" lang dir=\"auto\">2026 — 1 500 000</div>")
        #expect(H.render(UserText.mark(Localizer(.ar), "Nadia Berrada", recorded: nil)).isEmpty)
    }
}
