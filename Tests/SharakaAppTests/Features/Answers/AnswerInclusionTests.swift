import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// "Included in a commitment" names the commitment; the author hears when their proposal is taken up.
@Suite struct AnswerInclusionTests {
    @Test(arguments: Engine.all)
    func anInclusionNamesItsCommitmentAndTellsTheAuthor(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a process in its response phase, the plan drawn from it, a proposal
            let process = try await processInPhase(app, .response)
            let author = try await TestFixtures.user(app, email: "author@example.ma", name: "Amina")
            try await organiserOfficial(app, process)
            let proposal = try await TestFixtures.proposal(app, process: process, author: author)
            let f = try await PlanFixture.make(app)
            f.plan.$process.id = process.id!; try await f.plan.save(on: app.db)
            let official = Client(app)
            try await official.login("official@oriental.ma", lang: "fr")
            let page = try await official.get("/fr/proposals/\(proposal.id!)").body.string
            #expect(page.contains("name=\"commitment\"") && page.contains(f.commitment.reference))
            let path = "/fr/proposals/\(proposal.id!)/answer"
            let reasons = "Retenue : elle devient un engagement du plan d'action."

            // act + check: without naming the commitment, refused with what was typed
            let unnamed = try await official.post(path, ["state": "accepted_in_commitment", "reasoning": reasons])
            #expect(unnamed.status == .unprocessableEntity && unnamed.body.string.contains(Localizer(.fr)(.errAnswerCommitment).textEscaped))
            #expect(unnamed.body.string.contains(reasons.textEscaped))
            #expect(try await official.post(path, ["state": "accepted_in_commitment", "reasoning": reasons, "commitment": UUID().uuidString]).status == .unprocessableEntity)
            #expect(try await ProposalAnswer.query(on: app.db).count() == 0)

            // named: the proposal is linked to it, the answer audited with it, the author told
            #expect(try await official.post(path, ["state": "accepted_in_commitment", "reasoning": reasons, "commitment": f.commitment.id!.uuidString]).status == .seeOther)
            #expect(try await CommitmentProposal.query(on: app.db).filter(\.$proposal.$id == proposal.id!).count() == 1)
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$objectKind == "proposal_answer").first())
            #expect(entry.after.contains(f.commitment.id!.uuidString))
            #expect(try await Notification.query(on: app.db).filter(\.$user.$id == author.id!).filter(\.$kind == "answer").count() == 1)
        }
    }

    @Test(arguments: Engine.all)
    func theAuthorHearsWhenACommitmentTakesUpTheirProposal(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: the plan drawn from the process, a proposal of it
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma", name: "Amina")
            let proposal = try await TestFixtures.proposal(app, process: process, author: author)
            let f = try await PlanFixture.make(app)
            f.plan.$process.id = process.id!; try await f.plan.save(on: app.db)
            // act: the official links it from the commitment form
            var form = CommitmentForm(f.commitment, proposals: [])
            form.proposals = [proposal.id!.uuidString]
            try await CommitmentService.update(f.commitment.id!, form, reason: "Lien avec la proposition retenue en atelier.", limits: .standard,
                                               by: f.official, app: app)
            // check: told once; saving again tells nobody again
            #expect(try await Notification.query(on: app.db).filter(\.$user.$id == author.id!).filter(\.$kind == "included").count() == 1)
            try await CommitmentService.update(f.commitment.id!, form, reason: "Lien avec la proposition retenue en atelier.", limits: .standard,
                                               by: f.official, app: app)
            #expect(try await Notification.query(on: app.db).filter(\.$user.$id == author.id!).filter(\.$kind == "included").count() == 1)
        }
    }
}
