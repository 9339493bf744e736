import SharakaCore
import Vapor

/// The pages that ask for an address and mail a link to it (a sign-in link, a new
/// confirmation link): one e-mail field, checked the same way, answered the same way
/// whether or not the account exists.
enum EmailRequestForm {
    enum Typed { case address(String), refused(Response) }

    /// The address typed, normalised, or the page drawn again with its message.
    static func address(_ req: Request, page: (String, String) -> Page) async -> Typed {
        let email = AccountRules.normalisedEmail(req.formText("email"))
        if let p = AccountRules.checkEmail(email) {
            var refused = page(email, req.t.problem(p))
            refused.status = .unprocessableEntity
            return .refused(await req.render(refused))
        }
        return .address(email)
    }

    static func form(_ t: Localizer, action: SiteURL, submit: L10nKey, email: String, error: String?) -> HNode {
        H.el("form", [.action(action.path(t.language)), .postMethod, .cls("stack")], [
            CSRFField(),
            FormField.input("email", label: t(.fieldEmail), value: email, type: "email", error: error, required: true, autocomplete: "email"),
            H.button(t(submit)),
        ])
    }

    static func page(_ t: Localizer, title: L10nKey, intro: L10nKey, form: HNode) -> Page {
        Page(title: t(title), content: H.section([], H.h1(t(title)), H.p(t(intro)), form))
    }
}
