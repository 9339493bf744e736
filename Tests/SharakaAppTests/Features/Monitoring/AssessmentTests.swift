import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct AssessmentTests {
    static let form: [String: String] = [
        "verifiable": "yes", "relevance[]": "access_to_information", "potential_impact": "moderate", "completion": "limited", "did_it_open": "marginal",
        "narrative": "Le portail budgétaire existe mais les données d'exécution manquent encore ; les associations l'utilisent peu.",
        "sources": "Entretiens avec trois associations, novembre 2026.",
    ]

    @Test(arguments: Engine.all)
    func reviewersDraftThenPublishAReport(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup
            let f = try await PlanFixture.make(app)
            try await TestFixtures.user(app, email: "reviewer@example.ma", role: .reviewer, name: "Karim Reviewer")
            let path = "/fr/commitments/\(f.commitment.id!)/assessment"
            // officials and citizens do not assess
            let official = Client(app)
            try await official.login("official@example.ma", lang: "fr")
            #expect(try await official.get(path).status == .forbidden)
            #expect(try await official.get("/fr/plans/\(f.plan.id!)/assessment").status == .forbidden)

            let reviewer = Client(app)
            try await reviewer.login("reviewer@example.ma", lang: "fr")
            try await reviewer.get(path)
            // bad input
            let bad = try await reviewer.post(path, Self.form.merging(["potential_impact": "huge", "narrative": "Trop court."]) { $1 })
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains(Localizer(.fr)(.errChoose)))
            #expect(try await Assessment.query(on: app.db).count() == 0)
            // a draft, revised: still one draft, not public
            #expect(try await reviewer.post(path, Self.form).status == .seeOther)
            try await reviewer.get(path)
            #expect(try await reviewer.post(path, Self.form.merging(["did_it_open": "major"]) { $1 }).status == .seeOther)
            #expect(try await Assessment.query(on: app.db).count() == 1)
            #expect(try await Client(app).get("/fr/plans/\(f.plan.id!)/reports").body.string.contains(Localizer(.fr)(.reportsEmpty)))
            // publishing needs a title
            let publish = "/fr/plans/\(f.plan.id!)/assessment/publish"
            try await reviewer.get("/fr/plans/\(f.plan.id!)/assessment")
            #expect(try await reviewer.post(publish, ["title": ""]).status == .unprocessableEntity)
            #expect(try await reviewer.post(publish, ["title": "Rapport à mi-parcours 2026"]).status == .seeOther)
            let report = try #require(try await AssessmentReport.query(on: app.db).first())
            #expect(try await Assessment.query(on: app.db).first()?.$report.id == report.id)
            // public: the report, the plan's list, the commitment page
            let page = try await Client(app).get("/fr/reports/\(report.id!)").body.string
            #expect(page.contains("Rapport à mi-parcours 2026") && page.contains("Karim Reviewer") && page.contains(Localizer(.fr)(.openMajor)))
            #expect(try await Client(app).get("/fr/commitments/\(f.commitment.id!)").body.string.contains("Rapport à mi-parcours 2026"))
            // nothing left to publish; the next cycle starts a new draft and leaves the published one as it was
            try await reviewer.get("/fr/plans/\(f.plan.id!)/assessment")
            #expect(try await reviewer.post(publish, ["title": "Deuxième rapport"]).status == .unprocessableEntity)
            try await reviewer.get(path)
            #expect(try await reviewer.post(path, Self.form.merging(["completion": "substantial"]) { $1 }).status == .seeOther)
            #expect(try await Assessment.query(on: app.db).count() == 2)
            #expect(try await Assessment.query(on: app.db).filter(\.$report.$id == report.id!).first()?.completion == "limited")
            // audited
            #expect(try await AuditEntry.query(on: app.db).filter(\.$objectKind == "assessment").count() == 4)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
        }
    }
}
