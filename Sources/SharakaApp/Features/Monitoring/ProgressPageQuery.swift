import Foundation
import SharakaCore
import SQLKit

/// A progress report as its own page shows it, with what it reports on.
struct ProgressView: Sendable {
    let item: ProgressItem
    let milestoneTitle: LocalizedText
    let commitmentID: UUID
    let commitmentReference: String
    let planStatus: PlanStatus
}

/// The read model of a progress report's page: the report with its author, milestone,
/// commitment and plan joined, then its evidence — two statements.
struct ProgressPageQuery: Sendable {
    let id: UUID

    private struct Row: Decodable {
        let id: UUID, milestone_id: UUID, created_at: Date, reported_on: String, text: String, percent: Int, status_before: String
        let status_after: String, commitment_completion: Int, author_name: String, milestone_title: LocalizedText
        let commitment_id: UUID, reference: String, plan_status: String
    }
    private struct EvidenceRow: Decodable { let name: String, file_sha256: String?, url: String }

    func run(on db: any SQLDatabase) async throws -> ProgressView? {
        guard let r = try await db.raw("""
            SELECT pu.id, pu.milestone_id, pu.created_at, pu.reported_on, pu.text, pu.percent, pu.status_before, pu.status_after,
                   pu.commitment_completion, u.name AS author_name, m.title AS milestone_title, c.id AS commitment_id, c.reference,
                   a.status AS plan_status
            FROM progress_updates pu JOIN users u ON u.id = pu.author_id JOIN milestones m ON m.id = pu.milestone_id
            JOIN commitments c ON c.id = pu.commitment_id JOIN action_plans a ON a.id = c.plan_id
            WHERE pu.id = \(bind: id)
            """).first(decoding: Row.self) else { return nil }
        let evidence = try await db.raw("SELECT name, file_sha256, url FROM progress_evidence WHERE update_id = \(bind: id)").all(decoding: EvidenceRow.self)
        let item = ProgressItem(id: r.id, milestoneID: r.milestone_id, createdAt: r.created_at, reportedOn: r.reported_on, text: r.text, percent: r.percent,
                                statusBefore: MilestoneStatus(rawValue: r.status_before) ?? .notStarted,
                                statusAfter: MilestoneStatus(rawValue: r.status_after) ?? .notStarted, commitmentCompletion: r.commitment_completion,
                                authorName: r.author_name, evidence: evidence.map { EvidenceItem(name: $0.name, fileSHA256: $0.file_sha256, url: $0.url) })
        return ProgressView(item: item, milestoneTitle: r.milestone_title, commitmentID: r.commitment_id, commitmentReference: r.reference,
                            planStatus: PlanStatus(rawValue: r.plan_status) ?? .draft)
    }
}
