import Fluent
import SharakaCore
import SQLKit
import Vapor

enum PlanController {
    @Sendable static func index(req: Request) async throws -> Response {
        let canCreate = req.currentUser.map { Policy.allows($0.roleValue, .createProcess) } ?? false
        // Drafts are listed only to the officials who may edit them.
        var draftsOf: Set<UUID>? = []
        if canCreate {
            switch try await PlanAccess.reach(req.currentUser, on: req.db) { case .all: draftsOf = nil; case .some(let mine): draftsOf = mine }
        }
        let plans = try await PlanPageQuery.list(draftsOf: draftsOf, on: req.sql)
        return await req.render(PlanPages.index(req.t, plans: plans, canCreate: canCreate))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        return try await showPlan(id, req)
    }

    /// The plan page; `move` is a refused status move drawn again with what was typed (422).
    static func showPlan(_ id: UUID, _ req: Request, move: PlanMoveForm? = nil, documentError: String? = nil) async throws -> Response {
        guard let page = try await PlanPageQuery.page(id, on: req.sql) else { throw Abort(.notFound) }
        let canManage = try await PlanAccess.canManage(req.currentUser, adoptingBody: page.plan.adoptingBodyID, on: req.db)
        guard page.plan.status.isPublic || canManage else { throw Abort(.notFound) }
        return await req.render(PlanPages.show(req.t, plan: page.plan, commitments: page.commitments, canManage: canManage,
                                               canAssess: req.currentUser.map { Policy.allows($0.roleValue, .assess) } ?? false, documents: page.documents,
                                               move: move, documentError: documentError))
    }

    @Sendable static func commitment(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let commitment = try await CommitmentQuery.one(id, on: req.sql) else { throw Abort(.notFound) }
        let plan = try await VisiblePlan.view(commitment.planID, req)
        let milestones = try await CommitmentQuery.milestones(commitment: id, on: req.sql)
        let lists = try await CommitmentPageQuery(commitment: id).run(on: req.sql)
        let reach = try await PlanAccess.reach(req.currentUser, on: req.db)
        let reportable = plan.status.acceptsProgress
            ? Set(milestones.filter { reach.covers([plan.adoptingBodyID, $0.responsibleOrganisationID]) }.map(\.id)) : []
        let canManage = plan.status != .closed && reach.covers([plan.adoptingBodyID])
        return await req.render(PlanPages.commitment(req.t, commitment: commitment, plan: plan, milestones: milestones, updates: lists.updates,
                                                     proposals: lists.proposals, reportable: reportable, today: Day(Date()),
                                                     canManage: canManage, assessment: try await CommitmentPageQuery(commitment: id).assessment(on: req.sql)))
    }

    /// The commitment's public history, read from the audit log.
    @Sendable static func history(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let commitment = try await CommitmentQuery.one(id, on: req.sql) else { throw Abort(.notFound) }
        _ = try await VisiblePlan.view(commitment.planID, req)
        let page = PageRequest(page: try? req.query.get(Int.self, at: "page"), per: 50)
        let history = try await HistoryQuery(scope: id).page(page, on: req.sql)
        let reading = HistoryReading(t: req.t, names: try await HistoryNames.read(for: history.items, on: req.sql),
                                     provinces: try await ProvinceList.names(on: req.sql))
        return await req.render(HistoryPages.history(req.t, commitment: commitment, entries: history.items, reading: reading, page: page, total: history.total))
    }

}
