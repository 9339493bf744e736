import Fluent
@testable import SharakaApp
import SharakaCore
import SQLKit
import Testing
import Vapor

@Suite struct DemoCoCreationTests {
    @Test(arguments: Engine.all)
    func demoHasAWholeCoCreation(engine: Engine) async throws {
        try await withTestApp(engine, seed: false) { app in
            try await DemoSeed.run(on: app)
            let proposals = try await Proposal.query(on: app.db).all()
            #expect(proposals.count == 40)
            #expect(Set(proposals.map(\.language)) == ["ar", "fr"])
            #expect(Set(proposals.map(\.ogpValue)).count == OGPValue.allCases.count)
            #expect(Set(proposals.compactMap(\.provinceCode)).count >= 5)
            // counters agree with the rows they count
            for p in proposals {
                #expect(try await Support.query(on: app.db).filter(\.$proposal.$id == p.id!).count() == p.supportsCount)
                #expect(try await Comment.query(on: app.db).filter(\.$targetID == p.id!).count() == p.commentsCount)
            }
            #expect(try await Comment.query(on: app.db).filter(\.$parent.$id != nil).count() > 0)
            let states = Set(proposals.compactMap(\.answerState))
            #expect(states.count == AnswerState.allCases.count)
            #expect(try await ProposalAnswer.query(on: app.db).all().allSatisfy { !$0.stateValue.requiresReasoning || !$0.reasoning.isEmpty })
            let meetings = try await Meeting.query(on: app.db).sort(\.$startsAt).all()
            #expect(meetings.count == 2)
            let oujda = meetings[0], nador = meetings[1]
            #expect(oujda.minutesAt != nil && !oujda.minutes.isEmpty)
            #expect(try await MeetingProposal.query(on: app.db).filter(\.$meeting.$id == oujda.id!).count() == 2)
            #expect(try await MeetingRegistration.query(on: app.db).filter(\.$meeting.$id == oujda.id!).filter(\.$attended == true).count() > 0)
            #expect(try await MeetingRegistration.query(on: app.db).filter(\.$meeting.$id == nador.id!).filter(\.$status == "waiting").count() == 2)
            // pages and search work on the demo
            let process = try #require(try await ParticipatoryProcess.query(on: app.db).first())
            #expect(try await Client(app).get("/ar/processes/\(process.id!)/dashboard").status == .ok)
            #expect(try await Client(app).get("/fr/meetings/\(oujda.id!)").body.string.contains("Atelier d'Oujda"))
            #expect(try await Client(app).get("/ar/search?q=\(Client.encode("ميزانية"))").body.string.contains("<mark>"))
            #expect(try await Client(app).get("/fr/search?q=OCDS").body.string.contains("<mark>OCDS</mark>"))
        }
    }
}
