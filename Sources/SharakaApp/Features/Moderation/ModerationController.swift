import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Reports from anyone with an account, the moderators' queue, and their logged decisions.
enum ModerationController {
    @Sendable static func report(req: Request) async throws -> Response {
        try req.require(.report)
        let user = try req.requireUser()
        guard let kind = (try? req.content.get(String.self, at: "target_kind")).flatMap(ReportTarget.init(rawValue:)),
              let id = (try? req.content.get(String.self, at: "target_id")).flatMap(UUID.init(uuidString:))
        else { throw Abort(.badRequest) }
        guard let content = try await ModeratedContent.load(kind, id, on: req.db) else { throw Abort(.notFound) }
        let back = content.page.path(req.language) + content.anchor
        guard content.authorID != user.id else { throw Refusal(.unprocessableEntity, .errReportOwn) }
        var attempt = ModerationPages.ReportAttempt(reason: (try? req.content.get(String.self, at: "reason")) ?? "",
                                                    details: (try? req.content.get(String.self, at: "details")) ?? "")
        let reason = ReportReason(rawValue: attempt.reason)
        if reason == nil { attempt.errors["reason"] = req.t(.errUnknownChoice) }
        let details = attempt.details.trimmingCharacters(in: .whitespacesAndNewlines)
        if let p = AccountRules.checkText(details, length: ModerationRules.detailsLength, required: false) {
            attempt.errors["details"] = req.t.problem(p, max: ModerationRules.detailsLength.upperBound)
        }
        guard let reason, attempt.errors.isEmpty else {
            return await req.render(ModerationPages.refusedReport(req.t, content, attempt: attempt))
        }
        do {
            try await req.db.transaction { db in
                try await Report(target: kind, id: id, reporterID: user.id!, reason: reason, details: details).create(on: db)
                let open = try await Report.query(on: db).filter(\.$targetKind == kind.rawValue).filter(\.$targetID == id).filter(\.$resolvedAt == nil).count()
                if ModerationRules.shouldAutoHide(distinctReporters: open, alreadyHidden: content.hiddenAt != nil),
                   try await content.hide(at: Date(), on: db) {
                    try await ModerationDecision(target: kind, id: id, action: .hide, reason: "auto: \(open) reports", moderatorID: nil).create(on: db)
                    try await content.notifyHidden(on: db)
                }
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            req.flashProblem(req.t(.reportAlready))
            return req.redirect(to: back)
        }
        req.flash(req.t(.reportDone))
        return req.redirect(to: back)
    }

    @Sendable static func queue(req: Request) async throws -> Response {
        try req.require(.moderate)
        let page = PageRequest(page: try? req.query.get(Int.self, at: "page"), per: 20)
        // Open reports grouped by content, the most reported first.
        let sql = req.db as! any SQLDatabase
        let groups = try await sql.raw("""
            SELECT target_kind, target_id, COUNT(*) AS n, MIN(created_at) AS first_at FROM reports WHERE resolved_at IS NULL
            GROUP BY target_kind, target_id ORDER BY n DESC, first_at ASC
            LIMIT \(unsafeRaw: String(page.per)) OFFSET \(unsafeRaw: String(page.offset))
            """).all()
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM (SELECT 1 FROM reports WHERE resolved_at IS NULL GROUP BY target_kind, target_id) AS g").first()
            .map { try $0.decode(column: "n", as: Int.self) } ?? 0
        // The page's contents, their open reports and their authors: a statement each, however many.
        let keys = try groups.compactMap { row -> ModeratedContent.Key? in
            guard let kind = ReportTarget(rawValue: try row.decode(column: "target_kind", as: String.self)) else { return nil }
            return .init(kind: kind, id: try row.decode(column: "target_id", as: UUID.self))
        }
        let contents = try await ModeratedContent.loadAll(keys, on: req.db)
        let reports = keys.isEmpty ? [:] : Dictionary(grouping: try await Report.query(on: req.db).filter(\.$targetID ~~ keys.map(\.id))
            .filter(\.$resolvedAt == nil).sort(\.$createdAt).all()) { ModeratedContent.Key(kind: ReportTarget(rawValue: $0.targetKind) ?? .proposal, id: $0.targetID) }
        let authorIDs = Array(Set(contents.values.map(\.authorID)))
        let authors = authorIDs.isEmpty ? [:] : Dictionary(try await User.query(on: req.db).filter(\.$id ~~ authorIDs).all().map { ($0.id!, $0) },
                                                           uniquingKeysWith: { a, _ in a })
        let items: [ModerationPages.Item] = keys.compactMap { key in
            contents[key].map { .init(content: $0, reports: reports[key] ?? [], author: authors[$0.authorID]) }
        }
        let log = try await ModerationDecision.query(on: req.db).with(\.$moderator).sort(\.$createdAt, .descending).limit(30).all()
        return await req.render(ModerationPages.queue(req.t, items: items, total: total, page: page, log: log))
    }

    /// Hide, restore or block, always with a reason; resolves the open reports.
    @Sendable static func decide(req: Request) async throws -> Response {
        try req.require(.moderate)
        let moderator = try req.requireUser()
        guard let kind = (try? req.content.get(String.self, at: "target_kind")).flatMap(ReportTarget.init(rawValue:)),
              let id = req.parameters.get("id", as: UUID.self)
        else { throw Abort(.badRequest) }
        guard let action = (try? req.content.get(String.self, at: "action")).flatMap(ModerationAction.init(rawValue:)) else {
            throw Refusal(.unprocessableEntity, .errUnknownChoice)
        }
        do {
            try await ModerationService.decide(kind, id, action: action, reason: (try? req.content.get(String.self, at: "reason")) ?? "", by: moderator, app: req.application)
        } catch let refusal as ModerationDeciding.Refusal {
            switch refusal {
            case .reason(let p):
                let range = ModerationRules.decisionReasonLength
                req.flashProblem(req.t(.fieldDecisionReason) + " : " + req.t.problem(p, min: range.lowerBound, max: range.upperBound))
                return req.redirect(to: SiteURL.moderation.path(req.language))
            case .authorNotBlockable: throw Abort(.forbidden)
            }
        }
        req.flash(req.t(.moderationDone))
        return req.redirect(to: SiteURL.moderation.path(req.language))
    }
}
