import Foundation
import SharakaCore
import SQLKit

/// An action plan as its pages show it.
struct PlanView: Sendable {
    let id: UUID
    let title: LocalizedText
    let description: LocalizedText
    let periodStart: Int
    let periodEnd: Int
    let status: PlanStatus
    let revision: Int
    let adoptingBodyID: UUID
    let adoptingBodyName: LocalizedText
    /// The co-creation process the plan came from.
    let processID: UUID?
    /// The OGP member's name as OGP writes it.
    let member: String
    let sourceURL: String

    var period: String { "\(periodStart)–\(periodEnd)" }
}

/// A commitment as a plan's table lists it.
struct PlanCommitmentRow: Sendable {
    let id: UUID
    let reference: String
    let title: LocalizedText
    let leadBody: LeadBody
    let completion: Int
    /// Whether any proposal of the co-creation went into it.
    let fromProposals: Bool

    var level: IRMCompletion { IRMCompletion.level(percent: completion) }
}

/// The read models of the plan pages: a plan with its commitments (whether each came from
/// proposals decided by `EXISTS`) and its documents in three statements; the list of plans
/// with their commitments counted by `GROUP BY` in one.
enum PlanPageQuery {
    struct Result: Sendable {
        let plan: PlanView
        let commitments: [PlanCommitmentRow]
        let documents: [(name: String, sha256: String)]
    }

    private struct PlanRow: Decodable {
        let id: UUID, title: LocalizedText, description: LocalizedText, period_start: Int, period_end: Int, status: String, revision: Int
        let organisation_id: UUID, body_name: LocalizedText, process_id: UUID?, member: String, source_url: String
    }
    private struct CommitmentRow: Decodable {
        let id: UUID, reference: String, title: LocalizedText, lead_body: String, lead_organisation_id: UUID?, lead_name: LocalizedText?
        let completion: Int, from_proposals: Int
    }
    private struct DocumentRow: Decodable { let name: String, file_sha256: String }
    private struct ListRow: Decodable {
        let id: UUID, title: LocalizedText, description: LocalizedText, period_start: Int, period_end: Int, status: String, revision: Int
        let organisation_id: UUID, body_name: LocalizedText, process_id: UUID?, member: String, source_url: String, commitments: Int
    }

    static func head(_ id: UUID, on db: any SQLDatabase) async throws -> PlanView? {
        try await db.raw("""
            SELECT a.id, a.title, a.description, a.period_start, a.period_end, a.status, a.revision, a.organisation_id, o.name AS body_name,
                   a.process_id, a.member, a.source_url
            FROM action_plans a JOIN organisations o ON o.id = a.organisation_id WHERE a.id = \(bind: id)
            """).first(decoding: PlanRow.self).map {
            PlanView(id: $0.id, title: $0.title, description: $0.description, periodStart: $0.period_start, periodEnd: $0.period_end,
                     status: PlanStatus(rawValue: $0.status) ?? .draft, revision: $0.revision, adoptingBodyID: $0.organisation_id, adoptingBodyName: $0.body_name,
                     processID: $0.process_id, member: $0.member, sourceURL: $0.source_url)
        }
    }

    static func page(_ id: UUID, on db: any SQLDatabase) async throws -> Result? {
        guard let plan = try await head(id, on: db) else { return nil }
        let commitments = try await db.raw("""
            SELECT c.id, c.reference, c.title, c.lead_body, c.lead_organisation_id, o.name AS lead_name, c.completion,
                   CASE WHEN EXISTS (SELECT 1 FROM commitment_proposals cp WHERE cp.commitment_id = c.id) THEN 1 ELSE 0 END AS from_proposals
            FROM commitments c LEFT JOIN organisations o ON o.id = c.lead_organisation_id WHERE c.plan_id = \(bind: id) ORDER BY c.position, c.reference
            """).all(decoding: CommitmentRow.self)
        let documents = try await db.raw("SELECT name, file_sha256 FROM plan_documents WHERE plan_id = \(bind: id) ORDER BY created_at")
            .all(decoding: DocumentRow.self)
        return Result(plan: plan,
                      commitments: commitments.map { PlanCommitmentRow(id: $0.id, reference: $0.reference, title: $0.title, leadBody: LeadBody(organisationID: $0.lead_organisation_id, organisationName: $0.lead_name, written: $0.lead_body),
                                                                       completion: $0.completion, fromProposals: $0.from_proposals != 0) },
                      documents: documents.map { ($0.name, $0.file_sha256) })
    }

    /// Public plans, newest period first, and the drafts of `draftsOf` (nil: every draft;
    /// empty: none) before them.
    static func list(draftsOf: Set<UUID>?, on db: any SQLDatabase) async throws -> [(plan: PlanView, commitments: Int)] {
        var drafts: SQLQueryString = "FALSE"
        if let draftsOf {
            if !draftsOf.isEmpty { drafts = "a.organisation_id IN (\(binds: Array(draftsOf)))" }
        } else { drafts = "TRUE" }
        let rows = try await db.raw("""
            SELECT a.id, a.title, a.description, a.period_start, a.period_end, a.status, a.revision, a.organisation_id, o.name AS body_name,
                   a.process_id, a.member, a.source_url, (SELECT COUNT(*) FROM commitments c WHERE c.plan_id = a.id) AS commitments
            FROM action_plans a JOIN organisations o ON o.id = a.organisation_id
            WHERE a.status <> \(bind: PlanStatus.draft.rawValue) OR (\(drafts))
            ORDER BY CASE WHEN a.status = \(bind: PlanStatus.draft.rawValue) THEN 0 ELSE 1 END, a.period_start DESC, a.id
            """).all(decoding: ListRow.self)
        return rows.map {
            (PlanView(id: $0.id, title: $0.title, description: $0.description, periodStart: $0.period_start, periodEnd: $0.period_end,
                      status: PlanStatus(rawValue: $0.status) ?? .draft, revision: $0.revision, adoptingBodyID: $0.organisation_id, adoptingBodyName: $0.body_name,
                     processID: $0.process_id, member: $0.member, sourceURL: $0.source_url),
             $0.commitments)
        }
    }
}
