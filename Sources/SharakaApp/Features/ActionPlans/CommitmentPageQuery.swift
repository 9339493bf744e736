import Foundation
import SharakaCore
import SQLKit

/// One progress report as the commitment page lists it.
struct ProgressItem: Sendable {
    let id: UUID
    let milestoneID: UUID
    let createdAt: Date
    let reportedOn: String
    let text: String
    let percent: Int
    let statusBefore: MilestoneStatus
    let statusAfter: MilestoneStatus
    let commitmentCompletion: Int
    let authorName: String
    let evidence: [EvidenceItem]
}

/// A file or a link given as evidence of progress.
struct EvidenceItem: Sendable {
    let name: String
    /// A stored file, or else a link.
    let fileSHA256: String?
    let url: String
}

/// The lists of a commitment page, read with SQLKit in three statements whatever their
/// length: the progress reports with their authors' names joined, the evidence of all of
/// them, and the proposals the commitment came from. The commitment and its milestones come
/// from `CommitmentQuery`.
struct CommitmentPageQuery: Sendable {
    let commitment: UUID

    struct Result: Sendable {
        /// Newest first.
        let updates: [ProgressItem]
        let proposals: [ProposalView.Link]
    }

    private struct UpdateRow: Decodable {
        let id: UUID, milestone_id: UUID, created_at: Date, reported_on: String, text: String, percent: Int
        let status_before: String, status_after: String, commitment_completion: Int, author_name: String
    }
    private struct EvidenceRow: Decodable { let update_id: UUID, name: String, file_sha256: String?, url: String }
    private struct LinkRow: Decodable { let id: UUID, title: String }

    func run(on db: any SQLDatabase) async throws -> Result {
        let updates = try await db.raw("""
            SELECT pu.id, pu.milestone_id, pu.created_at, pu.reported_on, pu.text, pu.percent, pu.status_before, pu.status_after, pu.commitment_completion,
                   u.name AS author_name
            FROM progress_updates pu JOIN users u ON u.id = pu.author_id
            WHERE pu.commitment_id = \(bind: commitment) ORDER BY pu.created_at DESC
            """).all(decoding: UpdateRow.self)
        let evidence = try await db.raw("""
            SELECT e.update_id, e.name, e.file_sha256, e.url FROM progress_evidence e
            JOIN progress_updates pu ON pu.id = e.update_id WHERE pu.commitment_id = \(bind: commitment)
            """).all(decoding: EvidenceRow.self)
        let byUpdate = Dictionary(grouping: evidence, by: \.update_id)
        let proposals = try await db.raw("""
            SELECT p.id, p.title FROM commitment_proposals cp JOIN proposals p ON p.id = cp.proposal_id
            WHERE cp.commitment_id = \(bind: commitment) ORDER BY p.created_at
            """).all(decoding: LinkRow.self)
        return Result(updates: updates.map { r in
            ProgressItem(id: r.id, milestoneID: r.milestone_id, createdAt: r.created_at, reportedOn: r.reported_on, text: r.text, percent: r.percent,
                         statusBefore: MilestoneStatus(rawValue: r.status_before) ?? .notStarted,
                         statusAfter: MilestoneStatus(rawValue: r.status_after) ?? .notStarted, commitmentCompletion: r.commitment_completion,
                         authorName: r.author_name,
                         evidence: (byUpdate[r.id] ?? []).map { EvidenceItem(name: $0.name, fileSHA256: $0.file_sha256, url: $0.url) })
        }, proposals: proposals.map { ProposalView.Link(id: $0.id, title: $0.title) })
    }

    private struct AssessmentRow: Decodable { let completion: String, potential_impact: String, did_it_open: String, report_id: UUID, report_title: String }

    /// The latest assessment of the commitment that was published in a report, if any.
    func assessment(on db: any SQLDatabase) async throws -> PlanPages.AssessmentSummary? {
        try await db.raw("""
            SELECT a.completion, a.potential_impact, a.did_it_open, r.id AS report_id, r.title AS report_title
            FROM assessments a JOIN assessment_reports r ON r.id = a.report_id
            WHERE a.commitment_id = \(bind: commitment) ORDER BY a.updated_at DESC LIMIT 1
            """).first(decoding: AssessmentRow.self).map {
            PlanPages.AssessmentSummary(completion: $0.completion, potentialImpact: $0.potential_impact, didItOpen: $0.did_it_open,
                                        reportID: $0.report_id, reportTitle: $0.report_title)
        }
    }
}
