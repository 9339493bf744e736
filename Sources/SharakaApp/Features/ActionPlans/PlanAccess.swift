import Fluent
import SharakaCore
import Vapor

/// Who may change a plan and report progress: administrators, and officials of the
/// adopting body; progress also by officials of the milestone's responsible body.
enum PlanAccess {
    static func canManage(_ user: User?, _ plan: ActionPlan, on db: any Database) async throws -> Bool {
        try await isOfficial(user, of: [plan.$adoptingBody.id], on: db)
    }

    static func canManage(_ user: User?, adoptingBody: UUID, on db: any Database) async throws -> Bool {
        try await isOfficial(user, of: [adoptingBody], on: db)
    }

    static func canReport(_ user: User?, _ milestone: Milestone, plan: ActionPlan, on db: any Database) async throws -> Bool {
        try await isOfficial(user, of: [plan.$adoptingBody.id, milestone.$responsibleOrganisation.id].compactMap { $0 }, on: db)
    }

    /// The bodies whose plans and milestones this person acts for, read once per page:
    /// `.all` for administrators, nothing for anyone who is not an official.
    enum Reach {
        case all, some(Set<UUID>)
        func covers(_ ids: [UUID?]) -> Bool {
            switch self {
            case .all: true
            case .some(let mine): ids.contains { $0.map(mine.contains) == true }
            }
        }
        func canManage(_ plan: ActionPlan) -> Bool { covers([plan.$adoptingBody.id]) }
        func canReport(_ m: Milestone, plan: ActionPlan) -> Bool { covers([plan.$adoptingBody.id, m.$responsibleOrganisation.id]) }
    }

    static func reach(_ user: User?, on db: any Database) async throws -> Reach {
        guard let user, Policy.isOfficial(user.roleValue), !user.isBlocked else { return .some([]) }
        if Policy.actsForEveryBody(user.roleValue) { return .all }
        return .some(Set(try await Membership.query(on: db).filter(\.$user.$id == user.id!).all().map { $0.$organisation.id }))
    }

    private static func isOfficial(_ user: User?, of organisations: [UUID], on db: any Database) async throws -> Bool {
        try await reach(user, on: db).covers(organisations)
    }
}

extension Localizer {
    func planStatus(_ s: PlanStatus) -> String {
        switch s {
        case .draft: self(.planStatusDraft)
        case .consultation: self(.planStatusConsultation)
        case .adopted: self(.planStatusAdopted)
        case .implementation: self(.planStatusImplementation)
        case .closed: self(.planStatusClosed)
        }
    }

    func irm(_ level: IRMCompletion) -> String {
        switch level {
        case .notStarted: self(.irmNotStarted)
        case .limited: self(.irmLimited)
        case .substantial: self(.irmSubstantial)
        case .complete: self(.irmComplete)
        }
    }

    func milestoneStatus(_ s: MilestoneStatus) -> String {
        switch s {
        case .notStarted: self(.milestoneNotStarted)
        case .inProgress: self(.milestoneInProgress)
        case .completed: self(.milestoneCompleted)
        case .cancelled: self(.milestoneCancelled)
        }
    }
}
