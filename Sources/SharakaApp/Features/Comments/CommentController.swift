import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Writing, editing, deleting and voting on comments. Each action returns to the
/// page the comment belongs to.
enum CommentController {
    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let kind = try? req.content.get(String.self, at: "target_kind"), targetID = try? req.content.get(String.self, at: "target_id")
        let parentID = try? req.content.get(String.self, at: "parent_id"), alignment = try? req.content.get(String.self, at: "alignment")
        let body = (try? req.content.get(String.self, at: "body")) ?? ""
        switch try await CommentService.post(req, by: user, kind: kind, targetID: targetID, parentID: parentID, body: body, alignment: alignment) {
        case .badBody(let p, let target):
            // The target was found, so its kind and id are those sent.
            return await req.render(CommentViews.retryPage(req.t, kind: kind ?? "", targetID: targetID ?? "", parentID: parentID.flatMap { $0.isEmpty ? nil : $0 },
                                                           body: body, alignment: alignment, back: target.path(req.language),
                                                           error: req.t.problem(p, min: CommentRules.bodyLength.lowerBound, max: CommentRules.bodyLength.upperBound)))
        case .posted(let comment, let target):
            req.flash(req.t(.commentPublished))
            return req.redirect(to: target.path(req.language) + "#comment-\(comment.id!)")
        }
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let (comment, target) = try await own(req)
        return await req.render(CommentViews.editPage(req.t, comment: comment, back: target.path(req.language), error: nil))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (comment, target) = try await own(req)
        let body = req.formText("body")
        if let p = CommentRules.checkBody(body) {
            comment.body = body
            return await req.render(CommentViews.editPage(req.t, comment: comment, back: target.path(req.language),
                                                          error: req.t.problem(p, min: CommentRules.bodyLength.lowerBound, max: CommentRules.bodyLength.upperBound)))
        }
        if body != comment.body {
            comment.body = body
            comment.editedAt = Date()
            try await req.db.transaction { db in
                try await comment.save(on: db)
                try await SearchIndex.refresh(.comment, comment.id!, on: db)
            }
        }
        return req.redirect(to: target.path(req.language) + "#comment-\(comment.id!)")
    }

    /// The text goes; the place in the thread stays, marked "deleted", so replies keep their context.
    @Sendable static func delete(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self), let comment = try await Comment.find(id, on: req.db), !comment.isDeleted else { throw Abort(.notFound) }
        guard Policy.mayRemove(user.roleValue, isAuthor: comment.$author.id == user.id) else { throw Abort(.forbidden) }
        let target = try await CommentTargets.load(Comment.Target(rawValue: comment.targetKind)!, comment.targetID, req)
        guard (try? req.content.get(String.self, at: "confirm")) == "yes" else {
            req.flashProblem(req.t(.errConfirmDelete))
            return req.redirect(to: SiteURL.commentEdit(id).path(req.language))
        }
        try await req.db.transaction { db in
            comment.body = ""
            comment.deletedAt = Date()
            try await comment.save(on: db)
            try await SearchIndex.remove(.comment, comment.id!, on: db)
            if comment.targetKind == Comment.Target.proposal.rawValue {
                try await (db as! any SQLDatabase).raw("UPDATE proposals SET comments_count = comments_count - 1 WHERE id = \(bind: comment.targetID) AND comments_count > 0").run()
            }
        }
        req.flash(req.t(.commentDeleted))
        return req.redirect(to: target.path(req.language) + "#comments")
    }

    /// One vote per account and comment (unique pair); voting the other way moves the vote.
    @Sendable static func vote(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self), let comment = try await Comment.find(id, on: req.db), !comment.isDeleted else { throw Abort(.notFound) }
        guard comment.$author.id != user.id else { throw Refusal(.unprocessableEntity, .refusalOwnComment) }
        let value = (try? req.content.get(String.self, at: "value")) == "down" ? -1 : 1
        let target = try await CommentTargets.load(Comment.Target(rawValue: comment.targetKind)!, comment.targetID, req)
        try await req.db.transaction { db in
            let sql = db as! any SQLDatabase
            let previous = try await CommentVote.query(on: db).filter(\.$comment.$id == id).filter(\.$user.$id == user.id!).first()
            if previous?.value == value { return }
            if let previous {
                previous.value = value
                try await previous.save(on: db)
            } else {
                try await CommentVote(commentID: id, userID: user.id!, value: value).create(on: db)
            }
            let up = value == 1 ? 1 : (previous == nil ? 0 : -1)
            let down = value == -1 ? 1 : (previous == nil ? 0 : -1)
            try await sql.raw("UPDATE comments SET up_votes = up_votes + \(bind: up), down_votes = down_votes + \(bind: down) WHERE id = \(bind: id)").run()
        }
        req.flash(req.t(.commentVoted))
        return req.redirect(to: target.path(req.language) + "#comment-\(id)")
    }

    private static func own(_ req: Request) async throws -> (Comment, CommentTargets.Target) {
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self), let comment = try await Comment.find(id, on: req.db), !comment.isDeleted else { throw Abort(.notFound) }
        guard comment.$author.id == user.id else { throw Abort(.forbidden) }
        return (comment, try await CommentTargets.load(Comment.Target(rawValue: comment.targetKind)!, comment.targetID, req))
    }
}

