import Foundation
import SharakaCore
import SQLKit
import Vapor

/// A proposal as its page shows it.
struct ProposalView: Sendable {
    let id: UUID
    let title: String
    let body: String
    let language: Language
    let status: ProposalStatus
    let hidden: Bool
    let createdAt: Date
    let ogpValue: String
    let theme: String
    let supports: Int
    let comments: Int
    let authorID: UUID
    /// Nil when the author deleted their account.
    let authorName: String?
    let organisationName: LocalizedText?
    let provinceName: LocalizedText?
    let mergedInto: Link?
    let attachment: Attachment?

    struct Link: Sendable { let id: UUID; let title: String }
    struct Attachment: Sendable { let sha256: String; let name: String; let size: Int }
}

/// The process a proposal belongs to, as far as its page needs it: who organises it and
/// which steps its timeline allows today.
struct ProposalProcessFacts: Sendable {
    let id: UUID
    let status: ProcessStatus
    let organiserID: UUID
    let timeline: Timeline

    func allows(_ step: ParticipationStep) -> Bool { timeline.allows(step, on: Day(Date()), status: status) }
}

/// One official answer in a proposal's public history.
struct AnswerItem: Sendable {
    let state: AnswerState?
    let reasoning: String
    let organisationName: LocalizedText
    let createdAt: Date
}

/// The read model of a proposal page: a fixed handful of SQLKit statements whatever the
/// number of answers, workshops, commitments or merged proposals — the proposal with its
/// author, organisation, province, merge target and attachment joined; the phases; then one
/// statement per list the page shows. Comments come from `CommentThreadQuery`.
struct ProposalPageQuery: Sendable {
    let id: UUID

    struct Result: Sendable {
        let proposal: ProposalView
        let process: ProposalProcessFacts
        let answers: [AnswerItem]
        let mergedFrom: [ProposalView.Link]
        let workshops: [(id: UUID, title: LocalizedText)]
        let commitments: [(id: UUID, reference: String, title: LocalizedText)]
    }

    private struct Row: Decodable {
        let id: UUID, title: String, body: String, language: String, status: String, hidden_at: Date?, created_at: Date?
        let ogp_value: String, theme: String, supports_count: Int, comments_count: Int
        let author_id: UUID, author_name: String, author_deleted_at: Date?, organisation_name: LocalizedText?, province_name: LocalizedText?
        let merged_id: UUID?, merged_title: String?
        let attachment_sha256: String?, attachment_name: String?, file_name: String?, file_size: Int?
        let process_id: UUID, process_status: String, organiser_id: UUID
    }

    private struct PhaseRow: Decodable { let kind: String, starts_on: String, ends_on: String }
    private struct AnswerRow: Decodable { let state: String, reasoning: String, organisation_name: LocalizedText, created_at: Date }
    private struct LinkRow: Decodable { let id: UUID, title: String }
    private struct WorkshopRow: Decodable { let id: UUID, title: LocalizedText }
    private struct CommitmentRow: Decodable { let id: UUID, reference: String, title: LocalizedText }

    /// The proposal and its process only (the statements a refusal or a hidden page needs).
    func head(on db: any SQLDatabase) async throws -> (ProposalView, ProposalProcessFacts)? {
        guard let r = try await db.raw("""
            SELECT p.id, p.title, p.body, p.language, p.status, p.hidden_at, p.created_at, p.ogp_value, p.theme,
                   p.supports_count, p.comments_count, p.author_id, u.name AS author_name, u.deleted_at AS author_deleted_at,
                   o.name AS organisation_name, pv.name AS province_name, m.id AS merged_id, m.title AS merged_title,
                   p.attachment_sha256, p.attachment_name, f.original_name AS file_name, f.size AS file_size,
                   p.process_id, pr.status AS process_status, pr.organisation_id AS organiser_id
            FROM proposals p
            JOIN users u ON u.id = p.author_id
            JOIN processes pr ON pr.id = p.process_id
            LEFT JOIN organisations o ON o.id = p.organisation_id
            LEFT JOIN provinces pv ON pv.code = p.province_code
            LEFT JOIN proposals m ON m.id = p.merged_into_id
            LEFT JOIN files f ON f.sha256 = p.attachment_sha256
            WHERE p.id = \(bind: id)
            """).first(decoding: Row.self) else { return nil }
        let phases = try await db.raw("SELECT kind, starts_on, ends_on FROM phases WHERE process_id = \(bind: r.process_id)").all(decoding: PhaseRow.self)
        let timeline = Timeline(phases.compactMap { ph in
            guard let kind = PhaseKind(rawValue: ph.kind), let s = Day(iso: ph.starts_on), let e = Day(iso: ph.ends_on) else { return nil }
            return PhaseWindow(kind: kind, starts: s, ends: e)
        })
        let language = Language(rawValue: r.language) ?? .ar
        let attachment = r.attachment_sha256.flatMap { sha in
            r.file_size.map { ProposalView.Attachment(sha256: sha, name: r.attachment_name ?? r.file_name ?? sha, size: $0) }
        }
        let proposal = ProposalView(
            id: r.id, title: r.title, body: r.body, language: language, status: ProposalStatus(rawValue: r.status) ?? .published,
            hidden: r.hidden_at != nil, createdAt: r.created_at ?? Date(), ogpValue: r.ogp_value, theme: r.theme,
            supports: r.supports_count, comments: r.comments_count, authorID: r.author_id,
            authorName: r.author_deleted_at == nil ? r.author_name : nil, organisationName: r.organisation_name, provinceName: r.province_name,
            mergedInto: r.merged_id.flatMap { id in r.merged_title.map { ProposalView.Link(id: id, title: $0) } }, attachment: attachment)
        let process = ProposalProcessFacts(id: r.process_id, status: ProcessStatus(rawValue: r.process_status) ?? .draft,
                                           organiserID: r.organiser_id, timeline: timeline)
        return (proposal, process)
    }

