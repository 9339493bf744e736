import Fluent
import SharakaCore
import Vapor

/// Who may organise and edit processes: administrators, and officials for the
/// public bodies they belong to.
enum ProcessAccess {
    /// Public bodies the person may organise a process for.
    static func organisers(for user: User?, on db: any Database) async throws -> [Organisation] {
        guard let user, Policy.isOfficial(user.roleValue) else { return [] }
        let publicSectors = Sector.allCases.filter(\.isPublicBody).map(\.rawValue)
        if Policy.actsForEveryBody(user.roleValue) {
            return try await Organisation.query(on: db).filter(\.$sector ~~ publicSectors).sort(\.$searchText).all()
        }
        return try await Membership.query(on: db).filter(\.$user.$id == user.id!).with(\.$organisation).all()
            .map(\.organisation).filter { $0.sectorValue.isPublicBody }
    }

    /// The same rule when the membership was read with the page's other facts.
    static func canEdit(_ user: User, memberOfOrganiser: Bool) -> Bool {
        Policy.isOfficial(user.roleValue, blocked: user.isBlocked, memberOfBody: memberOfOrganiser)
    }

    static func canEdit(_ user: User?, _ process: ParticipatoryProcess, on db: any Database) async throws -> Bool {
        try await canEdit(user, organiser: process.$organiser.id, on: db)
    }

    static func canEdit(_ user: User?, organiser: UUID, on db: any Database) async throws -> Bool {
        guard let user, Policy.isOfficial(user.roleValue) else { return false }
        if Policy.actsForEveryBody(user.roleValue) { return !user.isBlocked }
        let member = try await Membership.query(on: db).filter(\.$user.$id == user.id!).filter(\.$organisation.$id == organiser).count() > 0
        return Policy.isOfficial(user.roleValue, blocked: user.isBlocked, memberOfBody: member)
    }
}
