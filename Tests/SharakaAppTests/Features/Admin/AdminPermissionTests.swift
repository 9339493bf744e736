import Fluent
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// Every admin route × every role: allowed ones answer, forbidden ones get 403
/// (visitors the login page) and change nothing.
@Suite struct AdminPermissionTests {
    struct Route: Sendable, CustomTestStringConvertible {
        let method: HTTPMethod
        let path: @Sendable (UUID, UUID, UUID) -> String   // (target user, organisation, membership)
        let action: Action
        let form: [String: String]
        var testDescription: String { "\(method) \(path(UUID(), UUID(), UUID()))" }
    }

    static let routes: [Route] = [
        .init(method: .GET, path: { _, _, _ in "/fr/admin/users" }, action: .listUsers, form: [:]),
        .init(method: .POST, path: { u, _, _ in "/fr/admin/users/\(u)/block" }, action: .blockUser, form: [:]),
        .init(method: .POST, path: { u, _, _ in "/fr/admin/users/\(u)/role" }, action: .changeUserRole, form: ["role": "official"]),
        .init(method: .GET, path: { _, _, _ in "/fr/admin/organisations" }, action: .manageOrganisations, form: [:]),
        .init(method: .GET, path: { _, _, _ in "/fr/admin/organisations/new" }, action: .manageOrganisations, form: [:]),
        .init(method: .POST, path: { _, _, _ in "/fr/admin/organisations" }, action: .manageOrganisations, form: ["name_fr": "Nouvelle", "sector": "company"]),
        .init(method: .GET, path: { _, o, _ in "/fr/admin/organisations/\(o)" }, action: .manageOrganisations, form: [:]),
        .init(method: .POST, path: { _, o, _ in "/fr/admin/organisations/\(o)" }, action: .manageOrganisations, form: ["name_fr": "Renommée", "sector": "company"]),
        .init(method: .POST, path: { _, o, _ in "/fr/admin/organisations/\(o)/members" }, action: .manageOrganisations, form: ["email": "target@example.ma", "role": "member"]),
        .init(method: .POST, path: { _, o, m in "/fr/admin/organisations/\(o)/members/\(m)/remove" }, action: .manageOrganisations, form: [:]),
        .init(method: .GET, path: { _, _, _ in "/fr/admin/region" }, action: .editRegionSettings, form: [:]),
        .init(method: .POST, path: { _, _, _ in "/fr/admin/region" }, action: .editRegionSettings, form: ["name_ar": "جهة جديدة"]),
        .init(method: .GET, path: { _, _, _ in "/fr/admin/outbox" }, action: .viewOutbox, form: [:]),
        .init(method: .GET, path: { _, _, _ in "/fr/moderation" }, action: .moderate, form: [:]),
        .init(method: .GET, path: { _, _, _ in "/fr/account" }, action: .manageOwnAccount, form: [:]),
        .init(method: .POST, path: { _, _, _ in "/fr/account/profile" }, action: .manageOwnAccount, form: ["name": "Nom Changé", "language": "fr"]),
        .init(method: .POST, path: { _, _, _ in "/fr/register" }, action: .register,
              form: ["name": "Nouvelle Personne", "email": "new-person@example.ma", "password": "secret-2025-ok", "password_confirmation": "secret-2025-ok", "language": "fr", "accept_terms": "yes"]),
    ]

    @Test(arguments: Engine.all, Role.allCases)
    func matrix(engine: Engine, role: Role) async throws {
        try await withTestApp(engine) { app in
            for route in Self.routes {
                // setup: a fresh target each time so that one route's change does not hide another's
                let target = try await TestFixtures.user(app, email: "target-\(UUID())@example.ma")
                let org = Organisation(name: .init([.fr: "Cible"]), sector: .association, provinceCode: nil)
                try await org.create(on: app.db)
                let other = try await TestFixtures.user(app, email: "member-\(UUID())@example.ma")
                let membership = Membership(userID: other.id!, organisationID: org.id!, role: .member)
                try await membership.create(on: app.db)
                let client = Client(app)
                if role != .visitor {
                    let email = "actor-\(UUID())@example.ma"
                    try await TestFixtures.user(app, email: email, role: role)
                    try await client.login(email, lang: "fr")
                } else {
                    try await client.get("/fr/login") // a page with a form, so the visitor holds a CSRF token
                }
                let before = try await snapshot(app)
                let path = route.path(target.id!, org.id!, membership.id!)
                var form = route.form
                if form["email"] == "target@example.ma" { form["email"] = target.email }

                // act
                let res = route.method == .GET ? try await client.get(path) : try await client.post(path, form)

                // check
                let allowed = Policy.allows(role, route.action)
                if allowed {
                    #expect([.ok, .seeOther].contains(res.status), "\(role) \(route.testDescription): \(res.status)")
                } else {
                    if role == .visitor {
                        #expect(res.status == .seeOther && res.location?.hasPrefix("/fr/login") == true, "\(route.testDescription)")
                    } else {
                        #expect(res.status == .forbidden, "\(role) \(route.testDescription): \(res.status)")
                    }
                    #expect(try await snapshot(app) == before, "\(role) \(route.testDescription) changed data")
                }
            }
        }
    }

    /// A fingerprint of everything an admin route could change.
    func snapshot(_ app: Application) async throws -> String {
        let users = try await User.query(on: app.db).sort(\.$email).all().map { "\($0.email):\($0.name):\($0.role):\($0.blockedAt != nil)" }
        let orgs = try await Organisation.query(on: app.db).sort(\.$searchText).all().map { "\($0.searchText):\($0.sector)" }
        let members = try await Membership.query(on: app.db).count()
        let region = try await Region.query(on: app.db).first().map { $0.name.values.sorted { $0.key < $1.key }.description } ?? ""
        return [users.joined(separator: ","), orgs.joined(separator: ","), String(members), region].joined(separator: "|")
    }
}
