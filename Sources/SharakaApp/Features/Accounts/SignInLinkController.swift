import Fluent
import SharakaCore
import Vapor

/// A one-time sign-in link by e-mail: the way in for an owner whose password attempts are
/// being slowed down by someone else's failures, on a device they have not used before.
/// The link opens a page with a button rather than signing in on GET, so that mail
/// scanners and link previews that fetch it do not use it up.
enum SignInLinkController {
    @Sendable static func form(req: Request) async throws -> Response {
        await req.render(page(req.t, email: "", error: nil))
    }

    @Sendable static func send(req: Request) async throws -> Response {
        let email: String
        switch await EmailRequestForm.address(req, page: { page(req.t, email: $0, error: $1) }) {
        case .address(let typed): email = typed
        case .refused(let page): return page
        }
        // The same answer whether or not the account exists, is blocked or unconfirmed.
        if let user = try await User.query(on: req.db).filter(\.$email == email).filter(\.$deletedAt == nil).first(),
           !user.isBlocked, user.isConfirmed {
            try await AccountTokens.send(.signIn, to: user, page: .loginLinkUse, req) { try await AccountMail.signInLink(to: $0, link: $1, on: $2) }
        }
        req.flash(req.t(.signInLinkSent))
        return req.redirect(to: SiteURL.login.path(req.language))
    }

    @Sendable static func confirm(req: Request) async throws -> Response {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        return await req.render(Page(title: req.t(.signInLinkTitle), content: H.section([],
            H.h1(req.t(.signInLinkTitle)),
            H.el("form", [.action(SiteURL.loginLinkUse.path(req.language)), .postMethod, .cls("stack")], [
                CSRFField(),
                H.void("input", [.type("hidden"), .name("token"), .value(token)]),
                H.button(req.t(.signInLinkUse)),
            ]))))
    }

    @Sendable static func use(req: Request) async throws -> Response {
        let token = req.formText("token")
        guard let user = try await AccountTokens.redeem(token, purpose: .signIn, on: req.db), !user.isDeleted, !user.isBlocked else {
            return await req.render(Page(title: req.t(.signInLinkTitle), content: H.section([],
                H.h1(req.t(.signInLinkTitle)), H.p(req.t(.signInLinkInvalid)),
                H.p([], H.a(req.t(.signInLinkTitle), href: SiteURL.loginLink.path(req.language)))), status: .badRequest))
        }
        try await LoginAttempt(email: user.email, address: req.clientAddress, succeeded: true).create(on: req.db)
        try await req.signIn(user)
        let res = req.redirect(to: SiteURL.home.path(req.language))
        try await SignInThrottle.rememberDevice(req, userID: user.id!, on: res)
        return res
    }

    static func page(_ t: Localizer, email: String, error: String?) -> Page {
        EmailRequestForm.page(t, title: .signInLinkTitle, intro: .signInLinkIntro,
                              form: EmailRequestForm.form(t, action: .loginLink, submit: .signInLinkSubmit, email: email, error: error))
    }
}
