import Fluent
@testable import SharakaApp
import SharakaCore
import SQLKit
import Testing
import Vapor

/// An official who belongs to the body organising `process`.
@discardableResult
func organiserOfficial(_ app: Application, _ process: ParticipatoryProcess, email: String = "official@oriental.ma") async throws -> User {
    let official = try await TestFixtures.user(app, email: email, role: .official, name: "Khalid")
    try await Membership(userID: official.id!, organisationID: process.$organiser.id, role: .member).create(on: app.db)
    return official
}

@Suite struct AnswerTests {
    @Test(arguments: Engine.all)
    func reasonedResponseWithHistoryAndNotifications(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .response)
            let author = try await TestFixtures.user(app, email: "author@example.ma", name: "Amina")
            let follower = try await TestFixtures.user(app, email: "follower@example.ma", name: "Brahim")
            let quiet = try await TestFixtures.user(app, email: "quiet@example.ma", name: "Chaima")
            quiet.emailNotifications = EmailPreference.none.rawValue
            try await quiet.save(on: app.db)
            try await organiserOfficial(app, process)
            // an official of another body may not answer
            let other = Organisation(name: .init([.fr: "Autre"]), sector: .deconcentratedAdministration, provinceCode: nil)
            try await other.create(on: app.db)
            let outsider = try await TestFixtures.user(app, email: "outsider@gov.ma", role: .official)
            try await Membership(userID: outsider.id!, organisationID: other.id!, role: .member).create(on: app.db)

            let proposal = try await TestFixtures.proposal(app, process: process, author: author)
            let pid = proposal.id!.uuidString
            for u in [follower, quiet] { try await Notifier.follow(u.id!, .proposal, proposal.id!, on: app.db) }
            let outboxBefore = try await OutboxMessage.query(on: app.db).count()

            let official = Client(app), citizen = Client(app), stranger = Client(app)
            try await official.login("official@oriental.ma"); try await citizen.login("follower@example.ma"); try await stranger.login("outsider@gov.ma")
            try await official.get("/fr/proposals/\(pid)"); try await citizen.get("/fr/proposals/\(pid)"); try await stranger.get("/fr/proposals/\(pid)")
            #expect(try await official.get("/fr/proposals/\(pid)").body.string.contains("name=\"reasoning\""))
            #expect(!(try await citizen.get("/fr/proposals/\(pid)").body.string.contains("name=\"reasoning\"")))

            // forbidden paths: citizen, official of another body, anonymous
            let reasoned = ["state": "rejected", "reasoning": "Le budget est déjà publié chaque année sur le portail."]
            #expect(try await citizen.post("/fr/proposals/\(pid)/answer", reasoned).status == .forbidden)
            #expect(try await stranger.post("/fr/proposals/\(pid)/answer", reasoned).status == .forbidden)
            #expect(try await Client(app).post("/fr/proposals/\(pid)/answer", reasoned).status == .forbidden)

