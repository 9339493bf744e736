import Fluent
import FluentSQL
import SharakaCore
import Vapor

/// Moderators find and block accounts; administrators also change roles.
enum AdminUsersController {
    @Sendable static func index(req: Request) async throws -> Response {
        try req.require(.listUsers)
        let page = PageRequest(page: try? req.query.get(Int.self, at: "page"), per: 25)
        let q = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let role = (try? req.query.get(String.self, at: "role")).flatMap(Role.init(rawValue:))
        let (users, total) = try await UserListQuery.page(text: q, role: role, offset: page.offset, limit: page.per, on: req.sql)
        return await req.render(AdminUsersPage.page(req.t, users: users, total: total, page: page, q: q, role: role, actor: req.role))
    }

    /// An administrator confirms an account whose owner cannot receive the e-mail (no mail
    /// server yet, a mailbox that drops it); its pending confirmation links stop working.
    @Sendable static func confirm(req: Request) async throws -> Response {
        try req.require(.confirmAccount)
        let user = try await target(req)
        if user.confirmedAt == nil {
            try await req.db.transaction { db in
                user.confirmedAt = Date()
                try await user.save(on: db)
                try await AccountToken.query(on: db).filter(\.$user.$id == user.id!).filter(\.$purpose == AccountToken.Purpose.confirmEmail.rawValue)
                    .filter(\.$usedAt == nil).set(\.$usedAt, to: Date()).update()
            }
        }
        req.flash(req.t(.adminConfirmed, ["name": user.name]))
        return req.redirect(to: SiteURL.adminUsers.path(req.language))
    }

    @Sendable static func changeRole(req: Request) async throws -> Response {
        try req.require(.changeUserRole)
        let user = try await target(req)
        guard let role = (try? req.content.get(String.self, at: "role")).flatMap(Role.init(rawValue:)), Role.assignable.contains(role) else {
            throw Abort(.unprocessableEntity, reason: "unknown role")
        }
        // An administrator cannot demote themself: the region must never be left without one.
        if !Policy.mayChangeRole(of: user.id == req.currentUser?.id ? .oneself : .someoneElse, to: role) { throw Refusal(.unprocessableEntity, .refusalSelfDemotion) }
        user.role = role.rawValue
        try await user.save(on: req.db)
        req.flash(req.t(.adminRoleChanged, ["name": user.name, "role": req.t.role(role)]))
        return req.redirect(to: SiteURL.adminUsers.path(req.language))
    }

    @Sendable static func toggleBlock(req: Request) async throws -> Response {
        try req.require(.blockUser)
        let user = try await target(req)
        if user.id == req.currentUser?.id { throw Refusal(.unprocessableEntity, .refusalSelfBlock) }
        // A moderator may not block those above them.
        if !Policy.mayBlock(req.role, user.roleValue) { throw Abort(.forbidden) }
        user.blockedAt = user.isBlocked ? nil : Date()
        try await user.save(on: req.db)
        req.flash(req.t(user.isBlocked ? .adminBlocked : .adminUnblocked, ["name": user.name]))
        return req.redirect(to: SiteURL.adminUsers.path(req.language))
    }

    private static func target(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("id", as: UUID.self), let user = try await User.find(id, on: req.db), !user.isDeleted else { throw Abort(.notFound) }
        return user
    }
}

