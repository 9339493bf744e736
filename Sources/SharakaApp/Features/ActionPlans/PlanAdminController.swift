import Fluent
import SharakaCore
import Vapor

/// Officials of the adopting body write the plan. Every write is audited; once the plan
/// is adopted, every write is an amendment with a reason and a new revision.
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
        let plan = ActionPlan()
        form.apply(to: plan)
        plan.status = PlanStatus.draft.rawValue; plan.revision = 0; plan.member = ""; plan.sourceURL = ""
        try await AuditLog.write(req.application, actor: user) { db in
            try await plan.create(on: db)
            return ((), [.init(action: "create", objectKind: "plan", objectID: plan.id!, scope: plan.id!, before: [:], after: PlanSnapshot.dict(PlanSnapshot.fields(plan)))])
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.plan(plan.id!).path(req.language))
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
        let errors = form.validate(req.t, bodies: Set(bodies.map { $0.id!.uuidString }), processes: Set(processes.map { $0.id!.uuidString }))
            .merging(AmendmentReason.validate(reason, frozen: plan.statusValue.isFrozen, req.t)) { a, _ in a }
        guard errors.isEmpty else {
            return await req.render(PlanAdminPages.planForm(req.t, plan: plan, form: form, errors: errors, bodies: bodies, processes: processes,
                                                            reason: reason, status: .unprocessableEntity))
        }
        try await AuditLog.write(req.application, actor: user) { db in
            let before = PlanSnapshot.dict(PlanSnapshot.fields(plan))
            form.apply(to: plan)
            try await plan.save(on: db)
            if plan.statusValue.isFrozen { _ = try await PlanSnapshot.recordRevision(plan, reason: reason, by: user, on: db) }
            var after = PlanSnapshot.dict(PlanSnapshot.fields(plan))
            if plan.statusValue.isFrozen { after["amendment"] = reason }
            return ((), [.init(action: "update", objectKind: "plan", objectID: plan.id!, scope: plan.id!, before: before, after: after)])
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.plan(plan.id!).path(req.language))
    }

    @Sendable static func changeStatus(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let plan = try await manageable(req.parameters.get("id", as: UUID.self), req)
        guard let target = (try? req.content.get(String.self, at: "status")).flatMap(PlanStatus.init(rawValue:)),
              plan.statusValue.canMove(to: target) else { throw Refusal(.unprocessableEntity, .errStatusMove) }
        let adoption = req.t(.revisionAdoption)
        try await AuditLog.write(req.application, actor: user) { db in
            let before = plan.status
            plan.status = target.rawValue
            if target == .adopted {
                plan.adoptedAt = Date()
                try await plan.save(on: db)
                _ = try await PlanSnapshot.recordRevision(plan, reason: adoption, by: user, on: db)
            } else {
                try await plan.save(on: db)
            }
            return ((), [.init(action: "status", objectKind: "plan", objectID: plan.id!, scope: plan.id!, before: ["status": before], after: ["status": target.rawValue])])
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.plan(plan.id!).path(req.language))
    }

    /// Attaches a document to the plan (checked by content, 20 MB at most).
    @Sendable static func addDocument(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let plan = try await manageable(req.parameters.get("id", as: UUID.self), req)
        guard let upload = try? req.content.get(File.self, at: "document"), upload.data.readableBytes > 0 else {
            throw Refusal(.unprocessableEntity, .errFileMissing)
        }
        let stored: StoredFile
        do {
            stored = try await req.application.fileStore.store(Data(buffer: upload.data), originalName: upload.filename,
                allowed: Set(FileKind.allCases.filter(\.isEvidence)), maxBytes: req.settings.maxUploadBytes, on: req.db)
        } catch is FileUploadError {
            throw Refusal(.unprocessableEntity, .errFileType)
        }
        try await AuditLog.write(req.application, actor: user) { db in
            let d = PlanDocument()
            d.name = stored.attachmentName(upload.filename); d.fileSHA256 = stored.id!; d.createdAt = Date(); d.$plan.id = plan.id!
            try await d.create(on: db)
            return ((), [.init(action: "document", objectKind: "plan", objectID: plan.id!, scope: plan.id!, before: [:],
                               after: ["document": d.name, "sha256": d.fileSHA256])])
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.plan(plan.id!).path(req.language) + "#documents")
    }

    // MARK: revisions

    @Sendable static func revisions(req: Request) async throws -> Response {
        let plan = try await PlanController.visiblePlan(req.parameters.get("id", as: UUID.self), req)
        let revisions = try await PlanRevision.query(on: req.db).filter(\.$plan.$id == plan.id!).with(\.$author).sort(\.$number, .descending).all()
        return await req.render(PlanAdminPages.revisions(req.t, plan: plan, revisions: revisions))
    }

    @Sendable static func compare(req: Request) async throws -> Response {
        let plan = try await PlanController.visiblePlan(req.parameters.get("id", as: UUID.self), req)
        guard let from = try? req.query.get(Int.self, at: "from"), let to = try? req.query.get(Int.self, at: "to"),
              let old = try await PlanRevision.query(on: req.db).filter(\.$plan.$id == plan.id!).filter(\.$number == from).first(),
              let new = try await PlanRevision.query(on: req.db).filter(\.$plan.$id == plan.id!).filter(\.$number == to).first()
        else { throw Abort(.notFound) }
        return await req.render(PlanAdminPages.compare(req.t, plan: plan, from: old, to: new,
                                                       changes: RevisionDiff.compare(old.snapshot.pairs, new.snapshot.pairs)))
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
        let errors = form.validate(req.t, takenReferences: Set(siblings.map(\.reference)), provinces: ctx.provinceCodes, organisations: ctx.organisationIDs,
                                   proposals: ctx.proposalIDs, otherBudgets: siblings.compactMap(\.budget), limits: req.settings.budgetLimits)
            .merging(AmendmentReason.validate(reason, frozen: plan.statusValue.isFrozen, req.t)) { a, _ in a }
        guard errors.isEmpty else {
            return await req.render(PlanAdminPages.commitmentForm(req.t, plan: plan, commitment: nil, form: form, errors: errors, ctx: ctx,
                                                                  reason: reason, status: .unprocessableEntity))
        }
        let c = Commitment()
        form.apply(to: c)
        c.$plan.id = plan.id!; c.completion = 0
        c.position = (try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).max(\.$position) ?? 0) + 1
        do { try await AuditLog.write(req.application, actor: user) { db in
            try await c.create(on: db)
            try await linkProposals(c, form.proposals, on: db)
            if plan.statusValue.isFrozen { _ = try await PlanSnapshot.recordRevision(plan, reason: reason, by: user, on: db) }
            var after = PlanSnapshot.dict(PlanSnapshot.fields(c))
            after["proposals"] = form.proposals.sorted().joined(separator: ",")
            return ((), [.init(action: "create", objectKind: "commitment", objectID: c.id!, scope: c.id!, before: [:], after: after)])
        } } catch let error as any DatabaseError where error.isConstraintFailure {
            // A double submit, or a colleague taking the reference meanwhile: the unique key decided.
            return await req.render(PlanAdminPages.commitmentForm(req.t, plan: plan, commitment: nil, form: form, errors: ["reference": req.t(.errReference)],
                                                                  ctx: ctx, reason: reason, status: .unprocessableEntity))
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.commitment(c.id!).path(req.language))
    }

    @Sendable static func editCommitment(req: Request) async throws -> Response {
        let (c, plan) = try await manageableCommitment(req)
        let linked = try await CommitmentProposal.query(on: req.db).filter(\.$commitment.$id == c.id!).all(\.$proposal.$id)
        return await req.render(PlanAdminPages.commitmentForm(req.t, plan: plan, commitment: c, form: CommitmentForm(c, proposals: linked), errors: [:],
                                                              ctx: try await commitmentContext(plan, req)))
    }

    @Sendable static func updateCommitment(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (c, plan) = try await manageableCommitment(req)
        let ctx = try await commitmentContext(plan, req)
        let form = CommitmentForm.read(req), reason = AmendmentReason.read(req)
        let siblings = try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).filter(\.$id != c.id!).all()
        let errors = form.validate(req.t, takenReferences: Set(siblings.map(\.reference)), provinces: ctx.provinceCodes, organisations: ctx.organisationIDs,
                                   proposals: ctx.proposalIDs, otherBudgets: siblings.compactMap(\.budget), limits: req.settings.budgetLimits)
            .merging(AmendmentReason.validate(reason, frozen: plan.statusValue.isFrozen, req.t)) { a, _ in a }
        guard errors.isEmpty else {
            return await req.render(PlanAdminPages.commitmentForm(req.t, plan: plan, commitment: c, form: form, errors: errors, ctx: ctx,
                                                                  reason: reason, status: .unprocessableEntity))
        }
        do { try await AuditLog.write(req.application, actor: user) { db in
            var before = PlanSnapshot.dict(PlanSnapshot.fields(c))
            before["proposals"] = try await CommitmentProposal.query(on: db).filter(\.$commitment.$id == c.id!).all(\.$proposal.$id).map(\.uuidString).sorted().joined(separator: ",")
            form.apply(to: c)
            try await c.save(on: db)
            try await CommitmentProposal.query(on: db).filter(\.$commitment.$id == c.id!).delete()
            try await linkProposals(c, form.proposals, on: db)
            if plan.statusValue.isFrozen { _ = try await PlanSnapshot.recordRevision(plan, reason: reason, by: user, on: db) }
            var after = PlanSnapshot.dict(PlanSnapshot.fields(c))
            after["proposals"] = form.proposals.sorted().joined(separator: ",")
            if plan.statusValue.isFrozen { after["amendment"] = reason }
            return ((), [.init(action: "update", objectKind: "commitment", objectID: c.id!, scope: c.id!, before: before, after: after)])
        } } catch let error as any DatabaseError where error.isConstraintFailure {
            return await req.render(PlanAdminPages.commitmentForm(req.t, plan: plan, commitment: c, form: form, errors: ["reference": req.t(.errReference)],
                                                                  ctx: ctx, reason: reason, status: .unprocessableEntity))
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.commitment(c.id!).path(req.language))
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
        let errors = form.validate(req.t, organisations: Set(organisations.map { $0.id!.uuidString }))
            .merging(AmendmentReason.validate(reason, frozen: plan.statusValue.isFrozen, req.t)) { a, _ in a }
        guard errors.isEmpty else {
            return await req.render(PlanAdminPages.milestoneForm(req.t, plan: plan, commitment: c, milestone: nil, form: form, errors: errors,
                                                                 organisations: organisations, reason: reason, status: .unprocessableEntity))
        }
        let m = Milestone()
        form.apply(to: m)
        m.$commitment.id = c.id!; m.status = MilestoneStatus.notStarted.rawValue; m.percent = 0; m.cancelReason = ""
        m.position = (try await Milestone.query(on: req.db).filter(\.$commitment.$id == c.id!).max(\.$position) ?? 0) + 1
        try await AuditLog.write(req.application, actor: user) { db in
            try await m.create(on: db)
            try await recomputeCompletion(c, on: db)
            if plan.statusValue.isFrozen { _ = try await PlanSnapshot.recordRevision(plan, reason: reason, by: user, on: db) }
            return ((), [.init(action: "create", objectKind: "milestone", objectID: m.id!, scope: c.id!, before: [:], after: PlanSnapshot.dict(PlanSnapshot.fields(m)))])
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.commitment(c.id!).path(req.language) + "#milestone-\(m.id!)")
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
        let errors = form.validate(req.t, organisations: Set(organisations.map { $0.id!.uuidString }))
            .merging(AmendmentReason.validate(reason, frozen: plan.statusValue.isFrozen, req.t)) { a, _ in a }
        guard errors.isEmpty else {
            return await req.render(PlanAdminPages.milestoneForm(req.t, plan: plan, commitment: c, milestone: m, form: form, errors: errors,
                                                                 organisations: organisations, reason: reason, status: .unprocessableEntity))
        }
        try await AuditLog.write(req.application, actor: user) { db in
            let before = PlanSnapshot.dict(PlanSnapshot.fields(m))
            form.apply(to: m)
            try await m.save(on: db)
            try await recomputeCompletion(c, on: db)
            if plan.statusValue.isFrozen { _ = try await PlanSnapshot.recordRevision(plan, reason: reason, by: user, on: db) }
            var after = PlanSnapshot.dict(PlanSnapshot.fields(m))
            if plan.statusValue.isFrozen { after["amendment"] = reason }
            return ((), [.init(action: "update", objectKind: "milestone", objectID: m.id!, scope: c.id!, before: before, after: after)])
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.commitment(c.id!).path(req.language) + "#milestone-\(m.id!)")
    }

    // MARK: helpers

    struct CommitmentContext {
        let provinces: [Province]
        let organisations: [Organisation]
        let proposals: [Proposal]
        var provinceCodes: Set<String> { Set(provinces.map(\.code)) }
        var organisationIDs: Set<String> { Set(organisations.map { $0.id!.uuidString }) }
        var proposalIDs: Set<String> { Set(proposals.map { $0.id!.uuidString }) }
    }

    private static func commitmentContext(_ plan: ActionPlan, _ req: Request) async throws -> CommitmentContext {
        var proposals: [Proposal] = []
        if let pid = plan.$process.id {
            proposals = try await Proposal.query(on: req.db).filter(\.$process.$id == pid).filter(\.$hiddenAt == nil).sort(\.$supportsCount, .descending).limit(500).all()
        }
        return CommitmentContext(provinces: try await Province.query(on: req.db).sort(\.$code).all(), organisations: try await publicBodies(req), proposals: proposals)
    }

    private static func linkProposals(_ c: Commitment, _ ids: [String], on db: any Database) async throws {
        for id in Set(ids.compactMap(UUID.init(uuidString:))) { try await CommitmentProposal(commitmentID: c.id!, proposalID: id).create(on: db) }
    }

    static func recomputeCompletion(_ c: Commitment, on db: any Database) async throws {
        let all = try await Milestone.query(on: db).filter(\.$commitment.$id == c.id!).all()
        c.completion = Completion.percent(all.map(\.facts))
        try await c.save(on: db)
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
