import Fluent
import SharakaCore
import Vapor

/// Officials report progress on a milestone: text, percentage, status change and
/// evidence. The milestone, the commitment's completion and the audit log change together.
enum ProgressController {
    @Sendable static func form(req: Request) async throws -> Response {
        let (milestone, commitment, plan) = try await reportable(req)
        return await req.render(ProgressPages.form(req.t, milestone: milestone, commitment: commitment, plan: plan,
                                                   form: ProgressForm(milestone), errors: [:]))
    }

    @Sendable static func report(req: Request) async throws -> Response {
        let (milestone, commitment, plan) = try await reportable(req)
        let user = try req.requireUser()
        let form = ProgressForm.read(req)
        var errors = form.validate(req.t)
        var evidence: ProgressService.Evidence?
        if errors.isEmpty, let upload = try? req.content.get(File.self, at: "evidence"), upload.data.readableBytes > 0 {
            do {
                let stored = try await req.application.fileStore.store(Data(buffer: upload.data), originalName: upload.filename,
                    allowed: Set(FileKind.allCases.filter(\.isEvidence)), maxBytes: req.settings.maxUploadBytes, on: req.db)
                evidence = .init(sha256: stored.id!, name: stored.attachmentName(upload.filename))
            } catch let e as FileUploadError {
                errors["evidence"] = e.message(req.t, maxBytes: req.settings.maxUploadBytes)
            }
        }
        if errors.isEmpty, let report = form.report {
            do {
                try await ProgressService.report(on: milestone.id!, report, file: evidence, link: form.link, by: user, app: req.application)
                req.flash(req.t(.saved))
                return req.redirect(to: SiteURL.commitment(commitment.id!).path(req.language) + "#milestone-\(milestone.id!)")
            } catch let refusal as MilestoneProgress.Refusal {
                let (field, message) = req.t.progressRefusal(refusal)
                errors[field] = message
            }
        }
        return await req.render(ProgressPages.form(req.t, milestone: milestone, commitment: commitment, plan: plan,
                                                   form: form, errors: errors, status: .unprocessableEntity))
    }

    /// One progress report with its evidence and the public's comments on it.
    @Sendable static func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let progress = try await ProgressPageQuery(id: id).run(on: req.sql),
              progress.planStatus.isPublic
        else { throw Abort(.notFound) }
        // Civil society's watchdog role: anyone with an account comments while the plan is open.
        let comments = try await CommentTargets.section(.progress, id, page: .progressUpdate(id), open: progress.planStatus != .closed, req)
        return await req.render(ProgressPages.show(req.t, progress, comments: comments))
    }

    /// The milestone, if the plan is running and the person may report on it.
    private static func reportable(_ req: Request) async throws -> (Milestone, Commitment, ActionPlan) {
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self), let milestone = try await Milestone.find(id, on: req.db),
              let commitment = try await Commitment.find(milestone.$commitment.id, on: req.db),
              let plan = try await ActionPlan.query(on: req.db).filter(\.$id == commitment.$plan.id).with(\.$adoptingBody).first()
        else { throw Abort(.notFound) }
        guard try await PlanAccess.canReport(user, milestone, plan: plan, on: req.db) else { throw Abort(.forbidden) }
        guard plan.statusValue.acceptsProgress else { throw Refusal(.conflict, .errPlanNotRunning) }
        return (milestone, commitment, plan)
    }
}
