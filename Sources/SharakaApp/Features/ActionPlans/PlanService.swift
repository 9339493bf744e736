import Fluent
import SharakaCore
import Vapor

/// The writes of an action plan itself, shared by its forms and any API: each re-reads the
/// rows it decides on after the audit lock, asks SharakaCore for the decision, and writes
/// what it returns. Refusals are thrown as `PlanRefusal`.
enum PlanService {
    static func create(_ form: PlanForm, by user: User, app: Application) async throws -> UUID {
        try await AuditLog.write(app, actor: user) { db in
            let plan = ActionPlan()
            form.apply(to: plan)
            plan.status = PlanStatus.draft.rawValue; plan.revision = 0; plan.member = ""; plan.sourceURL = ""
            guard case .write(let audit, _) = try PlanAmendment.decide(status: .draft, before: [:], after: PlanSnapshot.dict(PlanSnapshot.fields(plan)), reason: "").get()
            else { throw Abort(.internalServerError) }
            try await plan.create(on: db)
            return (plan.id!, [.init(action: "create", objectKind: "plan", objectID: plan.id!, scope: plan.id!, audit)])
        }
    }

    static func update(_ id: UUID, _ form: PlanForm, reason: String, by user: User, app: Application) async throws {
        try await AuditLog.write(app, actor: user) { db in
            guard let plan = try await RowLock.find(ActionPlan.self, id, on: db) else { throw Abort(.notFound) }
            let before = PlanSnapshot.dict(PlanSnapshot.fields(plan))
            form.apply(to: plan)
            if let period = PlanCalendar.period(from: plan.periodStart, to: plan.periodEnd),
               let refusal = PlanCalendar.checkPlan(period, commitments: try await spans(of: id, on: db)) {
                throw refusal
            }
            switch try PlanAmendment.decide(status: plan.statusValue, before: before, after: PlanSnapshot.dict(PlanSnapshot.fields(plan)), reason: reason).get() {
            case .unchanged:
                return ((), [])
            case .write(let audit, let newRevision):
                try await plan.save(on: db)
                if newRevision { try await PlanSnapshot.recordRevision(plan, reason: reason, by: user, on: db) }
                return ((), [.init(action: "update", objectKind: "plan", objectID: id, scope: id, audit)])
            }
        }
    }

    /// Moves the plan along its lifecycle, with the preconditions and confirmation of `PlanLifecycle`.
    static func move(_ id: UUID, to target: PlanStatus, confirmed: Bool, decision: String, adoptionLabel: String, by user: User, app: Application) async throws {
        try await AuditLog.write(app, actor: user) { db in
            guard let plan = try await RowLock.find(ActionPlan.self, id, on: db) else { throw Abort(.notFound) }
            let commitments = try await Commitment.query(on: db).filter(\.$plan.$id == id).with(\.$milestones).all()
            let facts = PlanLifecycle.Facts(status: plan.statusValue, commitments: commitments.count,
                                            commitmentsWithoutMilestones: commitments.filter(\.milestones.isEmpty).map(\.reference).sorted())
            let move = try PlanLifecycle.decide(facts, to: target, confirmed: confirmed, decision: decision).get()
            plan.status = move.to.rawValue
            if move.isAdoption { plan.adoptedAt = Date() }
            try await plan.save(on: db)
            if move.isAdoption { try await PlanSnapshot.recordRevision(plan, reason: adoptionLabel, by: user, on: db) }
            return ((), [.init(action: "status", objectKind: "plan", objectID: id, scope: id, move.audit)])
        }
    }

    static func addDocument(_ id: UUID, name: String, sha256: String, by user: User, app: Application) async throws {
        try await AuditLog.write(app, actor: user) { db in
            guard let plan = try await RowLock.find(ActionPlan.self, id, on: db) else { throw Abort(.notFound) }
            if plan.statusValue == .closed { throw PlanRefusal.planClosed }
            let d = PlanDocument()
            d.name = name; d.fileSHA256 = sha256; d.createdAt = Date(); d.$plan.id = id
            try await d.create(on: db)
            return ((), [.init(action: "document", objectKind: "plan", objectID: id, scope: id, before: [:], after: ["document": name, "sha256": sha256])])
        }
    }

    /// The plan's commitments with their dates, for the period check.
    static func spans(of planID: UUID, except: UUID? = nil, on db: any Database) async throws -> [(reference: String, span: DaySpan)] {
        try await Commitment.query(on: db).filter(\.$plan.$id == planID).all().compactMap { c in
            guard c.id != except, let span = DaySpan(iso: c.startsOn, c.endsOn) else { return nil }
            return (c.reference, span)
        }
    }
}
