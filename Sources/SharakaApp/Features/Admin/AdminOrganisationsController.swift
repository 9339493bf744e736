import Fluent
import SharakaCore
import Vapor

/// Administrators create organisations, edit them and manage who belongs to them.
enum AdminOrganisationsController {
    @Sendable static func index(req: Request) async throws -> Response {
        try req.require(.manageOrganisations)
        let page = PageRequest(page: try? req.query.get(Int.self, at: "page"), per: 30)
        let q = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let list = try await OrganisationQuery.page(sector: nil, text: q, offset: page.offset, limit: page.per, on: req.sql)
        return await req.render(AdminOrganisationPages.index(req.t, orgs: list.items, total: list.total, page: page, q: q, actor: req.role))
    }

    @Sendable static func new(req: Request) async throws -> Response {
        try req.require(.manageOrganisations)
        return await req.render(AdminOrganisationPages.form(req.t, org: nil, form: .init(), errors: [:], provinces: try await Provinces.options(req), members: [], actor: req.role))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(.manageOrganisations)
        let form = OrganisationForm.read(req)
        let provinces = try await Provinces.options(req)
        let errors = form.validate(req.t, provinces: Set(provinces.map(\.value)))
        if !errors.isEmpty {
            return await req.render(AdminOrganisationPages.form(req.t, org: nil, form: form, errors: errors, provinces: provinces, members: [], actor: req.role, status: .unprocessableEntity))
        }
        let org = Organisation(name: form.name, sector: Sector(rawValue: form.sector!)!, provinceCode: nil)
        form.apply(to: org)
        try await org.create(on: req.db)
        req.application.homeFacts.invalidate()
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.adminOrganisation(org.id!).path(req.language))
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        try req.require(.manageOrganisations)
        let org = try await target(req)
        return await req.render(AdminOrganisationPages.form(req.t, org: org, form: .init(org), errors: [:], provinces: try await Provinces.options(req), members: try await members(org, req), actor: req.role))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try req.require(.manageOrganisations)
        let org = try await target(req)
        let form = OrganisationForm.read(req)
        let provinces = try await Provinces.options(req)
        let errors = form.validate(req.t, provinces: Set(provinces.map(\.value)))
        if !errors.isEmpty {
            return await req.render(AdminOrganisationPages.form(req.t, org: org, form: form, errors: errors, provinces: provinces, members: try await members(org, req), actor: req.role, status: .unprocessableEntity))
        }
        form.apply(to: org)
        try await org.save(on: req.db)
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.adminOrganisation(org.id!).path(req.language))
    }

    @Sendable static func addMember(req: Request) async throws -> Response {
        try req.require(.manageOrganisations)
        let org = try await target(req)
        let email = AccountRules.normalisedEmail((try? req.content.get(String.self, at: "email")) ?? "")
        let role = (try? req.content.get(String.self, at: "role")).flatMap(MembershipRole.init(rawValue:)) ?? .member
        var errors: [String: String] = [:]
        let user = email.isEmpty ? nil : try await User.query(on: req.db).filter(\.$email == email).filter(\.$deletedAt == nil).first()
        if user == nil { errors["email"] = req.t(.errNoSuchAccount) }
        if let user, try await Membership.query(on: req.db).filter(\.$user.$id == user.id!).filter(\.$organisation.$id == org.id!).count() > 0 {
            errors["email"] = req.t(.errAlreadyMember)
        }
        if !errors.isEmpty {
            return await req.render(AdminOrganisationPages.form(req.t, org: org, form: .init(org), errors: errors, provinces: try await Provinces.options(req), members: try await members(org, req), actor: req.role, memberEmail: email, status: .unprocessableEntity))
        }
        try await req.db.transaction { db in
            try await Membership(userID: user!.id!, organisationID: org.id!, role: role).create(on: db)
            // Belonging to an organisation lifts a plain citizen to organisation member;
            // officials (public bodies) are named by an administrator explicitly.
            if Policy.roleAfterJoining(user!.roleValue) != user!.roleValue {
                user!.role = Policy.roleAfterJoining(user!.roleValue).rawValue
                try await user!.save(on: db)
            }
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.adminOrganisation(org.id!).path(req.language))
    }

    @Sendable static func removeMember(req: Request) async throws -> Response {
        try req.require(.manageOrganisations)
        let org = try await target(req)
        guard let memberID = req.parameters.get("member", as: UUID.self),
              let membership = try await Membership.query(on: req.db).filter(\.$id == memberID).filter(\.$organisation.$id == org.id!).first()
        else { throw Abort(.notFound) }
        try await membership.delete(on: req.db)
        req.flash(req.t(.adminMemberRemoved))
        return req.redirect(to: SiteURL.adminOrganisation(org.id!).path(req.language))
    }

    private static func target(_ req: Request) async throws -> Organisation {
        guard let id = req.parameters.get("id", as: UUID.self), let org = try await Organisation.find(id, on: req.db) else { throw Abort(.notFound) }
        return org
    }

    static func members(_ org: Organisation, _ req: Request) async throws -> [AdminOrganisationPages.Member] {
        try await Membership.query(on: req.db).filter(\.$organisation.$id == org.id!).with(\.$user).all()
            .map { .init(id: $0.id!, name: $0.user.name, email: $0.user.email, role: $0.role) }
    }
}
