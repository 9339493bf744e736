import Fluent
import SharakaCore
import SQLKit
import Vapor

enum PlanController {
    @Sendable static func index(req: Request) async throws -> Response {
        let plans = try await ActionPlan.query(on: req.db).filter(\.$status != PlanStatus.draft.rawValue)
            .with(\.$adoptingBody).sort(\.$periodStart, .descending).all()
        let counts = try await commitmentCounts(plans.compactMap(\.id), on: req.db)
        let canCreate = req.currentUser.map { Policy.allows($0.roleValue, .createProcess) } ?? false
        // Drafts are listed only to the officials who may edit them.
        var drafts: [ActionPlan] = []
        if canCreate {
            let reach = try await PlanAccess.reach(req.currentUser, on: req.db)
            drafts = try await ActionPlan.query(on: req.db).filter(\.$status == PlanStatus.draft.rawValue).with(\.$adoptingBody).all()
                .filter(reach.canManage)
        }
        return await req.render(PlanPages.index(req.t, plans: drafts + plans, commitments: counts, canCreate: canCreate))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let plan = try await visiblePlan(req.parameters.get("id", as: UUID.self), req)
        let commitments = try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).sort(\.$position).sort(\.$reference).all()
        let documents = try await PlanDocument.query(on: req.db).filter(\.$plan.$id == plan.id!).sort(\.$createdAt).all()
        let fromProposals = try await CommitmentProposal.query(on: req.db).filter(\.$commitment.$id ~~ commitments.compactMap(\.id)).all()
        return await req.render(PlanPages.show(req.t, plan: plan, commitments: commitments,
                                               fromProposals: Set(fromProposals.map { $0.$commitment.id }),
                                               canManage: try await PlanAccess.canManage(req.currentUser, plan, on: req.db),
                                               canAssess: req.currentUser.map { Policy.allows($0.roleValue, .assess) } ?? false, documents: documents))
    }

    @Sendable static func commitment(req: Request) async throws -> Response {
        let (commitment, plan) = try await visibleCommitment(req)
        let milestones = try await Milestone.query(on: req.db).filter(\.$commitment.$id == commitment.id!).sort(\.$position).all()
        let lists = try await CommitmentPageQuery(commitment: commitment.id!).run(on: req.db as! any SQLDatabase)
        let reach = try await PlanAccess.reach(req.currentUser, on: req.db)
        let reportable = plan.statusValue.acceptsProgress ? Set(milestones.filter { reach.canReport($0, plan: plan) }.compactMap(\.id)) : []
        let assessment = try await Assessment.query(on: req.db).filter(\.$commitment.$id == commitment.id!).filter(\.$report.$id != nil)
            .with(\.$report).sort(\.$updatedAt, .descending).first()
        let canManage = plan.statusValue != .closed && reach.canManage(plan)
        return await req.render(PlanPages.commitment(req.t, commitment: commitment, plan: plan, milestones: milestones, updates: lists.updates,
                                                     proposals: lists.proposals, reportable: reportable, today: Day(Date()),
                                                     canManage: canManage, assessment: assessment))
    }

    /// The commitment's public history, read from the audit log.
    @Sendable static func history(req: Request) async throws -> Response {
        let (commitment, plan) = try await visibleCommitment(req)
        let page = PageRequest(page: try? req.query.get(Int.self, at: "page"), per: 50)
        let query = AuditEntry.query(on: req.db).filter(\.$scopeID == commitment.id!.uuidString)
        let total = try await query.copy().count()
        let entries = try await query.sort(\.$sequence, .descending).range(page.offset..<(page.offset + page.per)).all()
        let actorIDs = Set(entries.compactMap { UUID(uuidString: $0.actor) })
        let names = Dictionary(uniqueKeysWithValues: try await User.query(on: req.db).filter(\.$id ~~ actorIDs).all().map { ($0.id!, $0.name) })
        return await req.render(PlanPages.history(req.t, commitment: commitment, plan: plan, entries: entries, names: names, page: page, total: total))
    }

    static func visiblePlan(_ id: UUID?, _ req: Request) async throws -> ActionPlan {
        guard let id, let plan = try await ActionPlan.query(on: req.db).filter(\.$id == id).with(\.$adoptingBody).first() else { throw Abort(.notFound) }
        if !plan.statusValue.isPublic, !(try await PlanAccess.canManage(req.currentUser, plan, on: req.db)) { throw Abort(.notFound) }
        return plan
    }

    static func visibleCommitment(_ req: Request) async throws -> (Commitment, ActionPlan) {
        guard let id = req.parameters.get("id", as: UUID.self), let commitment = try await Commitment.query(on: req.db)
            .filter(\.$id == id).with(\.$leadOrganisation).first() else { throw Abort(.notFound) }
        return (commitment, try await visiblePlan(commitment.$plan.id, req))
    }

    private static func commitmentCounts(_ plans: [UUID], on db: any Database) async throws -> [UUID: Int] {
        var out: [UUID: Int] = [:]
        for c in try await Commitment.query(on: db).filter(\.$plan.$id ~~ plans).all(\.$plan.$id) { out[c, default: 0] += 1 }
        return out
    }
}
