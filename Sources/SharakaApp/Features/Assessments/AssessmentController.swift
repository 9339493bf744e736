import Fluent
import SharakaCore
import Vapor

/// Independent reviewers draft one assessment per commitment, then publish them
/// together as a dated report; published assessments no longer change.
enum AssessmentController {
    @Sendable static func workspace(req: Request) async throws -> Response {
        let reviewer = try reviewer(req)
        let plan = try await PlanController.visiblePlan(req.parameters.get("id", as: UUID.self), req)
        let commitments = try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).sort(\.$position).sort(\.$reference).all()
        let drafts = try await Assessment.query(on: req.db).filter(\.$commitment.$id ~~ commitments.compactMap(\.id))
            .filter(\.$reviewer.$id == reviewer.id!).filter(\.$report.$id == nil).all()
        return await req.render(AssessmentPages.workspace(req.t, plan: plan, commitments: commitments,
                                                          drafted: Set(drafts.map { $0.$commitment.id }), errors: [:]))
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let reviewer = try reviewer(req)
        let (c, plan) = try await PlanController.visibleCommitment(req)
        let draft = try await draft(c, reviewer, on: req.db)
        return await req.render(AssessmentPages.form(req.t, commitment: c, plan: plan, form: draft.map(AssessmentForm.init) ?? AssessmentForm(), errors: [:]))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let reviewer = try reviewer(req)
        let (c, plan) = try await PlanController.visibleCommitment(req)
        let form = AssessmentForm.read(req)
        let errors = form.validate(req.t)
        guard errors.isEmpty else {
            return await req.render(AssessmentPages.form(req.t, commitment: c, plan: plan, form: form, errors: errors, status: .unprocessableEntity))
        }
        let existing = try await draft(c, reviewer, on: req.db)
        try await AuditLog.write(req.application, actor: reviewer) { db in
            let a = existing ?? Assessment()
            let before = existing.map(AssessmentForm.fields) ?? [:]
            form.apply(to: a)
            a.$commitment.id = c.id!; a.$reviewer.id = reviewer.id!
            try await a.save(on: db)
            return ((), [.init(action: existing == nil ? "create" : "update", objectKind: "assessment", objectID: a.id!, scope: c.id!,
                               before: before, after: AssessmentForm.fields(a))])
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.planAssessment(plan.id!).path(req.language))
    }

    @Sendable static func publish(req: Request) async throws -> Response {
        let reviewer = try reviewer(req)
        let plan = try await PlanController.visiblePlan(req.parameters.get("id", as: UUID.self), req)
        let title = ((try? req.content.get(String.self, at: "title")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let commitments = try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).sort(\.$position).all()
        let drafts = try await Assessment.query(on: req.db).filter(\.$commitment.$id ~~ commitments.compactMap(\.id))
            .filter(\.$reviewer.$id == reviewer.id!).filter(\.$report.$id == nil).all()
        var errors: [String: String] = [:]
        if let p = AccountRules.checkText(title, length: 5...200) { errors["title"] = req.t.problem(p, min: 5, max: 200) }
        if drafts.isEmpty { errors["title"] = req.t(.errNoDrafts) }
        guard errors.isEmpty else {
            return await req.render(AssessmentPages.workspace(req.t, plan: plan, commitments: commitments, drafted: Set(drafts.map { $0.$commitment.id }),
                                                              errors: errors, title: title, status: .unprocessableEntity))
        }
        let report = try await AuditLog.write(req.application, actor: reviewer) { db in
            let report = AssessmentReport()
            report.title = title; report.publishedAt = Date(); report.$plan.id = plan.id!; report.$reviewer.id = reviewer.id!
            try await report.create(on: db)
            var changes: [AuditLog.Change] = []
            for a in drafts {
                a.$report.id = report.id!
                try await a.save(on: db)
                changes.append(.init(action: "publish", objectKind: "assessment", objectID: a.id!, scope: a.$commitment.id,
                                     before: ["report": ""], after: ["report": report.id!.uuidString, "title": title]))
            }
            return (report, changes)
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.assessmentReport(report.id!).path(req.language))
    }

    @Sendable static func reports(req: Request) async throws -> Response {
        let plan = try await PlanController.visiblePlanView(req.parameters.get("id", as: UUID.self), req)
        return await req.render(AssessmentPages.reports(req.t, plan: plan, reports: try await AssessmentReportQuery.ofPlan(plan.id, on: req.sql)))
    }

    @Sendable static func report(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let found = try await AssessmentReportQuery.one(id, on: req.sql) else { throw Abort(.notFound) }
        let plan = try await PlanController.visiblePlanView(found.report.planID, req)
        return await req.render(AssessmentPages.report(req.t, plan: plan, report: found.report, assessments: found.assessments))
    }

    private static func reviewer(_ req: Request) throws -> User {
        let user = try req.requireUser()
        guard Policy.allows(user.roleValue, .assess) else { throw Abort(.forbidden) }
        return user
    }

    private static func draft(_ c: Commitment, _ reviewer: User, on db: any Database) async throws -> Assessment? {
        try await Assessment.query(on: db).filter(\.$commitment.$id == c.id!).filter(\.$reviewer.$id == reviewer.id!).filter(\.$report.$id == nil).first()
    }
}
