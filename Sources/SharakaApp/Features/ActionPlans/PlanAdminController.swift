import Fluent
import SharakaCore
import Vapor

/// Officials of the adopting body write the plan: the pages and forms here; the writes are
/// `PlanService` and `CommitmentService` (audited, amendments once the plan is adopted).
enum PlanAdminController {
    // MARK: plans

    @Sendable static func newPlan(req: Request) async throws -> Response {
        let bodies = try await adoptingBodies(req)
        return await req.render(PlanAdminPages.planForm(req.t, plan: nil, form: PlanForm(), errors: [:], bodies: bodies, processes: try await processes(req)))
    }

    @Sendable static func createPlan(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let bodies = try await adoptingBodies(req), processes = try await processes(req)
        let form = PlanForm.read(req)
        let errors = form.validate(req.t, bodies: Set(bodies.map { $0.id!.uuidString }), processes: Set(processes.map { $0.id!.uuidString }))
        guard errors.isEmpty else {
            return await req.render(PlanAdminPages.planForm(req.t, plan: nil, form: form, errors: errors, bodies: bodies, processes: processes, status: .unprocessableEntity))
        }
        let id = try await PlanService.create(form, by: user, app: req.application)
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.plan(id).path(req.language))
    }

    @Sendable static func editPlan(req: Request) async throws -> Response {
        let plan = try await manageable(req.parameters.get("id", as: UUID.self), req)
        return await req.render(PlanAdminPages.planForm(req.t, plan: plan, form: PlanForm(plan), errors: [:], bodies: try await adoptingBodies(req, keeping: plan),
                                                        processes: try await processes(req)))
    }

    @Sendable static func updatePlan(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let plan = try await manageable(req.parameters.get("id", as: UUID.self), req)
        let bodies = try await adoptingBodies(req, keeping: plan), processes = try await processes(req)
        let form = PlanForm.read(req), reason = AmendmentReason.read(req)
        var errors = form.validate(req.t, bodies: Set(bodies.map { $0.id!.uuidString }), processes: Set(processes.map { $0.id!.uuidString }))
        if let saved = try await saving(req, &errors, plan: plan, {
            try await PlanService.update(plan.id!, form, reason: reason, by: user, app: req.application)
            return SiteURL.plan(plan.id!).path(req.language)
        }) { return saved }
        return await req.render(PlanAdminPages.planForm(req.t, plan: plan, form: form, errors: errors, bodies: bodies, processes: processes,
                                                        reason: reason, status: .unprocessableEntity))
    }

    /// Moves the plan along its lifecycle; the moves that cannot be undone are confirmed and
    /// record their decision (`PlanLifecycle`). A refusal comes back to the plan page, with
    /// what was typed.
    @Sendable static func changeStatus(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let plan = try await manageable(req.parameters.get("id", as: UUID.self), req)
        guard let target = (try? req.content.get(String.self, at: "status")).flatMap(PlanStatus.init(rawValue:)) else {
            throw Refusal(.unprocessableEntity, .errStatusMove)
        }
        let decision = req.formText("decision"), confirmed = req.formText("confirm") == "yes"
        do {
            try await PlanService.move(plan.id!, to: target, confirmed: confirmed, decision: decision, adoptionLabel: req.t(.revisionAdoption),
                                       by: user, app: req.application)
        } catch let refusal as PlanRefusal {
            let (field, message) = req.t.planRefusal(refusal, plan: plan)
            return try await PlanController.showPlan(plan.id!, req, move: .init(target: target, decision: decision, errors: [field: message]))
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.plan(plan.id!).path(req.language))
    }

    /// Attaches a document to the plan (checked by content, 20 MB at most).
    @Sendable static func addDocument(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let plan = try await manageable(req.parameters.get("id", as: UUID.self), req)
        // A missing, unknown or too large file comes back on the plan page, beside the field.
        guard let upload = try? req.content.get(File.self, at: "document"), upload.data.readableBytes > 0 else {
            return try await PlanController.showPlan(plan.id!, req, documentError: req.t(.errFileMissing))
        }
        let stored: StoredFile
        do {
            stored = try await req.application.fileStore.store(Data(buffer: upload.data), originalName: upload.filename,
                allowed: Set(FileKind.allCases.filter(\.isEvidence)), maxBytes: req.settings.maxUploadBytes, on: req.db)
        } catch let e as FileUploadError {
            return try await PlanController.showPlan(plan.id!, req, documentError: e.message(req.t, maxBytes: req.settings.maxUploadBytes))
        }
        try await PlanService.addDocument(plan.id!, name: stored.attachmentName(upload.filename), sha256: stored.id!, by: user, app: req.application)
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.plan(plan.id!).path(req.language) + "#documents")
    }

    // MARK: revisions

    @Sendable static func revisions(req: Request) async throws -> Response {
        let plan = try await VisiblePlan.plan(req.parameters.get("id", as: UUID.self), req)
        let revisions = try await PlanRevision.query(on: req.db).filter(\.$plan.$id == plan.id!).with(\.$author).sort(\.$number, .descending).all()
        return await req.render(PlanAdminPages.revisions(req.t, plan: plan, revisions: revisions))
    }

    @Sendable static func compare(req: Request) async throws -> Response {
        let plan = try await VisiblePlan.plan(req.parameters.get("id", as: UUID.self), req)
        guard let from = try? req.query.get(Int.self, at: "from"), let to = try? req.query.get(Int.self, at: "to"),
              let old = try await PlanRevision.query(on: req.db).filter(\.$plan.$id == plan.id!).filter(\.$number == from).first(),
              let new = try await PlanRevision.query(on: req.db).filter(\.$plan.$id == plan.id!).filter(\.$number == to).first()
        else { throw Abort(.notFound) }
        let changes = RevisionDiff.compare(old.snapshot.pairs, new.snapshot.pairs)
        let fields = changes.flatMap { change -> [(kind: String, key: String, value: String)] in
            let path = RevisionPath(change.path)
            return change.values.map { (path.kind, path.key, $0) }
        }
        let reading = HistoryReading(t: req.t, names: try await HistoryNames.read(objects: [], fields: fields, on: req.sql),
                                     provinces: try await ProvinceList.names(on: req.sql))
        return await req.render(PlanAdminPages.compare(req.t, plan: plan, from: old, to: new, changes: changes, reading: reading))
    }

    // MARK: commitments

    @Sendable static func newCommitment(req: Request) async throws -> Response {
        let plan = try await manageable(req.parameters.get("id", as: UUID.self), req)
        let ctx = try await commitmentContext(plan, req)
        return await req.render(PlanAdminPages.commitmentForm(req.t, plan: plan, commitment: nil, form: CommitmentForm(), errors: [:], ctx: ctx))
    }

    @Sendable static func createCommitment(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let plan = try await manageable(req.parameters.get("id", as: UUID.self), req)
        let ctx = try await commitmentContext(plan, req)
        let form = CommitmentForm.read(req), reason = AmendmentReason.read(req)
        let siblings = try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).all()
        var errors = form.validate(req.t, takenReferences: Set(siblings.map(\.reference)), provinces: ctx.provinceCodes, organisations: ctx.organisationIDs,
                                   proposals: ctx.proposalIDs, otherBudgets: siblings.compactMap(\.budget), limits: req.settings.budgetLimits)
        if let saved = try await saving(req, &errors, plan: plan, duplicateReference: true, {
            let id = try await CommitmentService.create(in: plan.id!, form, reason: reason, limits: req.settings.budgetLimits, by: user, app: req.application)
            return SiteURL.commitment(id).path(req.language)
        }) { return saved }
        return await req.render(PlanAdminPages.commitmentForm(req.t, plan: plan, commitment: nil, form: form, errors: errors, ctx: ctx,
                                                              reason: reason, status: .unprocessableEntity))
    }

    @Sendable static func editCommitment(req: Request) async throws -> Response {
        let (c, plan) = try await manageableCommitment(req)
        let linked = try await CommitmentProposal.query(on: req.db).filter(\.$commitment.$id == c.id!).all(\.$proposal.$id)
        return await req.render(PlanAdminPages.commitmentForm(req.t, plan: plan, commitment: c, form: CommitmentForm(c, proposals: linked), errors: [:],
                                                              ctx: try await commitmentContext(plan, req, linked: Set(linked))))
    }

    @Sendable static func updateCommitment(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (c, plan) = try await manageableCommitment(req)
        let linked = try await CommitmentProposal.query(on: req.db).filter(\.$commitment.$id == c.id!).all(\.$proposal.$id)
        let ctx = try await commitmentContext(plan, req, linked: Set(linked))
        let form = CommitmentForm.read(req), reason = AmendmentReason.read(req)
        let siblings = try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).filter(\.$id != c.id!).all()
        var errors = form.validate(req.t, takenReferences: Set(siblings.map(\.reference)), provinces: ctx.provinceCodes, organisations: ctx.organisationIDs,
                                   proposals: ctx.proposalIDs, otherBudgets: siblings.compactMap(\.budget), limits: req.settings.budgetLimits)
        if let saved = try await saving(req, &errors, plan: plan, duplicateReference: true, {
            try await CommitmentService.update(c.id!, form, reason: reason, limits: req.settings.budgetLimits, by: user, app: req.application)
            return SiteURL.commitment(c.id!).path(req.language)
        }) { return saved }
        return await req.render(PlanAdminPages.commitmentForm(req.t, plan: plan, commitment: c, form: form, errors: errors, ctx: ctx,
                                                              reason: reason, status: .unprocessableEntity))
    }

    // MARK: milestones

    @Sendable static func newMilestone(req: Request) async throws -> Response {
        let (c, plan) = try await manageableCommitment(req)
        return await req.render(PlanAdminPages.milestoneForm(req.t, plan: plan, commitment: c, milestone: nil, form: MilestoneForm(), errors: [:],
                                                             organisations: try await publicBodies(req)))
    }

    @Sendable static func createMilestone(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (c, plan) = try await manageableCommitment(req)
        let organisations = try await publicBodies(req)
        let form = MilestoneForm.read(req), reason = AmendmentReason.read(req)
        var errors = form.validate(req.t, organisations: Set(organisations.map { $0.id!.uuidString }))
        if let saved = try await saving(req, &errors, plan: plan, commitment: c, {
            let id = try await CommitmentService.createMilestone(in: c.id!, form, reason: reason, by: user, app: req.application)
            return SiteURL.commitment(c.id!).path(req.language) + "#milestone-\(id)"
        }) { return saved }
        return await req.render(PlanAdminPages.milestoneForm(req.t, plan: plan, commitment: c, milestone: nil, form: form, errors: errors,
                                                             organisations: organisations, reason: reason, status: .unprocessableEntity))
    }

    @Sendable static func editMilestone(req: Request) async throws -> Response {
        let (m, c, plan) = try await manageableMilestone(req)
        return await req.render(PlanAdminPages.milestoneForm(req.t, plan: plan, commitment: c, milestone: m, form: MilestoneForm(m), errors: [:],
                                                             organisations: try await publicBodies(req)))
    }

    @Sendable static func updateMilestone(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (m, c, plan) = try await manageableMilestone(req)
        let organisations = try await publicBodies(req)
        let form = MilestoneForm.read(req), reason = AmendmentReason.read(req)
        var errors = form.validate(req.t, organisations: Set(organisations.map { $0.id!.uuidString }))
        if let saved = try await saving(req, &errors, plan: plan, commitment: c, {
            try await CommitmentService.updateMilestone(m.id!, form, reason: reason, by: user, app: req.application)
            return SiteURL.commitment(c.id!).path(req.language) + "#milestone-\(m.id!)"
        }) { return saved }
        return await req.render(PlanAdminPages.milestoneForm(req.t, plan: plan, commitment: c, milestone: m, form: form, errors: errors,
                                                             organisations: organisations, reason: reason, status: .unprocessableEntity))
    }

    // MARK: helpers

    /// Runs a write of the plan once the form is valid: success flashes and returns to `path`;
    /// a refusal is put next to its field in `errors`, and the caller draws the form again.
    private static func saving(_ req: Request, _ errors: inout [String: String], plan: ActionPlan, commitment: Commitment? = nil,
                               duplicateReference: Bool = false, _ write: () async throws -> String) async throws -> Response? {
        guard errors.isEmpty else { return nil }
        do {
            let path = try await write()
            req.flash(req.t(.saved))
            return req.redirect(to: path)
        } catch let refusal as PlanRefusal {
            let (field, message) = req.t.planRefusal(refusal, plan: plan, commitment: commitment, limits: req.settings.budgetLimits)
            errors[field] = message
        } catch let error as any DatabaseError where duplicateReference && error.isConstraintFailure {
            // A double submit, or a colleague taking the reference meanwhile: the unique key decided.
            errors["reference"] = req.t(.errReference)
        }
        return nil
    }

    struct CommitmentContext {
        let provinces: [Province]
        let organisations: [Organisation]
        let proposals: [ProposalCandidates.Item]
        var provinceCodes: Set<String> { Set(provinces.map(\.code)) }
        var organisationIDs: Set<String> { Set(organisations.map { $0.id!.uuidString }) }
        var proposalIDs: Set<String> { Set(proposals.map(\.id.uuidString)) }
    }

    /// `linked`: the proposals the commitment takes up already, kept in the list even if withdrawn since.
    private static func commitmentContext(_ plan: ActionPlan, _ req: Request, linked: Set<UUID> = []) async throws -> CommitmentContext {
        var proposals: [ProposalCandidates.Item] = []
        if let pid = plan.$process.id {
            proposals = try await ProposalCandidates.of(process: pid, keeping: linked, on: req.sql)
        }
        return CommitmentContext(provinces: try await Province.query(on: req.db).sort(\.$code).all(), organisations: try await publicBodies(req), proposals: proposals)
    }

    private static func manageable(_ id: UUID?, _ req: Request) async throws -> ActionPlan {
        let user = try req.requireUser()
        guard let id, let plan = try await ActionPlan.query(on: req.db).filter(\.$id == id).with(\.$adoptingBody).first() else { throw Abort(.notFound) }
        guard try await PlanAccess.canManage(user, plan, on: req.db) else { throw Abort(.forbidden) }
        guard plan.statusValue != .closed else { throw Refusal(.conflict, .errPlanClosed) }
        return plan
    }

    private static func manageableCommitment(_ req: Request) async throws -> (Commitment, ActionPlan) {
        guard let id = req.parameters.get("id", as: UUID.self), let c = try await Commitment.find(id, on: req.db) else { throw Abort(.notFound) }
        return (c, try await manageable(c.$plan.id, req))
    }

    private static func manageableMilestone(_ req: Request) async throws -> (Milestone, Commitment, ActionPlan) {
        guard let id = req.parameters.get("id", as: UUID.self), let m = try await Milestone.find(id, on: req.db),
              let c = try await Commitment.find(m.$commitment.id, on: req.db) else { throw Abort(.notFound) }
        return (m, c, try await manageable(c.$plan.id, req))
    }

    /// Bodies the person may adopt a plan for (the same rule as organising a process).
    private static func adoptingBodies(_ req: Request, keeping plan: ActionPlan? = nil) async throws -> [Organisation] {
        let user = try req.requireUser()
        var bodies = try await ProcessAccess.organisers(for: user, on: req.db)
        if bodies.isEmpty && plan == nil { throw Abort(.forbidden) }
        if let plan, !bodies.contains(where: { $0.id == plan.$adoptingBody.id }) { bodies.append(plan.adoptingBody) }
        return bodies
    }

    private static func publicBodies(_ req: Request) async throws -> [Organisation] {
        try await Organisation.query(on: req.db).filter(\.$sector ~~ Sector.allCases.filter(\.isPublicBody).map(\.rawValue)).sort(\.$searchText).all()
    }

    private static func processes(_ req: Request) async throws -> [ParticipatoryProcess] {
        try await ParticipatoryProcess.query(on: req.db).filter(\.$status != ProcessStatus.draft.rawValue).sort(\.$createdAt, .descending).all()
    }
}
