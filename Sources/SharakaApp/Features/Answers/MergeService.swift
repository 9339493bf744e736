import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Merging proposals, decided by `ProposalMerging` on the target and the chosen proposals as
/// they are inside the audited transaction (merges are audited, so two officials merging at
/// once are serialised by the audit lock); the authors of the merged proposals are told.
enum MergeService {
    static func merge(_ chosen: [UUID], into targetID: UUID, by user: User, app: Application) async throws {
        try await AuditLog.write(app, actor: user) { db in
            guard let target = try await RowLock.find(Proposal.self, targetID, on: db) else { throw Abort(.notFound) }
            let found = chosen.isEmpty ? [] : try await Proposal.query(on: db).filter(\.$id ~~ chosen).all()
            let decision = try ProposalMerging.decide(target: candidate(target), chosen: chosen, found: found.map(candidate)).get()
            try await Proposal.query(on: db).filter(\.$id ~~ decision.merged).set(\.$mergedInto.$id, to: targetID).update()
            // Those merged earlier into the ones merged now follow them, so no chain is left.
            try await Proposal.query(on: db).filter(\.$mergedInto.$id ~~ decision.merged).set(\.$mergedInto.$id, to: targetID).update()
            try await Notifier.emit(.merged, target: .proposal, id: targetID, title: target.title, to: decision.notify, except: [user.id!], on: db)
            return ((), decision.merged.map { .init(action: "merge", objectKind: "proposal", objectID: $0, scope: targetID, decision.audit[$0]!) })
        }
    }

    private static func candidate(_ p: Proposal) -> ProposalMerging.Candidate {
        .init(id: p.id!, process: p.$process.id, mergedInto: p.$mergedInto.id, author: p.$author.id)
    }
}
