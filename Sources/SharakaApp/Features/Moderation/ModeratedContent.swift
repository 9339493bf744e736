import Fluent
import SharakaCore
import SQLKit
import Vapor

/// A reported proposal or comment, with what moderation needs to know about it.
struct ModeratedContent {
    let kind: ReportTarget
    let id: UUID
    let authorID: UUID
    let excerpt: String
    let hiddenAt: Date?
    /// Where it is shown, and what the author's notification points to.
    let page: SiteURL
    let anchor: String
    let follow: FollowTarget
    let followID: UUID

    static func load(_ kind: ReportTarget, _ id: UUID, on db: any Database) async throws -> ModeratedContent? {
        switch kind {
        case .proposal:
            guard let p = try await Proposal.find(id, on: db) else { return nil }
            return .init(kind: kind, id: id, authorID: p.$author.id, excerpt: p.title, hiddenAt: p.hiddenAt,
                         page: .proposal(id), anchor: "", follow: .proposal, followID: id)
        case .comment:
            if let c = try await Comment.find(id, on: db), !c.isDeleted, c.targetKind == Comment.Target.progress.rawValue {
                guard let u = try await ProgressUpdate.find(c.targetID, on: db) else { return nil }
                return .init(kind: kind, id: id, authorID: c.$author.id, excerpt: String(c.body.prefix(120)), hiddenAt: c.hiddenAt,
                             page: .progressUpdate(c.targetID), anchor: "#comment-\(id)", follow: .commitment, followID: u.$commitment.id)
            }
            guard let c = try await Comment.find(id, on: db), !c.isDeleted,
                  let target = Comment.Target(rawValue: c.targetKind), let follow = FollowTarget(rawValue: target.rawValue)
            else { return nil }
            return .init(kind: kind, id: id, authorID: c.$author.id, excerpt: String(c.body.prefix(120)), hiddenAt: c.hiddenAt,
                         page: Notifier.url(follow, c.targetID), anchor: "#comment-\(id)", follow: follow, followID: c.targetID)
        }
    }

    private var searchKind: SearchKind { kind == .proposal ? .proposal : .comment }
    private var table: String { kind == .proposal ? Proposal.schema : Comment.schema }

    /// Hides once: returns false when it was already hidden, so the author hears it once.
    func hide(at now: Date, on db: any Database) async throws -> Bool {
        let sql = db as! any SQLDatabase
        let changed = !(try await sql.raw("UPDATE \(ident: table) SET hidden_at = \(bind: now) WHERE id = \(bind: id) AND hidden_at IS NULL RETURNING id").all()).isEmpty
        try await SearchIndex.refresh(searchKind, id, on: db)
        return changed
    }

    func restore(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("UPDATE \(ident: table) SET hidden_at = NULL WHERE id = \(bind: id)").run()
        try await SearchIndex.refresh(searchKind, id, on: db)
    }

    func notifyHidden(publicURL: String, on db: any Database) async throws {
        try await Notifier.emit(.hidden, target: follow, id: followID, title: excerpt, to: [authorID], except: nil, publicURL: publicURL, on: db)
    }
}
