import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// Withdrawals, merges and moderators' decisions go through their use cases: each is
/// refused with its reason or written with an audit entry whose "before" is the row replaced,
/// and the people concerned are told.
@Suite struct AuditedDecisionsTests {
    func json(_ text: String) -> [String: String] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]) ?? [:]
    }

    @Test(arguments: Engine.all)
    func withdrawalIsTheAuthorsOnceConfirmedAndAudited(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a published proposal, its author and someone else
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            try await TestFixtures.user(app, email: "other@example.ma")
            let p = try await TestFixtures.proposal(app, process: process, author: author)
            let mine = Client(app), other = Client(app)
            try await mine.login("author@example.ma", lang: "fr"); try await other.login("other@example.ma", lang: "fr")
            let url = "/fr/proposals/\(p.id!)"
            try await mine.get(url); try await other.get(url)

            // act + check: someone else, or without confirming: nothing changes
            #expect(try await other.post(url + "/withdraw", ["confirm": "yes"]).status == .forbidden)
            #expect(try await mine.post(url + "/withdraw", [:]).status == .seeOther)
            #expect(try await Proposal.find(p.id, on: app.db)?.status == "published")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$objectID == p.id!.uuidString).count() == 0)
            // confirmed: withdrawn and audited, once
            #expect(try await mine.post(url + "/withdraw", ["confirm": "yes"]).status == .seeOther)
            #expect(try await Proposal.find(p.id, on: app.db)?.status == "withdrawn")
            #expect(try await mine.post(url + "/withdraw", ["confirm": "yes"]).status == .unprocessableEntity)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$objectID == p.id!.uuidString).all()
            #expect(entries.map(\.action) == ["withdraw"])
            #expect(json(entries[0].before) == ["status": "published"] && json(entries[0].after) == ["status": "withdrawn"])
            #expect(entries[0].actor == author.id!.uuidString)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    @Test(arguments: Engine.all)
    func aMergeIsAuditedAndTheMergedProposalsAuthorsAreTold(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: the official's target and two citizens' proposals
            let process = try await processInPhase(app, .consolidation)
            let official = try await organiserOfficial(app, process)
            let amina = try await TestFixtures.user(app, email: "amina@example.ma"), driss = try await TestFixtures.user(app, email: "driss@example.ma")
            let target = try await TestFixtures.proposal(app, process: process, author: official, title: "Portail unique des données ouvertes")
            let a = try await TestFixtures.proposal(app, process: process, author: amina, title: "Publier les données des marchés")
            let b = try await TestFixtures.proposal(app, process: process, author: driss, title: "Open data pour les communes")
            let own = try await TestFixtures.proposal(app, process: process, author: official, title: "Données ouvertes des communes")
            let client = Client(app)
            try await client.login("official@oriental.ma", lang: "fr")
            try await client.get("/fr/proposals/\(target.id!)/merge")

            // act
            #expect(try await client.post("/fr/proposals/\(target.id!)/merge", ["merge[0]": a.id!.uuidString, "merge[1]": b.id!.uuidString,
                                                                                "merge[2]": own.id!.uuidString]).status == .seeOther)
            // check: merged, one audit entry each, the two citizens told (the official not about their own)
            #expect(try await Proposal.query(on: app.db).filter(\.$mergedInto.$id == target.id!).count() == 3)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$action == "merge").all()
            #expect(Set(entries.map(\.objectID)) == Set([a, b, own].map { $0.id!.uuidString }))
            #expect(entries.allSatisfy { json($0.after) == ["merged_into": target.id!.uuidString] && $0.scopeID == target.id!.uuidString })
            try await NotificationQueue.deliverQueued(app)
            let told = try await Notification.query(on: app.db).filter(\.$kind == "merged").all()
            #expect(Set(told.map(\.$user.id)) == [amina.id!, driss.id!])
            // a merged proposal cannot become a target, nor be merged again
            #expect(try await client.post("/fr/proposals/\(a.id!)/merge", ["merge[0]": b.id!.uuidString]).status == .unprocessableEntity)
            let fresh = try await TestFixtures.proposal(app, process: process, author: amina, title: "Registre des subventions")
            #expect(try await client.post("/fr/proposals/\(fresh.id!)/merge", ["merge[0]": a.id!.uuidString]).status == .unprocessableEntity)
            #expect(try await Proposal.find(a.id, on: app.db)?.$mergedInto.id == target.id)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    @Test(arguments: Engine.all)
    func moderatorsDecisionsAreAuditedAndModeratorsAreNotBlocked(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a citizen's proposal and a fellow moderator's, a moderator
            let process = try await processInPhase(app, .proposals)
            let citizen = try await TestFixtures.user(app, email: "citizen@example.ma")
            let colleague = try await TestFixtures.user(app, email: "mod2@oriental.ma", role: .moderator)
            try await TestFixtures.user(app, email: "mod@oriental.ma", role: .moderator)
            let p = try await TestFixtures.proposal(app, process: process, author: citizen)
            let q = try await TestFixtures.proposal(app, process: process, author: colleague, title: "Calendrier des conseils communaux")
            let mod = Client(app)
            try await mod.login("mod@oriental.ma", lang: "fr")
            try await mod.get("/fr/moderation")

            // act + check: a moderator cannot be blocked from the queue (Policy.mayBeBlockedByModeration); nothing changes
            #expect(try await mod.post("/fr/moderation/\(q.id!)", ["target_kind": "proposal", "action": "block", "reason": "Propos injurieux"]).status == .forbidden)
            #expect(try await Proposal.find(q.id, on: app.db)?.hiddenAt == nil)
            #expect(try await User.find(colleague.id, on: app.db)?.blockedAt == nil)
            #expect(try await AuditEntry.query(on: app.db).count() == 0)
            // a citizen's content is hidden and its author blocked, audited with the reason, the author told once
            #expect(try await mod.post("/fr/moderation/\(p.id!)", ["target_kind": "proposal", "action": "block", "reason": "Propos injurieux"]).status == .seeOther)
            #expect(try await Proposal.find(p.id, on: app.db)?.hiddenAt != nil)
            #expect(try await User.find(citizen.id, on: app.db)?.blockedAt != nil)
            #expect(try await mod.post("/fr/moderation/\(p.id!)", ["target_kind": "proposal", "action": "hide", "reason": "Toujours injurieux"]).status == .seeOther)
            let entries = try await AuditEntry.query(on: app.db).filter(\.$objectID == p.id!.uuidString).sort(\.$sequence).all()
            #expect(entries.map(\.action) == ["moderate", "moderate"])
            #expect(json(entries[0].before) == ["hidden": "0", "author_blocked": "0"])
            #expect(json(entries[0].after) == ["hidden": "1", "author_blocked": "1", "action": "block", "reason": "Propos injurieux"])
            // already hidden: the log keeps only what changed, the decision and its reason
            #expect(json(entries[1].before) == [:] && json(entries[1].after) == ["action": "hide", "reason": "Toujours injurieux"])
            try await NotificationQueue.deliverQueued(app)
            #expect(try await Notification.query(on: app.db).filter(\.$kind == "hidden").all().map(\.$user.id) == [citizen.id!])
            #expect(try await ModerationDecision.query(on: app.db).count() == 2)
        }
    }
}
