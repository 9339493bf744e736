import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// A file refused (too large, of a kind not taken, missing) comes back beside its field with
/// everything else as typed.
@Suite struct UploadRefusalTests {
    @Test(arguments: Engine.all)
    func aTooLargeAttachmentKeepsTheProposal(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            let author = try await Client.signedIn(app, as: "author@example.ma", lang: "fr")
            try await author.get("/fr/processes/\(process.id!)/proposals/new")
            let limit = app.settings.maxUploadBytes
            var big = Data("%PDF-1.4\n".utf8); big.append(Data(count: limit + 1_000_000))

            // act: one megabyte over the limit
            let res = try await author.postMultipart("/fr/processes/\(process.id!)/proposals", ProposalTests.form, file: ("attachment", "budget.pdf", "application/pdf", big))

            // check: the form again, the text kept, the message beside the file field
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            #expect(html.contains("id=\"f-attachment-error\"") && html.contains("error-summary"))
            #expect(html.contains(ProposalTests.form["title"]!))
            #expect(try await Proposal.query(on: app.db).count() == 0)

            // (far over twice the limit the server answers 413 before the form: Tests/e2e/test_phone.py, on a real server)
        }
    }

    @Test(arguments: Engine.all)
    func aPlanDocumentOfTheWrongKindOrMissingIsSaidBesideTheField(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let f = try await PlanFixture.make(app)
            let official = Client(app)
            try await official.login("official@example.ma", lang: "fr")
            try await official.get("/fr/plans/\(f.plan.id!)")
            let t = Localizer(.fr)
            let wrong = try await official.postMultipart("/fr/plans/\(f.plan.id!)/documents", [:], file: ("document", "outil.exe", "application/octet-stream", Data([0x4D, 0x5A, 0x90, 0x00, 0x03])))
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("id=\"f-document-error\"") && wrong.body.string.contains("<h1"))
            #expect(wrong.body.string.contains("Plan d&#39;action de l&#39;Oriental") || wrong.body.string.contains("Plan d'action de l'Oriental"))
            let none = try await official.postMultipart("/fr/plans/\(f.plan.id!)/documents", [:], file: ("document", "", "application/octet-stream", Data()))
            #expect(none.status == .unprocessableEntity && none.body.string.contains(t(.errFileMissing).textEscaped))
            #expect(try await PlanDocument.query(on: app.db).count() == 0)
        }
    }
}

/// Limits are shown before sending: the hint gives them and the field stops at them.
@Suite struct FormLimitTests {
    @Test(arguments: Engine.all)
    func longTextFieldsCarryTheirLimit(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            let author = try await Client.signedIn(app, as: "author@example.ma", lang: "ar")
            let form = try await author.get("/ar/processes/\(process.id!)/proposals/new").body.string
            #expect(form.contains("maxlength=\"\(ProposalRules.bodyLength.upperBound)\""))
            #expect(form.contains(Localizer(.ar).lengthHint(ProposalRules.bodyLength.lowerBound, ProposalRules.bodyLength.upperBound)))
            #expect(form.contains("data-counter-left=\"\(Localizer(.ar)(.counterLeft))\""))
            let f = try await PlanFixture.make(app)
            let official = Client(app)
            try await official.login("official@example.ma", lang: "fr")
            let progress = try await official.get("/fr/milestones/\(f.first.id!)/progress").body.string
            #expect(progress.contains("maxlength=\"\(MilestoneProgress.textLength.upperBound)\""))
        }
    }
}
