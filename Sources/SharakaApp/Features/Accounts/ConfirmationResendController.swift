import Fluent
import SharakaCore
import SQLKit
import Vapor

/// "Send the confirmation again", offered where a first-time user gets stuck: the sign-in
/// refusal of an unconfirmed account and the page of an expired or used link. Everyone gets
/// the same answer; `ConfirmationResending` decides whether an e-mail is queued.
enum ConfirmationResendController {
    @Sendable static func form(req: Request) async throws -> Response {
        await req.render(page(req.t, email: "", error: nil))
    }

    @Sendable static func send(req: Request) async throws -> Response {
        let email: String
        switch await EmailRequestForm.address(req, page: { page(req.t, email: $0, error: $1) }) {
        case .address(let typed): email = typed
        case .refused(let page): return page
        }
        let now = Date()
        if let user = try await User.query(on: req.db).filter(\.$email == email).first() {
            let last = try await AccountToken.query(on: req.db).filter(\.$user.$id == user.id!)
                .filter(\.$purpose == AccountToken.Purpose.confirmEmail.rawValue).max(\.$createdAt)
            let account = ConfirmationResending.Account(confirmed: user.isConfirmed, blocked: user.isBlocked, deleted: user.isDeleted, lastSent: last)
            if ConfirmationResending.shouldSend(account, now: now) {
                // The link opens in the language of the page it was asked from; the e-mail is
                // written in the account's own.
                try await AccountTokens.send(.confirmEmail, to: user, page: .confirmEmail, req) { try await AccountMail.confirmation(to: $0, link: $1, on: $2) }
            }
        }
        req.flash(req.t(.confirmationResent, ["email": email]))
        return req.redirect(to: SiteURL.login.path(req.language))
    }

    static func page(_ t: Localizer, email: String, error: String?) -> Page {
        EmailRequestForm.page(t, title: .confirmResendTitle, intro: .confirmResendIntro, form: form(t, email: email, error: error))
    }

    /// The form alone, also drawn under the sign-in refusal and the invalid-link message.
    static func form(_ t: Localizer, email: String, error: String? = nil) -> HNode {
        EmailRequestForm.form(t, action: .confirmResend, submit: .confirmResendSubmit, email: email, error: error)
    }
}
