import Fluent
import SharakaCore
import SQLKit
import Vapor

/// A moderator's decision, taken by `ModerationDeciding` on the content and its author read
/// after the content's row is locked: the content hidden or restored, the author blocked,
/// the open reports resolved, the decision logged for the queue and appended to the audit
/// log, the author told when their content is newly hidden — in one transaction.
enum ModerationService {
    static func decide(_ kind: ReportTarget, _ id: UUID, action: ModerationAction, reason: String, by moderator: User, app: Application) async throws {
        try await AuditLog.write(app, actor: moderator) { db in
            try await RowLock.lock(ModeratedContent.table(kind), id: id, on: db)
            guard let content = try await ModeratedContent.load(kind, id, on: db) else { throw Abort(.notFound) }
            let author = try await User.find(content.authorID, on: db)
            let decision = try ModerationDeciding.decide(action, reason: reason, content: .init(
                hidden: content.hiddenAt != nil, authorRole: author?.roleValue, authorBlocked: author?.blockedAt != nil)).get()
            let now = Date()
            if decision.hide { _ = try await content.hide(at: now, on: db) }
            if decision.restore { try await content.restore(on: db) }
            if decision.notifyAuthor { try await content.notifyHidden(on: db) }
            if decision.blockAuthor, let author {
                author.blockedAt = now
                try await author.save(on: db)
            }
            try await Report.query(on: db).filter(\.$targetKind == kind.rawValue).filter(\.$targetID == id).filter(\.$resolvedAt == nil)
                .set(\.$resolvedAt, to: now).update()
            try await ModerationDecision(target: kind, id: id, action: action, reason: decision.audit.after["reason"] ?? reason, moderatorID: moderator.id!).create(on: db)
            return ((), [.init(action: "moderate", objectKind: kind.rawValue, objectID: id, scope: id, decision.audit)])
        }
    }
}
