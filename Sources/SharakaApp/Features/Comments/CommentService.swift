import Fluent
import SharakaCore
import SQLKit
import Vapor

/// A new comment, from the page's form or the API: the target must be open for comments, a
/// reply stays within the thread's depth, the text within its limits; the comment, the
/// proposal's counter and one notification event per kind ("reply" to the person answered,
/// "comment" to everyone else following) are written in one transaction.
enum CommentService {
    enum Outcome {
        case posted(Comment, CommentTargets.Target)
        case badBody(FieldProblem, CommentTargets.Target)
    }

    /// The rules and the write of a new comment, with its notifications.
    static func post(_ req: Request, by user: User, kind rawKind: String?, targetID rawTarget: String?, parentID rawParent: String?,
                     body rawBody: String, alignment rawAlignment: String?) async throws -> Outcome {
        guard let kind = Comment.Target(rawValue: rawKind ?? ""), let targetID = rawTarget.flatMap(UUID.init(uuidString:)) else { throw Abort(.badRequest) }
        let target = try await CommentTargets.load(kind, targetID, req)
        guard target.open else { throw Refusal(.unprocessableEntity, .refusalPhaseClosed) }
        var parent: Comment?
        if let raw = rawParent, !raw.isEmpty {
            guard let parentID = UUID(uuidString: raw), let p = try await Comment.find(parentID, on: req.db), p.targetKind == kind.rawValue, p.targetID == targetID
            else { throw Abort(.badRequest) }
            guard CommentRules.replyDepth(parentDepth: p.depth) != nil else { throw Refusal(.unprocessableEntity, .refusalTooDeep) }
            parent = p
        }
        let body = rawBody.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let alignment = CommentAlignment(rawValue: rawAlignment ?? "") ?? .neutral
        if let p = CommentRules.checkBody(body) { return .badBody(p, target) }
        let comment = Comment(target: kind, targetID: targetID, parent: parent, authorID: user.id!, body: body, alignment: alignment)
        let repliedTo = parent
        try await req.db.transaction { db in
            try await comment.create(on: db)
            try await SearchIndex.refresh(.comment, comment.id!, on: db)
            if kind == .proposal {
                try await (db as! any SQLDatabase).raw("UPDATE proposals SET comments_count = comments_count + 1 WHERE id = \(bind: targetID)").run()
            }
            // The person replied to hears "reply"; everyone else following hears "new comment".
            let follow = target.follow, followID = target.followID ?? targetID
            var except: Set<UUID> = [user.id!]
            if let parent = repliedTo, parent.$author.id != user.id {
                except.insert(parent.$author.id)
                try await Notifier.emit(.reply, target: follow, id: followID, title: target.title, to: [parent.$author.id], on: db)
            }
            try await Notifier.emit(.comment, target: follow, id: followID, title: target.title, followers: true, except: except, on: db)
        }
        return .posted(comment, target)
    }
}
