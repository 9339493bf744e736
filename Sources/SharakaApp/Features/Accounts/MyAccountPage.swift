import SharakaCore
import Vapor

enum MyAccountPage {
    static func page(_ t: Localizer, user: User, provinces: [(value: String, label: String)], memberships: [(String, String)],
                     errors: [String: String], status: HTTPStatus = .ok) -> Page {
        let lang = t.language
        let languages = Language.allCases.map { ($0.rawValue, $0.endonym) }
        return Page(title: t(.accountTitle), content: H.section([],
            H.h1(t(.accountTitle)),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.dl([(t(.fieldEmail), H.text(user.email)), (t(.fieldRole), H.text(t.role(user.roleValue))),
                  (t(.accountMemberships), memberships.isEmpty ? H.text(t(.accountNoMemberships)) : H.ul([], memberships.map { H.text("\($0.0) — \($0.1)") }))]),
            H.h2(t(.accountProfile)),
            H.el("form", [.action(SiteURL.accountProfile.path(lang)), .postMethod, .cls("stack")], [
                CSRFField(),
                FormField.input("name", label: t(.fieldName), value: user.name, error: errors["name"], required: true, autocomplete: "name"),
                FormField.select("language", label: t(.fieldLanguage), options: languages, selected: user.preferredLanguage),
                FormField.select("province", label: t(.fieldProvinceOptional), options: provinces, selected: user.provinceCode, error: errors["province"], includeBlank: t(.choiceNone)),
                H.button(t(.save)),
            ]),
            H.h2(t(.accountChangePassword)),
            H.el("form", [.action(SiteURL.accountPassword.path(lang)), .postMethod, .cls("stack")], [
                CSRFField(),
                FormField.input("current_password", label: t(.fieldCurrentPassword), type: "password", error: errors["current_password"], required: true, autocomplete: "current-password"),
                FormField.input("new_password", label: t(.fieldNewPassword), type: "password", error: errors["new_password"], hint: t(.passwordHint), required: true, autocomplete: "new-password"),
                FormField.input("new_password_confirmation", label: t(.fieldPasswordConfirmation), type: "password", error: errors["new_password_confirmation"], required: true, autocomplete: "new-password"),
                H.p(t(.passwordEndsSessions), [.cls("hint")]),
                FormField.checkbox("revoke_tokens", label: t(.passwordRevokeTokens)),
                H.button(t(.accountChangePassword)),
            ]),
            H.h2(t(.accountMyData)),
            H.p(t(.accountMyDataText)),
            H.p([], H.a(t(.dataTitle), href: SiteURL.accountData.path(lang), [.cls("button")]), H.text(" "),
                H.a(t(.accountDownload), href: SiteURL.accountExport.path(lang), [.cls("button secondary")])),
            H.h2(t(.tokensTitle)),
            H.p([], H.a(t(.tokensTitle), href: SiteURL.accountTokens.path(lang))),
            H.h2(t(.accountDelete)),
            H.p(t(.accountDeleteText)),
            H.el("form", [.action(SiteURL.accountDelete.path(lang)), .postMethod, .cls("stack"), .attr("data-confirm", t(.accountDeleteConfirm))], [
                CSRFField(),
                FormField.input("delete_password", label: t(.fieldCurrentPassword), type: "password", error: errors["delete_password"], required: true, autocomplete: "current-password", extra: []),
                FormField.checkbox("confirm", label: t(.accountDeleteConfirm), error: errors["confirm"]),
                H.button(t(.accountDelete), [.cls("danger")]),
            ])), status: status)
    }
}
