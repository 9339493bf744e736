import Fluent
import SharakaCore
import Vapor

/// The writes of commitments and milestones. The plan, the commitment and its milestones are
/// read again after the audit lock; `PlanAmendment` decides whether the change is written
/// as is, as an amendment with its reason and a new revision, or not at all (no change);
/// `PlanCalendar` keeps the dates nested.
enum CommitmentService {
    static func create(in planID: UUID, _ form: CommitmentForm, reason: String, limits: BudgetLimits, by user: User, app: Application) async throws -> UUID {
        try await AuditLog.write(app, actor: user) { db in
            guard let plan = try await RowLock.find(ActionPlan.self, planID, on: db) else { throw Abort(.notFound) }
            let c = Commitment()
            form.apply(to: c)
            c.$plan.id = planID; c.completion = 0
            try await nameLeadBody(c, on: db)
            try await checkDatesAndBudget(c, plan: plan, milestones: [], limits: limits, on: db)
            var after = PlanSnapshot.dict(PlanSnapshot.fields(c))
            after["proposals"] = linkedText(form.proposals)
            guard case .write(let audit, let newRevision) = try PlanAmendment.decide(status: plan.statusValue, before: [:], after: after, reason: reason).get()
            else { throw Abort(.internalServerError) }
            c.position = (try await Commitment.query(on: db).filter(\.$plan.$id == planID).max(\.$position) ?? 0) + 1
            try await c.create(on: db)
            try await link(c.id!, form.proposals, on: db)
            try await tellAuthors(of: Set(form.proposals.compactMap(UUID.init(uuidString:))), on: db)
            if newRevision { try await PlanSnapshot.recordRevision(plan, reason: reason, by: user, on: db) }
            return (c.id!, [.init(action: "create", objectKind: "commitment", objectID: c.id!, scope: c.id!, audit)])
        }
    }

    static func update(_ id: UUID, _ form: CommitmentForm, reason: String, limits: BudgetLimits, by user: User, app: Application) async throws {
        try await AuditLog.write(app, actor: user) { db in
            guard let c = try await RowLock.find(Commitment.self, id, on: db),
                  let plan = try await RowLock.find(ActionPlan.self, c.$plan.id, on: db) else { throw Abort(.notFound) }
            var before = PlanSnapshot.dict(PlanSnapshot.fields(c))
            let linked = try await CommitmentProposal.query(on: db).filter(\.$commitment.$id == id).all(\.$proposal.$id)
            before["proposals"] = linkedText(linked.map(\.uuidString))
            form.apply(to: c)
            try await nameLeadBody(c, on: db)
            let milestones = try await Milestone.query(on: db).filter(\.$commitment.$id == id).all()
            try await checkDatesAndBudget(c, plan: plan, milestones: milestones, limits: limits, on: db)
            var after = PlanSnapshot.dict(PlanSnapshot.fields(c))
            after["proposals"] = linkedText(form.proposals)
            switch try PlanAmendment.decide(status: plan.statusValue, before: before, after: after, reason: reason).get() {
            case .unchanged:
                return ((), [])
            case .write(let audit, let newRevision):
                try await c.save(on: db)
                if before["proposals"] != after["proposals"] {
                    try await CommitmentProposal.query(on: db).filter(\.$commitment.$id == id).delete()
                    try await link(id, form.proposals, on: db)
                    try await tellAuthors(of: Set(form.proposals.compactMap(UUID.init(uuidString:))).subtracting(linked), on: db)
                }
                if newRevision { try await PlanSnapshot.recordRevision(plan, reason: reason, by: user, on: db) }
                return ((), [.init(action: "update", objectKind: "commitment", objectID: id, scope: id, audit)])
            }
        }
    }

    static func createMilestone(in commitmentID: UUID, _ form: MilestoneForm, reason: String, by user: User, app: Application) async throws -> UUID {
        try await AuditLog.write(app, actor: user) { db in
            guard let c = try await RowLock.find(Commitment.self, commitmentID, on: db),
                  let plan = try await RowLock.find(ActionPlan.self, c.$plan.id, on: db) else { throw Abort(.notFound) }
            let m = Milestone()
            form.apply(to: m)
            m.$commitment.id = commitmentID; m.status = MilestoneStatus.notStarted.rawValue; m.percent = 0; m.cancelReason = ""
            try checkDates(m, in: c)
            guard case .write(let audit, let newRevision) = try PlanAmendment.decide(status: plan.statusValue, before: [:],
                                                                                    after: PlanSnapshot.dict(PlanSnapshot.fields(m)), reason: reason).get()
            else { throw Abort(.internalServerError) }
            m.position = (try await Milestone.query(on: db).filter(\.$commitment.$id == commitmentID).max(\.$position) ?? 0) + 1
            try await m.create(on: db)
            let completion = try await CommitmentCompletion.recompute(c, on: db)
            if newRevision { try await PlanSnapshot.recordRevision(plan, reason: reason, by: user, on: db) }
            return (m.id!, [.init(action: "create", objectKind: "milestone", objectID: m.id!, scope: commitmentID, audit)] + completion)
        }
    }

