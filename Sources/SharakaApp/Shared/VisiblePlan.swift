import Fluent
import SharakaCore
import SQLKit
import Vapor

/// The action plan or commitment a request names, as monitoring, assessments, exports and
/// the plan's own pages find it: a draft plan exists only for those who may manage it.
enum VisiblePlan {
    static func plan(_ id: UUID?, _ req: Request) async throws -> ActionPlan {
        guard let id, let plan = try await ActionPlan.query(on: req.db).filter(\.$id == id).with(\.$adoptingBody).first() else { throw Abort(.notFound) }
        if !plan.statusValue.isPublic, !(try await PlanAccess.canManage(req.currentUser, plan, on: req.db)) { throw Abort(.notFound) }
        return plan
    }

    /// The plan as pages show it.
    static func view(_ id: UUID?, _ req: Request) async throws -> PlanView {
        guard let id, let plan = try await PlanPageQuery.head(id, on: req.sql) else { throw Abort(.notFound) }
        if !plan.status.isPublic, !(try await PlanAccess.canManage(req.currentUser, adoptingBody: plan.adoptingBodyID, on: req.db)) { throw Abort(.notFound) }
        return plan
    }

    /// The commitment named by the route's `id` and its plan.
    static func commitment(_ req: Request) async throws -> (Commitment, ActionPlan) {
        guard let id = req.parameters.get("id", as: UUID.self), let commitment = try await Commitment.query(on: req.db)
            .filter(\.$id == id).with(\.$leadOrganisation).first() else { throw Abort(.notFound) }
        return (commitment, try await plan(commitment.$plan.id, req))
    }
}
