import Fluent
import SharakaCore
import SQLKit
import Vapor

/// The writes of a proposal, shared by the forms and the API: publishing, the author's edits
/// (decided again by `ProposalEditing` on the row locked, since a support, a comment or an
/// answer may have come since the form was drawn) and withdrawal (audited).
enum ProposalService {
    /// Stores a validated proposal; its author follows it from the start.
    static func publish(_ form: ProposalForm, attachment: (sha256: String, name: String)?, by user: User, in process: UUID, on db: any Database) async throws -> Proposal {
        let proposal = Proposal()
        form.apply(to: proposal)
        proposal.$process.id = process
        proposal.$author.id = user.id!
        proposal.status = ProposalStatus.published.rawValue
        proposal.supportsCount = 0
        proposal.commentsCount = 0
        proposal.randomKey = Int.random(in: 0..<2_147_483_647)
        proposal.attachmentSHA256 = attachment?.sha256
        proposal.attachmentName = attachment?.name
        try await db.transaction { db in
            try await proposal.create(on: db)
            try await SearchIndex.refresh(.proposal, proposal.id!, on: db)
            try await Notifier.follow(user.id!, .proposal, proposal.id!, on: db)
        }
        return proposal
    }

    /// Writes the author's new text; throws `ProposalEditing.Refusal` when it may no longer change.
    static func update(_ proposal: Proposal, on db: any Database) async throws {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await RowLock.lock(Proposal.schema, id: proposal.id!, on: db)
            guard let facts = try await ProposalFacts.editing(proposal.id!, on: sql) else { throw Abort(.notFound) }
            if let refusal = ProposalEditing.refusal(facts) { throw refusal }
            try await sql.raw("""
                UPDATE proposals SET title = \(bind: proposal.title), body = \(bind: proposal.body), language = \(bind: proposal.language),
                  ogp_value = \(bind: proposal.ogpValue), theme = \(bind: proposal.theme), province_code = \(bind: proposal.provinceCode),
                  organisation_id = \(bind: proposal.$organisation.id), search_text = \(bind: proposal.searchText), updated_at = \(bind: Date())
                WHERE id = \(bind: proposal.id!)
                """).run()
            try await SearchIndex.refresh(.proposal, proposal.id!, on: db)
        }
    }

    /// The author takes the proposal back; throws `ProposalWithdrawal.Refusal`.
    static func withdraw(_ proposalID: UUID, by user: User, confirmed: Bool, app: Application) async throws {
        try await AuditLog.write(app, actor: user) { db in
            guard let p = try await RowLock.find(Proposal.self, proposalID, on: db) else { throw Abort(.notFound) }
            let audit = try ProposalWithdrawal.decide(status: p.statusValue, isAuthor: p.$author.id == user.id, confirmed: confirmed).get()
            try await (db as! any SQLDatabase).raw("UPDATE proposals SET status = \(bind: ProposalStatus.withdrawn.rawValue), updated_at = \(bind: Date()) WHERE id = \(bind: proposalID)").run()
            return ((), [.init(action: "withdraw", objectKind: "proposal", objectID: proposalID, scope: proposalID, audit)])
        }
    }
}