    static func updateMilestone(_ id: UUID, _ form: MilestoneForm, reason: String, by user: User, app: Application) async throws {
        try await AuditLog.write(app, actor: user) { db in
            guard let m = try await RowLock.find(Milestone.self, id, on: db),
                  let c = try await RowLock.find(Commitment.self, m.$commitment.id, on: db),
                  let plan = try await RowLock.find(ActionPlan.self, c.$plan.id, on: db) else { throw Abort(.notFound) }
            let before = PlanSnapshot.dict(PlanSnapshot.fields(m))
            form.apply(to: m)
            try checkDates(m, in: c)
            switch try PlanAmendment.decide(status: plan.statusValue, before: before, after: PlanSnapshot.dict(PlanSnapshot.fields(m)), reason: reason).get() {
            case .unchanged:
                return ((), [])
            case .write(let audit, let newRevision):
                try await m.save(on: db)
                let completion = try await CommitmentCompletion.recompute(c, on: db)
                if newRevision { try await PlanSnapshot.recordRevision(plan, reason: reason, by: user, on: db) }
                return ((), [.init(action: "update", objectKind: "milestone", objectID: id, scope: c.id!, audit)] + completion)
            }
        }
    }

    // MARK: the facts checked under the lock

    private static func checkDatesAndBudget(_ c: Commitment, plan: ActionPlan, milestones: [Milestone], limits: BudgetLimits, on db: any Database) async throws {
        if let span = DaySpan(iso: c.startsOn, c.endsOn), let period = PlanCalendar.period(from: plan.periodStart, to: plan.periodEnd),
           let refusal = PlanCalendar.checkCommitment(span, plan: period, milestones: milestones.compactMap { m in
               DaySpan(iso: m.startsOn, m.endsOn).map { ("#\(m.position)", $0) }
           }) {
            throw refusal
        }
        if let budget = c.budget {
            let others = try await Commitment.query(on: db).filter(\.$plan.$id == plan.id!).all().filter { $0.id != c.id }.compactMap(\.budget)
            if let problem = limits.check(budget, otherCommitments: others) { throw PlanRefusal.budget(problem) }
        }
    }

    private static func checkDates(_ m: Milestone, in c: Commitment) throws {
        if let span = DaySpan(iso: m.startsOn, m.endsOn), let commitment = DaySpan(iso: c.startsOn, c.endsOn),
           let refusal = PlanCalendar.checkMilestone(span, commitment: commitment) {
            throw refusal
        }
    }

    /// The lead body's name as the record writes it (exports, the API): the organisation's.
    private static func nameLeadBody(_ c: Commitment, on db: any Database) async throws {
        guard let id = c.$leadOrganisation.id, let organisation = try await Organisation.find(id, on: db) else { throw PlanRefusal.leadBodyUnknown }
        c.leadBody = organisation.name.resolve(for: .fr)?.text ?? organisation.name.resolve(for: .ar)?.text ?? c.leadBody
    }

    /// The authors of proposals newly taken up by a commitment hear of it.
    private static func tellAuthors(of proposals: Set<UUID>, on db: any Database) async throws {
        guard !proposals.isEmpty else { return }
        for p in try await Proposal.query(on: db).filter(\.$id ~~ Array(proposals)).all() {
            try await Notifier.emit(.included, target: .proposal, id: p.id!, title: p.title, to: [p.$author.id], on: db)
        }
    }

    private static func linkedText(_ ids: [String]) -> String { Set(ids).sorted().joined(separator: ",") }

    private static func link(_ commitmentID: UUID, _ ids: [String], on db: any Database) async throws {
        for id in Set(ids.compactMap(UUID.init(uuidString:))) { try await CommitmentProposal(commitmentID: commitmentID, proposalID: id).create(on: db) }
    }
}

/// A commitment's weighted completion, kept in step with its milestones (the one place it is
/// recomputed outside a progress report, which `MilestoneProgress` decides).
enum CommitmentCompletion {
    static func recompute(_ c: Commitment, on db: any Database) async throws -> [AuditLog.Change] {
        let before = c.completion
        let all = try await Milestone.query(on: db).filter(\.$commitment.$id == c.id!).all()
        c.completion = Completion.percent(all.map(\.facts))
        guard c.completion != before else { return [] }
        try await c.save(on: db)
        return [.init(action: "completion", objectKind: "commitment", objectID: c.id!, scope: c.id!,
                      before: ["completion": String(before)], after: ["completion": String(c.completion)])]
    }
}
