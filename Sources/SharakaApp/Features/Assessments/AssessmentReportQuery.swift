import Foundation
import SharakaCore
import SQLKit

/// A published assessment report, as the public lists and reads it.
struct AssessmentReportView: Sendable {
    let id: UUID
    let planID: UUID
    let title: String
    let publishedAt: Date
    let reviewerName: String
}

/// One commitment's assessment inside a published report.
struct PublishedAssessment: Sendable {
    let commitmentID: UUID
    let reference: String
    let commitmentTitle: LocalizedText
    let verifiable: Bool
    let relevance: String
    let potentialImpact: String
    let completion: String
    let didItOpen: String
    let narrative: String
    let sources: String
}

/// The read models of the independent assessment's public pages: a plan's reports with
/// their reviewers in one statement; a report, then its assessments with their commitments
/// joined, in two.
enum AssessmentReportQuery {
    private struct ReportRow: Decodable { let id: UUID, plan_id: UUID, title: String, published_at: Date, reviewer_name: String }
    private struct AssessmentRow: Decodable {
        let commitment_id: UUID, reference: String, commitment_title: LocalizedText, verifiable: Bool, relevance: String
        let potential_impact: String, completion: String, did_it_open: String, narrative: String, sources: String
    }

    private static let select: SQLQueryString = """
        SELECT r.id, r.plan_id, r.title, r.published_at, u.name AS reviewer_name FROM assessment_reports r JOIN users u ON u.id = r.reviewer_id
        """

    static func ofPlan(_ plan: UUID, on db: any SQLDatabase) async throws -> [AssessmentReportView] {
        try await db.raw("\(select) WHERE r.plan_id = \(bind: plan) ORDER BY r.published_at DESC").all(decoding: ReportRow.self).map(view)
    }

    static func one(_ id: UUID, on db: any SQLDatabase) async throws -> (report: AssessmentReportView, assessments: [PublishedAssessment])? {
        guard let report = try await db.raw("\(select) WHERE r.id = \(bind: id)").first(decoding: ReportRow.self).map(view) else { return nil }
        let rows = try await db.raw("""
            SELECT a.commitment_id, c.reference, c.title AS commitment_title, a.verifiable, a.relevance, a.potential_impact, a.completion,
                   a.did_it_open, a.narrative, a.sources
            FROM assessments a JOIN commitments c ON c.id = a.commitment_id WHERE a.report_id = \(bind: id) ORDER BY c.position, c.reference
            """).all(decoding: AssessmentRow.self)
        return (report, rows.map {
            PublishedAssessment(commitmentID: $0.commitment_id, reference: $0.reference, commitmentTitle: $0.commitment_title, verifiable: $0.verifiable,
                                relevance: $0.relevance, potentialImpact: $0.potential_impact, completion: $0.completion, didItOpen: $0.did_it_open,
                                narrative: $0.narrative, sources: $0.sources)
        })
    }

    private static func view(_ r: ReportRow) -> AssessmentReportView {
        AssessmentReportView(id: r.id, planID: r.plan_id, title: r.title, publishedAt: r.published_at, reviewerName: r.reviewer_name)
    }
}
