import Fluent
import SharakaCore
import Vapor

/// Personal API tokens: list, create (shown once), revoke.
enum APITokenController {
    @Sendable static func index(req: Request) async throws -> Response {
        try req.require(.manageOwnAccount)
        let user = try req.requireUser()
        return await req.render(page(req.t, tokens: try await tokens(of: user, req), created: nil, error: nil))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(.manageOwnAccount)
        let user = try req.requireUser()
        let name = DisplayText.name((try? req.content.get(String.self, at: "name")) ?? "")
        if let p = AccountRules.checkText(name, length: 2...80) {
            return await req.render(page(req.t, tokens: try await tokens(of: user, req), created: nil, error: req.t.problem(p, min: 2, max: 80), status: .unprocessableEntity))
        }
        let clear = APIToken.newClear()
        try await APIToken(userID: user.id!, name: name, clear: clear).create(on: req.db)
        return await req.render(page(req.t, tokens: try await tokens(of: user, req), created: clear, error: nil))
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        try req.require(.manageOwnAccount)
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self),
              let token = try await APIToken.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == user.id!).first()
        else { throw Abort(.notFound) }
        if token.revokedAt == nil { token.revokedAt = Date(); try await token.save(on: req.db) }
        req.flash(req.t(.tokenRevoked))
        return req.redirect(to: SiteURL.accountTokens.path(req.language))
    }

    private static func tokens(of user: User, _ req: Request) async throws -> [APIToken] {
        try await APIToken.query(on: req.db).filter(\.$user.$id == user.id!).sort(\.$createdAt, .descending).all()
    }

    static func page(_ t: Localizer, tokens: [APIToken], created: String?, error: String?, status: HTTPStatus = .ok) -> Page {
        let lang = t.language
        return Page(title: t(.tokensTitle), content: H.group([
            H.p([], H.a(t(.navAccount), href: SiteURL.account.path(lang))),
            H.h1(t(.tokensTitle)),
            H.p(t(.tokensIntro)),
            created.map { H.div([.cls("notice"), .attr("role", "status")], H.p(t(.tokenCreatedOnce)), H.el("code", [.cls("token"), .dir("ltr")], [H.text($0)])) } ?? H.empty,
            H.el("form", [.action(SiteURL.accountTokens.path(lang)), .postMethod, .cls("stack")], [
                CSRFField(),
                FormField.input("name", label: t(.fieldTokenName), error: error, required: true),
                H.button(t(.tokenCreate)),
            ]),
            tokens.isEmpty ? H.p(t(.tokensEmpty), [.cls("muted")]) :
                H.table(caption: t(.tokensTitle), headers: [t(.fieldName), t(.fieldDate), t(.tokenLastUsed), ""], rows: tokens.map { tok in
                    [H.text(tok.name), H.text(t.date(tok.createdAt)), H.text(tok.lastUsedAt.map { t.date($0) } ?? t(.tokenNever)),
                     tok.revokedAt != nil ? H.text(t(.tokenRevokedMark)) :
                        H.el("form", [.action(SiteURL.accountTokenRevoke(tok.id!).path(lang)), .postMethod, .cls("inline")], [CSRFField(), H.button(t(.tokenRevoke), [.cls("secondary")])])]
                }),
        ]), status: status)
    }
}
