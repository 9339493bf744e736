import Foundation
import SharakaCore
import SQLKit

/// The read model of the API's proposal list: the page of proposals in one statement, their
/// current answers in one more, the count in a third — whatever the page size. Orders and
/// cursors are those of the HTML list (`ProposalListQuery.keyOrder`), so both read the
/// same indexes.
struct ProposalAPIQuery: Sendable {
    let process: UUID
    /// nil: any; .some(nil): not answered yet; a state: answered so.
    let answer: String??
    let order: ProposalListFilter.Sort

    struct Result: Sendable { let total: Int; let items: [ProposalDTO] }

    private struct Row: Decodable {
        let id: UUID, process_id: UUID, title: String, body: String, language: String, ogp_value: String, theme: String
        let province_code: String?, organisation_id: UUID?, status: String, supports_count: Int, comments_count: Int
        let merged_into_id: UUID?, created_at: Date?
    }

    private struct AnswerRow: Decodable { let proposal_id: UUID, state: String, reasoning: String, created_at: Date, organisation_id: UUID }

    private func filtered(_ select: SQLSelectBuilder) -> SQLSelectBuilder {
        var s = select.from(SQLAlias(SQLIdentifier(Proposal.schema), as: SQLIdentifier("p")))
            .where(SQLColumn("process_id", table: "p"), .equal, SQLBind(process))
            .where(SQLColumn("hidden_at", table: "p"), .is, SQLLiteral.null)
        if let answer {
            s = answer.map { s.where(SQLColumn("answer_state", table: "p"), .equal, SQLBind($0)) }
                ?? s.where(SQLColumn("answer_state", table: "p"), .is, SQLLiteral.null)
        }
        return s
    }

    func run(range: Range<Int>, after: UUID?, on db: any SQLDatabase) async throws -> Result {
        let total = try await filtered(db.select().column(SQLFunction("COUNT", args: SQLColumn("process_id", table: "p")), as: "n"))
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let key = ProposalListQuery.keyOrder(order)
        var s = filtered(db.select().columns(["id", "process_id", "title", "body", "language", "ogp_value", "theme", "province_code", "organisation_id",
                                              "status", "supports_count", "comments_count", "merged_into_id", "created_at"].map { SQLColumn($0, table: "p") }))
        s = ProposalListQuery.keyed(s, order: key, after: after)
        let rows = try await s.limit(range.count).offset(range.lowerBound).all(decoding: Row.self)
        guard !rows.isEmpty else { return Result(total: total, items: []) }
        // The newest answer of each proposal on the page.
        let answers = try await db.raw("""
            SELECT proposal_id, state, reasoning, created_at, organisation_id FROM proposal_answers
            WHERE proposal_id IN (\(SQLList(rows.map { SQLBind($0.id) }))) ORDER BY created_at DESC
            """).all(decoding: AnswerRow.self)
        var current: [UUID: AnswerDTO] = [:]
        for a in answers where current[a.proposal_id] == nil {
            current[a.proposal_id] = AnswerDTO(state: a.state, reasoning: a.reasoning, date: a.created_at, organisation: a.organisation_id)
        }
        return Result(total: total, items: rows.map { r in
            ProposalDTO(id: r.id, process: r.process_id, title: r.title, body: r.body, language: r.language, ogpValue: r.ogp_value, theme: r.theme,
                        province: r.province_code, organisation: r.organisation_id, status: r.status, supports: r.supports_count,
                        comments: r.comments_count, mergedInto: r.merged_into_id, createdAt: r.created_at, answer: current[r.id], answerHistory: nil)
        })
    }
}
