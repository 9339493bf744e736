import Fluent
import Vapor

/// The organisations a person belongs to: the bodies they may speak for when they propose,
/// comment or register for a workshop.
enum MemberOrganisations {
    static func of(_ user: User, on db: any Database) async throws -> [Organisation] {
        try await Membership.query(on: db).filter(\.$user.$id == user.id!).with(\.$organisation).all().map(\.organisation)
    }
}
