import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import SQLKit
import Vapor

/// What an official picks from when linking or merging: proposals still standing, most
/// supported first, with a filter box; a link made before a withdrawal stays on the list.
@Suite struct ProposalPickListTests {
    @Test(arguments: Engine.all)
    func candidatesAreTheStandingProposalsAndTheLinkedOnes(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: four proposals, one withdrawn, one hidden, one merged away
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            let kept = try await TestFixtures.proposal(app, process: process, author: author, title: "Bus scolaires pour les communes rurales")
            kept.supportsCount = 7; try await kept.save(on: app.db)
            let other = try await TestFixtures.proposal(app, process: process, author: author, title: "Une bibliothèque numérique régionale")
            let withdrawn = try await TestFixtures.proposal(app, process: process, author: author, title: "Proposition retirée par son auteur")
            withdrawn.status = ProposalStatus.withdrawn.rawValue; try await withdrawn.save(on: app.db)
            let hidden = try await TestFixtures.proposal(app, process: process, author: author, title: "Proposition masquée par la modération")
            hidden.hiddenAt = Date(); try await hidden.save(on: app.db)
            let merged = try await TestFixtures.proposal(app, process: process, author: author, title: "Proposition fusionnée dans une autre")
            merged.$mergedInto.id = other.id!; try await merged.save(on: app.db)

            // act
            let standing = try await ProposalCandidates.of(process: process.id!, on: app.db as! any SQLDatabase)
            let keeping = try await ProposalCandidates.of(process: process.id!, keeping: [withdrawn.id!], on: app.db as! any SQLDatabase)
            let forMerge = try await ProposalCandidates.of(process: process.id!, excluding: kept.id!, on: app.db as! any SQLDatabase)

            // check
            #expect(standing.map(\.id) == [kept.id!, other.id!], "by supports, standing ones only")
            #expect(Set(keeping.map(\.id)) == [kept.id!, other.id!, withdrawn.id!])
            #expect(forMerge.map(\.id) == [other.id!])
            let html = H.render(PickList.fieldset(Localizer(.fr), name: "proposals", legend: "L", options: keeping.map { $0.option(Localizer(.fr)) },
                                                  checked: [withdrawn.id!.uuidString], error: nil))
            #expect(html.contains("data-pick-filter") && html.contains("type=\"search\""))
            #expect(html.range(of: "Proposition retirée")!.lowerBound < html.range(of: "Bus scolaires")!.lowerBound, "the chosen first")
            #expect(html.contains("7 soutiens"))
        }
    }
}
