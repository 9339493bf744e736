import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// A reviewer's drafts are read inside the publishing transaction: two publications at once
/// (a double click, a second tab) give one report, and a published assessment is not edited.
@Suite struct AssessmentPublicationRaceTests {
    @Test(arguments: Engine.all)
    func draftsArePublishedInOneReportOnly(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a reviewer's draft on the fixture's commitment
            let f = try await PlanFixture.make(app)
            let reviewer = try await TestFixtures.user(app, email: "reviewer@example.ma", role: .reviewer, name: "Karim Reviewer")
            let client = Client(app)
            try await client.login("reviewer@example.ma", lang: "fr")
            let path = "/fr/commitments/\(f.commitment.id!)/assessment"
            try await client.get(path)
            #expect(try await client.post(path, AssessmentTests.form).status == .seeOther)

            // act: two publications at once
            async let one = try? AssessmentService.publish(title: "Rapport à mi-parcours", plan: f.plan.id!, by: reviewer, app: app)
            async let two = try? AssessmentService.publish(title: "Rapport à mi-parcours (bis)", plan: f.plan.id!, by: reviewer, app: app)
            let reports = await [one, two].compactMap { $0 }

            // check: one report holds the draft; the other was refused for want of drafts
            #expect(reports.count == 1)
            #expect(try await AssessmentReport.query(on: app.db).count() == 1)
            let published = try #require(try await Assessment.query(on: app.db).first())
            #expect(published.$report.id == reports.first?.id)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "publish").count() == 1)

            // a later save starts a new draft; the published assessment stays as it was
            try await client.get(path)
            #expect(try await client.post(path, AssessmentTests.form.merging(["did_it_open": "major"]) { $1 }).status == .seeOther)
            #expect(try await Assessment.query(on: app.db).count() == 2)
            #expect(try await Assessment.find(published.id, on: app.db)?.didItOpen == published.didItOpen)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }
}
