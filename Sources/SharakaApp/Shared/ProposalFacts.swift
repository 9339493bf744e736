import Foundation
import SharakaCore
import SQLKit

/// What the rules about a proposal are decided on, read in one statement.
enum ProposalFacts {
    private struct Row: Decodable {
        let status: String, supports_count: Int, comments_count: Int, answer_state: String?, included: Int
    }

    static func editing(_ id: UUID, on sql: any SQLDatabase) async throws -> ProposalEditing.Facts? {
        try await sql.raw("""
            SELECT p.status, p.supports_count, p.comments_count, p.answer_state,
                   CASE WHEN EXISTS (SELECT 1 FROM commitment_proposals cp WHERE cp.proposal_id = p.id) THEN 1 ELSE 0 END AS included
            FROM proposals p WHERE p.id = \(bind: id)
            """).first(decoding: Row.self).map {
            ProposalEditing.Facts(status: ProposalStatus(rawValue: $0.status) ?? .withdrawn, supports: $0.supports_count, comments: $0.comments_count,
                                  answered: $0.answer_state.flatMap(AnswerState.init(rawValue:))?.isDecision ?? false, included: $0.included != 0)
        }
    }
}
