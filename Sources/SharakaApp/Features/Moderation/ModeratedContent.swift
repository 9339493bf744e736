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
        try await loadAll([Key(kind: kind, id: id)], on: db)[Key(kind: kind, id: id)]
    }

    struct Key: Hashable { let kind: ReportTarget; let id: UUID }

    /// Many at once, in three statements whatever their number (proposals, comments, and the
    /// progress reports that comments on progress point to): the moderation queue shows a page of them.
    static func loadAll(_ keys: [Key], on db: any Database) async throws -> [Key: ModeratedContent] {
        let proposalIDs = keys.filter { $0.kind == .proposal }.map(\.id), commentIDs = keys.filter { $0.kind == .comment }.map(\.id)
        var out: [Key: ModeratedContent] = [:]
        if !proposalIDs.isEmpty {
            for p in try await Proposal.query(on: db).filter(\.$id ~~ proposalIDs).all() {
                out[Key(kind: .proposal, id: p.id!)] = .init(kind: .proposal, id: p.id!, authorID: p.$author.id, excerpt: p.title, hiddenAt: p.hiddenAt,
                                                             page: .proposal(p.id!), anchor: "", follow: .proposal, followID: p.id!)
            }
        }
        guard !commentIDs.isEmpty else { return out }
        let comments = try await Comment.query(on: db).filter(\.$id ~~ commentIDs).all().filter { !$0.isDeleted }
        let progressIDs = comments.filter { $0.targetKind == Comment.Target.progress.rawValue }.map(\.targetID)
        let updates = progressIDs.isEmpty ? [:] : Dictionary(try await ProgressUpdate.query(on: db).filter(\.$id ~~ progressIDs).all().map { ($0.id!, $0) },
                                                             uniquingKeysWith: { a, _ in a })
        for c in comments {
            let id = c.id!, excerpt = String(c.body.prefix(120))
            if c.targetKind == Comment.Target.progress.rawValue {
                guard let u = updates[c.targetID] else { continue }
                out[Key(kind: .comment, id: id)] = .init(kind: .comment, id: id, authorID: c.$author.id, excerpt: excerpt, hiddenAt: c.hiddenAt,
                                                         page: .progressUpdate(c.targetID), anchor: "#comment-\(id)", follow: .commitment, followID: u.$commitment.id)
            } else if let target = Comment.Target(rawValue: c.targetKind), let follow = FollowTarget(rawValue: target.rawValue) {
                out[Key(kind: .comment, id: id)] = .init(kind: .comment, id: id, authorID: c.$author.id, excerpt: excerpt, hiddenAt: c.hiddenAt,
                                                         page: Notifier.url(follow, c.targetID), anchor: "#comment-\(id)", follow: follow, followID: c.targetID)
            }
        }
        return out
    }

    private var searchKind: SearchKind { kind == .proposal ? .proposal : .comment }
    static func table(_ kind: ReportTarget) -> String { kind == .proposal ? Proposal.schema : Comment.schema }
    private var table: String { Self.table(kind) }

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

    func notifyHidden(on db: any Database) async throws {
        try await Notifier.emit(.hidden, target: follow, id: followID, title: excerpt, to: [authorID], on: db)
    }
}
