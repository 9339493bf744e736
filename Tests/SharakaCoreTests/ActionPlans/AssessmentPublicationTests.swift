import Foundation
import SharakaCore
import Testing

@Suite struct AssessmentPublicationTests {
    let report = UUID()

    @Test func theDraftsArePublishedUnderTheTitle() throws {
        let drafts = [AssessmentPublication.Draft(id: UUID(), commitment: UUID()), .init(id: UUID(), commitment: UUID())]
        let d = try AssessmentPublication.decide(title: "  Rapport à mi-parcours 2026 ", drafts: drafts, report: report).get()
        #expect(d.title == "Rapport à mi-parcours 2026")
        #expect(d.published.map(\.draft) == drafts)
        #expect(d.published[0].audit == AuditFields(before: ["report": ""], after: ["report": report.uuidString, "title": "Rapport à mi-parcours 2026"]))
    }

    @Test func aReportNeedsATitleAndDraftsNotYetPublished() {
        let one = [AssessmentPublication.Draft(id: UUID(), commitment: UUID())]
        #expect(AssessmentPublication.decide(title: "abc", drafts: one, report: report) == .failure(.title(.tooShort)))
        #expect(AssessmentPublication.decide(title: "Rapport final", drafts: [], report: report) == .failure(.noDrafts))
    }
}
