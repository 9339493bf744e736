import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// The text the administration answered, or a commitment took up, stays as it was.
@Suite struct ProposalEditingAppTests {
    @Test(arguments: Engine.all)
    func answeredOrIncludedProposalsCannotBeRewritten(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: two proposals nobody supported or commented on; one answered, one in a commitment
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma", name: "Amina")
            let answered = try await TestFixtures.proposal(app, process: process, author: author, title: "Publier le budget régional en ligne")
            let included = try await TestFixtures.proposal(app, process: process, author: author, title: "Ouvrir les données des marchés publics")
            let free = try await TestFixtures.proposal(app, process: process, author: author, title: "Des ateliers dans chaque province")
            try await ProposalAnswer(proposalID: answered.id!, state: .rejected, reasoning: "Déjà publié chaque année sur le portail.", by: author.id!,
                                     organisationID: process.$organiser.id).create(on: app.db)
            answered.answerState = AnswerState.rejected.rawValue; try await answered.save(on: app.db)
            let f = try await PlanFixture.make(app)
            try await CommitmentProposal(commitmentID: f.commitment.id!, proposalID: included.id!).create(on: app.db)
            let client = Client(app)
            try await client.login("author@example.ma", lang: "fr")

            for p in [answered, included] {
                // check: no edit link, the form and the write refused, the text unchanged
                #expect(!(try await client.get("/fr/proposals/\(p.id!)").body.string.contains("/fr/proposals/\(p.id!)/edit")))
                #expect(try await client.get("/fr/proposals/\(p.id!)/edit").status == .conflict)
                let late = try await client.post("/fr/proposals/\(p.id!)/edit", ProposalTests.form.merging(["title": "Un tout autre titre pour cette proposition"]) { $1 })
                #expect(late.status == .conflict && late.body.string.contains(Localizer(.fr)(.refusalNotEditable).textEscaped))
                #expect(try await Proposal.find(p.id, on: app.db)?.title == p.title)
            }
            // the untouched one still can be
            #expect(try await client.get("/fr/proposals/\(free.id!)").body.string.contains("/fr/proposals/\(free.id!)/edit"))
            try await client.get("/fr/proposals/\(free.id!)/edit")
            #expect(try await client.post("/fr/proposals/\(free.id!)/edit", ProposalTests.form.merging(["title": "Des ateliers dans chaque province, chaque année"]) { $1 }).status == .seeOther)
        }
    }
}
