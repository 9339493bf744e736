import Foundation
import SharakaCore
import SQLKit
import Vapor

/// The write path of a support, shared by the form and the API, kept short because it is
/// the platform's busiest write: the facts the rules need (the proposal, its process and the
/// process's phases) come from `SupportFacts` or one statement, one statement decides and writes (an
/// INSERT … SELECT that re-checks the proposal as it writes, ON CONFLICT DO NOTHING for a
/// second click, shared with the supports arriving at the same moment: `SupportBatch`) and
/// the counter moves in that statement by trigger (`SupportCounter`).
enum SupportWrite {
    private struct Facts: Decodable {
        let status: String, hidden_at: Date?, author_id: UUID, process_id: UUID, process_status: String
        let kind: String?, starts_on: String?, ends_on: String?
    }

    /// `changed` false when nothing changed (already supported, or not supported); `supports`
    /// the proposal's count after the change.
    struct Outcome: Sendable { let changed: Bool; let supports: Int }

    /// On SQLite the writes go through `gate`, one at a time: the two connections would
    /// otherwise take turns at the file lock by sleeping.
    static func change(_ proposal: UUID, by user: UUID, adding: Bool, batch: SupportBatch, gate: SerialGate?, on sql: any SQLDatabase) async throws -> Outcome {
        // The common case: the facts known, the support allowed by them — straight to the
        // batch, whose INSERT re-checks what may have changed. Anything else, or nothing
        // written, is decided below from facts read now.
        if adding, let (p, process) = batch.facts.known(proposal), p.author != user,
           process.timeline.allows(.support, on: Day(Date()), status: process.status) {
            let added = try await batch.add(proposal, by: user)
            if added.written { return Outcome(changed: true, supports: added.supports) }
        }
        let rows = try await sql.raw("""
            SELECT p.status, p.hidden_at, p.author_id, p.process_id, pr.status AS process_status, ph.kind, ph.starts_on, ph.ends_on
            FROM proposals p JOIN processes pr ON pr.id = p.process_id LEFT JOIN phases ph ON ph.process_id = pr.id
            WHERE p.id = \(bind: proposal)
            """).all(decoding: Facts.self)
        guard let facts = rows.first, facts.hidden_at == nil, let processStatus = ProcessStatus(rawValue: facts.process_status), processStatus.isPublic
        else { throw Abort(.notFound) }
        let timeline = Timeline(rows.compactMap { r in
            guard let kind = r.kind.flatMap(PhaseKind.init(rawValue:)), let s = r.starts_on.flatMap(Day.init(iso:)), let e = r.ends_on.flatMap(Day.init(iso:)) else { return nil }
            return PhaseWindow(kind: kind, starts: s, ends: e)
        })
        batch.facts.remember(proposal, .init(process: facts.process_id, author: facts.author_id),
                             process: .init(status: processStatus, timeline: timeline, readAt: .now()))
        guard timeline.allows(.support, on: Day(Date()), status: processStatus) else { throw Refusal(.unprocessableEntity, .refusalPhaseClosed) }
        guard facts.status == ProposalStatus.published.rawValue else { throw Refusal(.unprocessableEntity, .refusalWithdrawn) }
        guard facts.author_id != user else { throw Refusal(.unprocessableEntity, .refusalOwnProposal) }
        if adding {
            let added = try await batch.add(proposal, by: user)
            return Outcome(changed: added.written, supports: added.supports)
        }
        let remove: @Sendable () async throws -> Bool = {
            try await !sql.raw("DELETE FROM supports WHERE proposal_id = \(bind: proposal) AND user_id = \(bind: user) RETURNING id").all().isEmpty
        }
        let removed = if let gate { try await gate.run(remove) } else { try await remove() }
        return Outcome(changed: removed, supports: try await count(proposal, on: sql))
    }

    static func count(_ proposal: UUID, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT supports_count FROM proposals WHERE id = \(bind: proposal)").first()?.decode(column: "supports_count", as: Int.self) ?? 0
    }
}