            // bad input: every decision needs its reasoning; unknown state; too long — nothing stored
            let noReason = try await official.post("/fr/proposals/\(pid)/answer", ["state": "rejected", "reasoning": "   "])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains(Localizer(.fr)(.errReasoningRequired)))
            #expect(try await official.post("/fr/proposals/\(pid)/answer", ["state": "maybe", "reasoning": reasoned["reasoning"]!]).status == .unprocessableEntity)
            #expect(try await official.post("/fr/proposals/\(pid)/answer", ["state": "accepted", "reasoning": String(repeating: "a", count: 5001)]).status == .unprocessableEntity)
            #expect(try await ProposalAnswer.query(on: app.db).count() == 0)
            #expect(try await Notification.query(on: app.db).count() == 0)

            // "under evaluation" may go without reasoning and does not count as answered
            #expect(try await official.post("/fr/proposals/\(pid)/answer", ["state": "under_evaluation", "reasoning": ""]).status == .seeOther)
            var stored = try #require(try await Proposal.find(proposal.id, on: app.db))
            #expect(stored.answerState == "under_evaluation" && stored.answeredAt == nil)

            // the decision: stored, dated, notified to author and followers; mail only to those who want it
            #expect(try await official.post("/fr/proposals/\(pid)/answer", reasoned).status == .seeOther)
            stored = try #require(try await Proposal.find(proposal.id, on: app.db))
            #expect(stored.answerState == "rejected")
            let firstDecision = try #require(stored.answeredAt)
            let notes = try await Notification.query(on: app.db).filter(\.$kind == "answer").all()
            #expect(Set(notes.map(\.$user.id)) == [author.id!, follower.id!, quiet.id!])
            #expect(notes.count == 6) // two answers × three people
            let mails = try await OutboxMessage.query(on: app.db).all().dropFirst(outboxBefore)
            #expect(Set(mails.map(\.recipient)) == ["author@example.ma", "follower@example.ma"])

            // a revision keeps the history public and the first decision date
            #expect(try await official.post("/fr/proposals/\(pid)/answer", ["state": "partially_accepted", "reasoning": "Après l'atelier : publication trimestrielle en plus du rapport annuel."]).status == .seeOther)
            #expect(try await ProposalAnswer.query(on: app.db).count() == 3)
            // each answer and revision is in the tamper-evident log, before and after
            let audited = try await AuditEntry.query(on: app.db).filter(\.$objectKind == "proposal_answer").sort(\.$sequence).all()
            #expect(audited.map(\.action) == ["answer", "revise", "revise"])
            #expect(audited.last?.after.contains("partially_accepted") == true && audited.last?.before.contains("state") == true)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
            stored = try #require(try await Proposal.find(proposal.id, on: app.db))
            #expect(stored.answerState == "partially_accepted" && stored.answeredAt == firstDecision)
            let page = try await Client(app).get("/fr/proposals/\(pid)").body.string
            #expect(page.contains("Partiellement acceptée") || page.contains(Localizer(.fr)(.answerPartiallyAccepted)))
            #expect(page.contains(Localizer(.fr)(.answerHistory)))
            #expect(page.contains("Le budget est déjà publié chaque année sur le portail."))
            #expect(page.contains(Localizer(.fr)(.answerRejected)))

            // the author reads it in the notification list, opening it marks it read
            let a = Client(app)
            try await a.login("author@example.ma")
            let list = try await a.get("/fr/notifications").body.string
            #expect(list.contains(Localizer(.fr)(.notifyAnswer, ["title": proposal.title])))
            let note = try #require(try await Notification.query(on: app.db).filter(\.$user.$id == author.id!).first())
            let open = try await a.get("/fr/notifications/\(note.id!)")
            #expect(open.status == .seeOther && open.headers.first(name: .location) == "/fr/proposals/\(pid)")
            #expect(try await Notification.find(note.id, on: app.db)?.readAt != nil)
            // someone else's notification is not found
            #expect(try await citizen.get("/fr/notifications/\(note.id!)").status == .notFound)
        }
    }

    @Test(arguments: Engine.all)
    func mergeAndDashboard(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .consolidation)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            try await organiserOfficial(app, process)
            let association = Organisation(name: .init([.fr: "Association Oujda"]), sector: .association, provinceCode: "02.411")
            try await association.create(on: app.db)
            let target = try await TestFixtures.proposal(app, process: process, author: author, title: "Portail unique des données ouvertes", province: "02.411")
            let a = try await TestFixtures.proposal(app, process: process, author: author, title: "Publier les données des marchés", organisation: association, province: "02.411")
            let b = try await TestFixtures.proposal(app, process: process, author: author, title: "Open data pour les communes", province: "02.381")
            let elsewhere = try await processInPhase(app, .proposals)
            let foreign = try await TestFixtures.proposal(app, process: elsewhere, author: author, title: "Une proposition d'un autre processus")

            let official = Client(app), citizen = Client(app)
            try await official.login("official@oriental.ma"); try await citizen.login("author@example.ma")
            #expect(try await citizen.get("/fr/proposals/\(target.id!)/merge").status == .forbidden)
            let form = try await official.get("/fr/proposals/\(target.id!)/merge")
            #expect(form.status == .ok && form.body.string.contains(a.title) && !form.body.string.contains(foreign.title))

            // nothing chosen, or a proposal of another process: refused, nothing changed
            #expect(try await official.post("/fr/proposals/\(target.id!)/merge", [:]).status == .unprocessableEntity)
            #expect(try await official.post("/fr/proposals/\(target.id!)/merge", ["merge[0]": foreign.id!.uuidString]).status == .unprocessableEntity)
            #expect(try await Proposal.query(on: app.db).filter(\.$mergedInto.$id != nil).count() == 0)
            #expect(try await citizen.post("/fr/proposals/\(target.id!)/merge", ["merge[0]": a.id!.uuidString]).status == .forbidden)

            #expect(try await official.post("/fr/proposals/\(target.id!)/merge", ["merge[0]": a.id!.uuidString, "merge[1]": b.id!.uuidString]).status == .seeOther)
            #expect(try await Proposal.query(on: app.db).filter(\.$mergedInto.$id == target.id!).count() == 2)
            let merged = try await citizen.get("/fr/proposals/\(a.id!)").body.string
            #expect(merged.contains(Localizer(.fr)(.proposalMergedInto)) && merged.contains("/fr/proposals/\(target.id!)"))
            let result = try await citizen.get("/fr/proposals/\(target.id!)").body.string
            #expect(result.contains(a.title) && result.contains(b.title))

            // dashboard: 3 proposals, one decided → 33 %, by sector and province
            // "included in a commitment" names the commitment, of the plan drawn from this process
            let plan = try await PlanFixture.make(app)
            plan.plan.$process.id = process.id!; try await plan.plan.save(on: app.db)
            #expect(try await official.post("/fr/proposals/\(a.id!)/answer", ["state": "accepted_in_commitment", "reasoning": "Repris dans l'engagement OR-2025-03 sur les données ouvertes.",
                                                                            "commitment": plan.commitment.id!.uuidString]).status == .seeOther)
            #expect(try await official.post("/fr/proposals/\(b.id!)/answer", ["state": "under_evaluation"]).status == .seeOther)
            let dash = try await Client(app).get("/fr/processes/\(process.id!)/dashboard")
            #expect(dash.status == .ok)
            let html = dash.body.string
            #expect(html.contains("33 %"))
            #expect(html.contains(Localizer(.fr)(.answerAcceptedInCommitment)))
            #expect(html.contains(Localizer(.fr)(.dashboardBySector)) && html.contains("Oujda-Angad") && html.contains("Nador"))
            // the figures are counted in SQL (ProcessDashboardQuery)
            let data = try await ProcessDashboardQuery(process: process.id!).run(on: app.db as! any SQLDatabase)
            #expect(data.byProvince.reduce(0) { $0 + $1.count } == 3)
            #expect(data.total == 3 && data.answeredPercent == 33)
            #expect(data.bySector.first { $0.family == "civil_society" }?.count == 1)
            #expect(data.bySector.first { $0.family == "citizen" }?.count == 2)
            #expect(data.byState.first { $0.state == .underEvaluation }?.count == 1)
            #expect(data.medianDays != nil)
            // a draft process has no public dashboard
            #expect(try await Client(app).get("/fr/processes/\(UUID())/dashboard").status == .notFound)
        }
    }
}
