import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Publishes (or revises) an answer: decided by `ProposalAnswering` on the proposal's current
/// answer and its process's commitments, read after the audit lock; a new history row, the
/// proposal's current state, the link to the commitment it goes into, the audit entry and one
/// notification event for the author and followers, in one transaction.
enum AnswerService {
    static func answer(_ proposalID: UUID, state: AnswerState, reasoning: String, commitment: UUID?, by user: User, organiser: UUID,
                       app: Application) async throws {
        try await AuditLog.write(app, actor: user) { db in
            let sql = db as! any SQLDatabase
            guard let proposal = try await RowLock.find(Proposal.self, proposalID, on: db) else { throw Abort(.notFound) }
            let previous = try await ProposalAnswer.query(on: db).filter(\.$proposal.$id == proposalID).sort(\.$createdAt, .descending).first()
            let candidates = Set(try await AnswerCommitments.candidates(process: proposal.$process.id, on: sql).map(\.id))
            let decision = try ProposalAnswering.decide(state: state, reasoning: reasoning, commitment: commitment, candidates: candidates,
                                                        previous: previous.map { .init(state: $0.state, reasoning: $0.reasoning) }).get()
            try await ProposalAnswer(proposalID: proposalID, state: state, reasoning: reasoning, by: user.id!, organisationID: organiser).create(on: db)
            if state.isDecision {
                try await sql.raw("UPDATE proposals SET answer_state = \(bind: state.rawValue), answered_at = COALESCE(answered_at, \(bind: Date())) WHERE id = \(bind: proposalID)").run()
            } else {
                try await sql.raw("UPDATE proposals SET answer_state = \(bind: state.rawValue) WHERE id = \(bind: proposalID)").run()
            }
            if let c = decision.includeIn {
                try await sql.raw("""
                    INSERT INTO commitment_proposals (id, commitment_id, proposal_id) VALUES (\(bind: UUID()), \(bind: c), \(bind: proposalID))
                    ON CONFLICT DO NOTHING
                    """).run()
            }
            try await Notifier.emit(.answer, target: .proposal, id: proposalID, title: proposal.title, to: [proposal.$author.id], followers: true,
                                    except: [user.id!], on: db)
            return ((), [.init(action: decision.action, objectKind: "proposal_answer", objectID: proposalID, scope: proposalID, decision.audit)])
        }
    }
}

/// The commitments a proposal of a process may be included in: those of the plans drawn from
/// the process that are not closed.
enum AnswerCommitments {
    struct Item: Sendable, Decodable { let id: UUID, reference: String, title: LocalizedText }

    static func candidates(process: UUID, on sql: any SQLDatabase) async throws -> [Item] {
        try await sql.raw("""
            SELECT c.id, c.reference, c.title FROM commitments c JOIN action_plans a ON a.id = c.plan_id
            WHERE a.process_id = \(bind: process) AND a.status <> \(bind: PlanStatus.closed.rawValue) ORDER BY a.period_start DESC, c.position, c.reference
            """).all(decoding: Item.self)
    }
}
