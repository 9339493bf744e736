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
        var errors = form.validate(req.t, current: milestone.statusValue, today: Day(Date()))
        var evidenceFile: (sha: String, name: String)?
        if errors.isEmpty, let upload = try? req.content.get(File.self, at: "evidence"), upload.data.readableBytes > 0 {
            do {
                let stored = try await req.application.fileStore.store(Data(buffer: upload.data), originalName: upload.filename,
                    allowed: Set(FileKind.allCases.filter(\.isEvidence)), maxBytes: req.settings.maxUploadBytes, on: req.db)
                evidenceFile = (stored.id!, stored.attachmentName(upload.filename))
            } catch let e as FileUploadError {
                errors["evidence"] = e.message(req.t, maxBytes: req.settings.maxUploadBytes)
            }
        }
        guard errors.isEmpty else {
            return await req.render(ProgressPages.form(req.t, milestone: milestone, commitment: commitment, plan: plan,
                                                       form: form, errors: errors, status: .unprocessableEntity))
        }
        let file = evidenceFile
        try await AuditLog.write(req.application, actor: user) { db in
            let before = MonitoringAudit.fields(milestone)
            let beforeCompletion = commitment.completion
            let update = ProgressUpdate()
            update.createdAt = Date(); update.reportedOn = form.reportedOn; update.text = form.text
            update.statusBefore = milestone.status; update.statusAfter = form.status!.rawValue
            update.$milestone.id = milestone.id!; update.$commitment.id = commitment.id!; update.$author.id = user.id!

            milestone.status = form.status!.rawValue
            milestone.percent = form.status == .completed ? 100 : form.percentValue!
            update.percent = milestone.percent   // what was recorded, not what was typed
            if form.status == .cancelled { milestone.cancelReason = form.cancelReason }
            try await milestone.save(on: db)
            let all = try await Milestone.query(on: db).filter(\.$commitment.$id == commitment.id!).all()
            commitment.completion = Completion.percent(all.map(\.facts))
            try await commitment.save(on: db)
            update.commitmentCompletion = commitment.completion
            try await update.create(on: db)
            var evidence: [String] = []
            if let file {
                let e = ProgressEvidence(); e.$update.id = update.id!; e.name = file.name; e.fileSHA256 = file.sha; e.url = ""
                try await e.create(on: db); evidence.append(file.sha)
            }
            if !form.link.isEmpty {
                let e = ProgressEvidence(); e.$update.id = update.id!; e.name = form.link; e.fileSHA256 = nil; e.url = form.link
                try await e.create(on: db); evidence.append(form.link)
            }
            var after = MonitoringAudit.fields(milestone)
            after["report"] = form.text
            if !evidence.isEmpty { after["evidence"] = evidence.joined(separator: " ") }
            return ((), [
                .init(action: "progress", objectKind: "milestone", objectID: milestone.id!, scope: commitment.id!, before: before, after: after),
                .init(action: "completion", objectKind: "commitment", objectID: commitment.id!, scope: commitment.id!,
                      before: ["completion": String(beforeCompletion)], after: ["completion": String(commitment.completion)]),
            ])
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.commitment(commitment.id!).path(req.language) + "#milestone-\(milestone.id!)")
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

/// The audited fields of monitoring objects, as text.
enum MonitoringAudit {
    static func fields(_ m: Milestone) -> [String: String] {
        ["status": m.status, "percent": String(m.percent), "cancel_reason": m.cancelReason]
    }
}
