import Foundation
import SharakaCore
import SQLKit

/// One comment as a thread shows it, its author's name joined.
struct CommentItem: Sendable {
    let id: UUID
    let parentID: UUID?
    let createdAt: Date
    let editedAt: Date?
    let deleted: Bool
    let hidden: Bool
    let body: String
    let alignment: String
    let upVotes: Int
    let downVotes: Int
    let authorID: UUID
    /// Nil when the author deleted their account.
    let authorName: String?

    var score: Int { upVotes - downVotes }
}

extension CommentItem {
    /// A comment just written, as the thread would read it back.
    init(_ c: Comment, authorName: String?) {
        self.init(id: c.id!, parentID: c.$parent.id, createdAt: c.createdAt, editedAt: c.editedAt, deleted: c.isDeleted, hidden: c.hiddenAt != nil,
                  body: c.body, alignment: c.alignment, upVotes: c.upVotes, downVotes: c.downVotes, authorID: c.$author.id, authorName: authorName)
    }
}

/// The read model of a comment thread: one statement for the comments of a page, proposal,
/// workshop or report with their authors' names, one more for the viewer's own votes —
/// never more with more comments. The thread is arranged in SharakaCore (`Thread.arrange`)
/// and cut into pages of whole conversations, so a reply is never separated from what it
/// answers.
struct CommentThreadQuery: Sendable {
    let kind: Comment.Target
    let target: UUID
    let order: CommentOrder

    /// Conversations (a top-level comment and its replies) per page.
    static let conversationsPerPage = 25

    struct Result: Sendable {
        /// The page's comments in display order, with their depth.
        let items: [(comment: CommentItem, depth: Int)]
        /// Comments not deleted, in the whole thread.
        let visible: Int
        let conversations: Int
        let page: PageRequest
    }

    private struct Row: Decodable {
        let id: UUID, parent_id: UUID?, created_at: Date, edited_at: Date?, deleted_at: Date?, hidden_at: Date?
        let body: String, alignment: String, up_votes: Int, down_votes: Int, author_id: UUID, author_name: String, author_deleted_at: Date?
    }

    /// Every comment of the thread, arranged.
    func all(on sql: any SQLDatabase) async throws -> [(comment: CommentItem, depth: Int)] {
        let rows = try await sql.raw("""
            SELECT c.id, c.parent_id, c.created_at, c.edited_at, c.deleted_at, c.hidden_at, c.body, c.alignment, c.up_votes, c.down_votes,
                   c.author_id, u.name AS author_name, u.deleted_at AS author_deleted_at
            FROM comments c JOIN users u ON u.id = c.author_id
            WHERE c.target_kind = \(bind: kind.rawValue) AND c.target_id = \(bind: target)
            """).all(decoding: Row.self)
        var byID: [UUID: CommentItem] = [:]
        byID.reserveCapacity(rows.count)
        for r in rows {
            byID[r.id] = CommentItem(id: r.id, parentID: r.parent_id, createdAt: r.created_at, editedAt: r.edited_at, deleted: r.deleted_at != nil,
                                     hidden: r.hidden_at != nil, body: r.body, alignment: r.alignment, upVotes: r.up_votes, downVotes: r.down_votes,
                                     authorID: r.author_id, authorName: r.author_deleted_at == nil ? r.author_name : nil)
        }
        let skeleton = byID.values.map { ThreadItem(id: $0.id, parent: $0.parentID, created: $0.createdAt.timeIntervalSince1970, score: $0.score) }
        return Thread.arrange(skeleton, order: order).map { (byID[$0.id]!, $0.depth) }
    }

    func page(_ page: Int?, on sql: any SQLDatabase) async throws -> Result {
        let thread = try await all(on: sql)
        let request = PageRequest(page: page, per: Self.conversationsPerPage)
        // Conversations start at depth 0; the page keeps whole ones.
        let starts = thread.indices.filter { thread[$0].depth == 0 }
        let first = request.offset < starts.count ? starts[request.offset] : thread.count
        let end = request.offset + request.per < starts.count ? starts[request.offset + request.per] : thread.count
        return Result(items: Array(thread[first..<end]), visible: thread.filter { !$0.comment.deleted }.count, conversations: starts.count, page: request)
    }

    /// The viewer's votes on this thread: comment id → +1 / −1.
    func votes(of viewer: UUID, on sql: any SQLDatabase) async throws -> [UUID: Int] {
        let rows = try await sql.raw("""
            SELECT v.comment_id, v.value FROM comment_votes v JOIN comments c ON c.id = v.comment_id
            WHERE v.user_id = \(bind: viewer) AND c.target_kind = \(bind: kind.rawValue) AND c.target_id = \(bind: target)
            """).all()
        var out: [UUID: Int] = [:]
        for row in rows { out[try row.decode(column: "comment_id", as: UUID.self)] = try row.decode(column: "value", as: Int.self) }
        return out
    }
}
