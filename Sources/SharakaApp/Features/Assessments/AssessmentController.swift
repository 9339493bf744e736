import Fluent
import SharakaCore
import Vapor

/// Independent reviewers draft one assessment per commitment, then publish them
/// together as a dated report; published assessments no longer change.
enum AssessmentController {
    @Sendable static func workspace(req: Request) async throws -> Response {
        let reviewer = try reviewer(req)
        let plan = try await VisiblePlan.plan(req.parameters.get("id", as: UUID.self), req)
        let commitments = try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).sort(\.$position).sort(\.$reference).all()
        let drafts = try await Assessment.query(on: req.db).filter(\.$commitment.$id ~~ commitments.compactMap(\.id))
            .filter(\.$reviewer.$id == reviewer.id!).filter(\.$report.$id == nil).all()
        return await req.render(AssessmentPages.workspace(req.t, plan: plan, commitments: commitments,
                                                          drafted: Set(drafts.map { $0.$commitment.id }), errors: [:]))
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let reviewer = try reviewer(req)
        let (c, plan) = try await VisiblePlan.commitment(req)
        let draft = try await AssessmentService.draft(c.id!, reviewer.id!, on: req.db)
        return await req.render(AssessmentPages.form(req.t, commitment: c, plan: plan, form: draft.map(AssessmentForm.init) ?? AssessmentForm(), errors: [:]))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let reviewer = try reviewer(req)
        let (c, plan) = try await VisiblePlan.commitment(req)
        let form = AssessmentForm.read(req)
        let errors = form.validate(req.t)
        guard errors.isEmpty else {
            return await req.render(AssessmentPages.form(req.t, commitment: c, plan: plan, form: form, errors: errors, status: .unprocessableEntity))
        }
        try await AssessmentService.save(form, commitment: c.id!, by: reviewer, app: req.application)
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.planAssessment(plan.id!).path(req.language))
    }

    @Sendable static func publish(req: Request) async throws -> Response {
        let reviewer = try reviewer(req)
        let plan = try await VisiblePlan.plan(req.parameters.get("id", as: UUID.self), req)
        let title = (try? req.content.get(String.self, at: "title")) ?? ""
        do {
            let report = try await AssessmentService.publish(title: title, plan: plan.id!, by: reviewer, app: req.application)
            req.flash(req.t(.saved))
            return req.redirect(to: SiteURL.assessmentReport(report.id!).path(req.language))
        } catch let refusal as AssessmentPublication.Refusal {
            let commitments = try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).sort(\.$position).all()
            let drafts = try await AssessmentService.drafts(of: reviewer.id!, on: commitments.compactMap(\.id), on: req.db)
            let range = AssessmentPublication.titleLength
            let error = switch refusal {
            case .title(let p): req.t.problem(p, min: range.lowerBound, max: range.upperBound)
            case .noDrafts: req.t(.errNoDrafts)
            }
            return await req.render(AssessmentPages.workspace(req.t, plan: plan, commitments: commitments, drafted: Set(drafts.map { $0.$commitment.id }),
                                                              errors: ["title": error], title: title.trimmingCharacters(in: .whitespacesAndNewlines),
                                                              status: .unprocessableEntity))
        }
    }

    @Sendable static func reports(req: Request) async throws -> Response {
        let plan = try await VisiblePlan.view(req.parameters.get("id", as: UUID.self), req)
        return await req.render(AssessmentPages.reports(req.t, plan: plan, reports: try await AssessmentReportQuery.ofPlan(plan.id, on: req.sql)))
    }

    @Sendable static func report(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let found = try await AssessmentReportQuery.one(id, on: req.sql) else { throw Abort(.notFound) }
        let plan = try await VisiblePlan.view(found.report.planID, req)
        return await req.render(AssessmentPages.report(req.t, plan: plan, report: found.report, assessments: found.assessments))
    }

    private static func reviewer(_ req: Request) throws -> User {
        let user = try req.requireUser()
        guard Policy.allows(user.roleValue, .assess) else { throw Abort(.forbidden) }
        return user
    }
}