    /// Everything the page shows but the comments; nil for an unknown proposal.
    func run(on db: any SQLDatabase) async throws -> Result? {
        guard let (proposal, process) = try await head(on: db) else { return nil }
        let answers = try await db.raw("""
            SELECT a.state, a.reasoning, o.name AS organisation_name, a.created_at
            FROM proposal_answers a JOIN organisations o ON o.id = a.organisation_id
            WHERE a.proposal_id = \(bind: id) ORDER BY a.created_at DESC
            """).all(decoding: AnswerRow.self)
        let merged = try await db.raw("""
            SELECT id, title FROM proposals WHERE merged_into_id = \(bind: id) ORDER BY created_at
            """).all(decoding: LinkRow.self)
        let workshops = try await db.raw("""
            SELECT m.id, m.title FROM meeting_proposals mp JOIN meetings m ON m.id = mp.meeting_id
            WHERE mp.proposal_id = \(bind: id) ORDER BY m.starts_at
            """).all(decoding: WorkshopRow.self)
        // Traceability: the commitments of public plans that this proposal went into.
        let commitments = try await db.raw("""
            SELECT c.id, c.reference, c.title FROM commitment_proposals cp
            JOIN commitments c ON c.id = cp.commitment_id JOIN action_plans ap ON ap.id = c.plan_id
            WHERE cp.proposal_id = \(bind: id) AND ap.status <> \(bind: PlanStatus.draft.rawValue) ORDER BY c.position
            """).all(decoding: CommitmentRow.self)
        return Result(proposal: proposal, process: process,
                      answers: answers.map { AnswerItem(state: AnswerState(rawValue: $0.state), reasoning: $0.reasoning, organisationName: $0.organisation_name, createdAt: $0.created_at) },
                      mergedFrom: merged.map { ProposalView.Link(id: $0.id, title: $0.title) },
                      workshops: workshops.map { ($0.id, $0.title) }, commitments: commitments.map { ($0.id, $0.reference, $0.title) })
    }

    /// What the page shows a signed-in viewer of their own relation to the proposal, in one
    /// statement: whether they support it, follow it, and may answer it (an official of the
    /// organising body).
    struct Viewer: Sendable { let supported: Bool; let following: Bool; let memberOfOrganiser: Bool }

    private struct ViewerRow: Decodable { let supported: Int, following: Int, member: Int }

    func viewer(_ user: UUID, organiser: UUID, on db: any SQLDatabase) async throws -> Viewer {
        let r = try await db.raw("""
            SELECT (SELECT COUNT(*) FROM supports WHERE proposal_id = \(bind: id) AND user_id = \(bind: user)) AS supported,
                   (SELECT COUNT(*) FROM follows WHERE user_id = \(bind: user) AND target_kind = \(bind: FollowTarget.proposal.rawValue) AND target_id = \(bind: id)) AS following,
                   (SELECT COUNT(*) FROM memberships WHERE user_id = \(bind: user) AND organisation_id = \(bind: organiser)) AS member
            """).first(decoding: ViewerRow.self)
        return Viewer(supported: (r?.supported ?? 0) > 0, following: (r?.following ?? 0) > 0, memberOfOrganiser: (r?.member ?? 0) > 0)
    }
}