enum AdminUsersPage {
    static func page(_ t: Localizer, users: [UserListItem], total: Int, page: PageRequest, q: String, role: Role?, actor: Role) -> Page {
        let lang = t.language
        let base = SiteURL.adminUsers.path(lang)
        let rows: [[HNode]] = users.map { u in
            [
                H.el("bdi", [], [H.text(u.name)]), H.el("bdi", [], [H.text(u.email)]), H.text(t.role(u.role)),
                H.text(u.blocked ? t(.adminStatusBlocked) : (u.confirmed ? t(.adminStatusActive) : t(.adminStatusUnconfirmed))),
                u.signedUp.map { H.text(t.date($0)) } ?? H.empty,
                u.lastSignIn.map { H.text(t.date($0)) } ?? H.span(t(.adminNeverSignedIn), [.cls("muted")]),
                H.group([
                    Policy.allows(actor, .changeUserRole) ? H.el("form", [.action(SiteURL.adminUserRole(u.id).path(lang)), .postMethod, .cls("inline")], [
                        CSRFField(),
                        H.el("label", [.for("role-\(u.id)"), .cls("visually-hidden")], [H.text(t(.fieldRole))]),
                        H.el("select", [.name("role"), .id("role-\(u.id)")], Role.assignable.map { r in
                            H.el("option", [.value(r.rawValue), .flag("selected", r == u.role)], [H.text(t.role(r))])
                        }),
                        H.button(t(.adminChangeRole), [.cls("secondary")]),
                    ]) : H.empty,
                    !u.confirmed && Policy.allows(actor, .confirmAccount) ? H.el("form", [.action(SiteURL.adminUserConfirm(u.id).path(lang)), .postMethod, .cls("inline"),
                                                                                  .attr("data-confirm", t(.adminConfirmAsk, ["name": u.name]))], [
                        CSRFField(), H.button(t(.adminConfirm), [.cls("secondary")]),
                    ]) : H.empty,
                    Policy.mayBlock(actor, u.role) ? H.el("form", [.action(SiteURL.adminUserBlock(u.id).path(lang)), .postMethod, .cls("inline"),
                                                       .attr("data-confirm", u.blocked ? t(.adminUnblock) : t(.adminBlockConfirm))], [
                        CSRFField(), H.button(u.blocked ? t(.adminUnblock) : t(.adminBlock), [.cls(u.blocked ? "secondary" : "danger")]),
                    ]) : H.empty,
                ]),
            ]
        }
        return Page(title: t(.adminUsersTitle), content: H.group([
            AdminNav.node(t, actor: actor),
            H.h1(t(.adminUsersTitle)),
            H.el("form", [.action(base), .getMethod, .cls("stack"), .attr("role", "search")], [
                FormField.input("q", label: t(.adminUsersSearchLabel), value: q, type: "search"),
                FormField.select("role", label: t(.fieldRole), options: Role.assignable.map { ($0.rawValue, t.role($0)) }, selected: role?.rawValue, includeBlank: t(.choiceAll)),
                H.button(t(.filterSubmit)),
            ]),
            H.p(t.plural(.accountsCount, total), [.attr("role", "status")]),
            users.isEmpty ? H.p(t(.adminNoUsers), [.cls("muted")]) :
                H.table(caption: t(.adminUsersTitle),
                    headers: [t(.fieldName), t(.fieldEmail), t(.fieldRole), t(.fieldStatus), t(.adminSignedUp), t(.adminLastSignIn), t(.fieldActions)], rows: rows),
            Pagination.nav(t, page: page, total: total) { p in
                base + "?page=\(p)" + (q.isEmpty ? "" : "&q=\(q.addingPercentEncoding(withAllowedCharacters: SiteURL.unreserved) ?? "")") + (role.map { "&role=\($0.rawValue)" } ?? "")
            },
        ]))
    }
}

enum AdminNav {
    static func node(_ t: Localizer, actor: Role) -> HNode {
        let lang = t.language
        var links = [H.a(t(.adminUsersTitle), href: SiteURL.adminUsers.path(lang))]
        if Policy.allows(actor, .manageOrganisations) { links.append(H.a(t(.adminOrganisationsTitle), href: SiteURL.adminOrganisations.path(lang))) }
        if Policy.allows(actor, .editRegionSettings) { links.append(H.a(t(.adminRegionTitle), href: SiteURL.adminRegion.path(lang))) }
        if Policy.allows(actor, .viewOutbox) { links.append(H.a(t(.adminOutboxTitle), href: SiteURL.adminOutbox.path(lang))) }
        return H.el("nav", [.aria("label", t(.navAdmin)), .cls("admin-nav")], [H.ul([.cls("nav-list")], links)])
    }
}