/// What a comment hangs on: where its page is and whether it takes comments now.
enum CommentTargets {
    struct Target {
        let url: SiteURL
        let open: Bool
        let follow: FollowTarget
        let title: String
        /// What followers follow when it is not the commented object itself (a progress
        /// report's comments go to the commitment's followers).
        var followID: UUID? = nil
        func path(_ language: Language) -> String { url.path(language) }
    }

    static func load(_ kind: Comment.Target, _ id: UUID, _ req: Request) async throws -> Target {
        let today = Day(Date())
        switch kind {
        case .process:
            guard let p = try await ParticipatoryProcess.query(on: req.db).filter(\.$id == id).with(\.$phases).first(), p.statusValue.isPublic else { throw Abort(.notFound) }
            return Target(url: .process(id), open: p.timeline.allows(.comment, on: today, status: p.statusValue), follow: .process,
                          title: p.title.resolve(for: req.language)?.text ?? "")
        case .proposal:
            guard let proposal = try await Proposal.find(id, on: req.db),
                  let p = try await ParticipatoryProcess.query(on: req.db).filter(\.$id == proposal.$process.id).with(\.$phases).first(), p.statusValue.isPublic
            else { throw Abort(.notFound) }
            return Target(url: .proposal(id), open: p.timeline.allows(.comment, on: today, status: p.statusValue) && proposal.hiddenAt == nil,
                          follow: .proposal, title: proposal.title)
        case .meeting:
            guard let m = try await Meeting.find(id, on: req.db),
                  let p = try await ParticipatoryProcess.find(m.$process.id, on: req.db), p.statusValue.isPublic
            else { throw Abort(.notFound) }
            return Target(url: .meeting(id), open: p.statusValue == .published, follow: .meeting, title: m.title.resolve(for: req.language)?.text ?? "")
        case .progress:
            // Civil society's watchdog role: anyone with an account comments on a progress report of a public plan.
            guard let u = try await ProgressUpdate.find(id, on: req.db), let c = try await Commitment.find(u.$commitment.id, on: req.db),
                  let plan = try await ActionPlan.find(c.$plan.id, on: req.db), plan.statusValue.isPublic
            else { throw Abort(.notFound) }
            return Target(url: .progressUpdate(id), open: plan.statusValue != .closed, follow: .commitment, title: "\(c.reference) — \(u.reportedOn)",
                          followID: c.id!)
        }
    }

    /// Everything the comment section of a page needs: the page of the thread, and the
    /// viewer's votes when signed in (`CommentThreadQuery`).
    static func section(_ kind: Comment.Target, _ id: UUID, page: SiteURL, open: Bool, _ req: Request) async throws -> CommentViews.Section {
        let order = (try? req.query.get(String.self, at: "comments")).flatMap(CommentOrder.init(rawValue:)) ?? .oldest
        let query = CommentThreadQuery(kind: kind, target: id, order: order)
        let sql = req.db as! any SQLDatabase
        let thread = try await query.page(try? req.query.get(Int.self, at: "comments_page"), on: sql)
        var votes: [UUID: Int] = [:]
        if let viewer = req.currentUser, !thread.items.isEmpty { votes = try await query.votes(of: viewer.id!, on: sql) }
        return .init(kind: kind, targetID: id, page: page, result: thread, order: order, open: open, viewer: req.currentUser, votes: votes)
    }
}
