import SharakaCore
import Vapor

enum RegisterPage {
    static func page(_ t: Localizer, form: RegistrationForm, errors: [String: String],
                     provinces: [(value: String, label: String)], status: HTTPStatus = .ok) -> Page {
        let languages = Language.allCases.map { ($0.rawValue, $0.endonym) }
        return Page(title: t(.registerTitle), content: H.section([],
            H.h1(t(.registerTitle)),
            H.p(t(.registerIntro)),
            FormField.errorSummary(errors, title: t(.formHasErrors), fields: [
                ("name", t(.fieldName)), ("email", t(.fieldEmail)), ("password", t(.fieldPassword)), ("password_confirmation", t(.fieldPasswordConfirmation)),
                ("language", t(.fieldLanguage)), ("province", t(.fieldProvinceOptional)), ("accept_terms", t(.fieldAcceptTerms)),
            ]),
            H.el("form", [.action(SiteURL.register.path(t.language)), .postMethod, .cls("stack"), .attr("novalidate", "novalidate")], [
                CSRFField(),
                FormField.input("name", label: t(.fieldName), value: form.name ?? "", error: errors["name"], required: true, autocomplete: "name"),
                FormField.input("email", label: t(.fieldEmail), value: form.email ?? "", type: "email", error: errors["email"], required: true, autocomplete: "email"),
                FormField.input("password", label: t(.fieldPassword), type: "password", error: errors["password"], hint: t(.passwordHint), required: true, autocomplete: "new-password"),
                FormField.input("password_confirmation", label: t(.fieldPasswordConfirmation), type: "password", error: errors["password_confirmation"], required: true, autocomplete: "new-password"),
                FormField.select("language", label: t(.fieldLanguage), options: languages, selected: form.language, error: errors["language"]),
                FormField.select("province", label: t(.fieldProvinceOptional), options: provinces, selected: form.province, error: errors["province"], includeBlank: t(.choiceNone)),
                acceptTerms(t, checked: form.accept_terms == "yes", error: errors["accept_terms"]),
                H.button(t(.registerSubmit)),
            ]),
            H.p([], H.a(t(.registerHaveAccount), href: SiteURL.login.path(t.language)))), status: status)
    }
}

extension RegisterPage {
    /// "I have read and accept the terms of use and the personal-data notice", each a link.
    static func acceptTerms(_ t: Localizer, checked: Bool, error: String?) -> HNode {
        let id = "f-accept_terms"
        return H.div([.cls("field")],
            error.map { H.span($0, [.cls("field-error"), .id("\(id)-error")]) } ?? H.empty,
            H.el("label", [.for(id)], [
                H.void("input", [.id(id), .name("accept_terms"), .type("checkbox"), .value("yes"), .flag("checked", checked), .flag("required"),
                                 .attr("aria-describedby", error != nil ? "\(id)-error" : nil), .attr("aria-invalid", error != nil ? "true" : nil)]),
                H.text(" "),
                t.sentence(.registerAcceptTerms, ["terms": H.a(t(.registerTermsLink), href: SiteURL.terms.path(t.language), [.attr("target", "_blank")]),
                                                  "privacy": H.a(t(.registerPrivacyLink), href: SiteURL.privacy.path(t.language), [.attr("target", "_blank")])]),
            ]))
    }
}

enum LoginPage {
    /// `unconfirmed`: the refusal of an account not yet confirmed, which offers a new link.
    /// `expired`: a form came back after its session ended; `draft` is what it carried, kept
    /// in the sign-in form and offered back after signing in.
    static func page(_ t: Localizer, email: String, next: String, error: String?, unconfirmed: Bool = false,
                     expired: Bool = false, draft: FormDraft? = nil, status: HTTPStatus = .ok) -> Page {
        Page(title: expired ? t(.sessionExpiredTitle) : t(.loginTitle), content: H.section([],
            H.h1(expired ? t(.sessionExpiredTitle) : t(.loginTitle)),
            expired ? H.p(draft == nil ? t(.sessionExpiredText) : t(.sessionExpiredKept), [.cls("warning-note"), .attr("role", "alert")]) : H.empty,
            error.map { H.div([.cls("error-summary"), .attr("role", "alert")], H.p($0)) } ?? H.empty,
            unconfirmed ? H.section([.cls("card"), .aria("labelledby", "resend-title")],
                H.h2(t(.confirmResendTitle), [.id("resend-title")]),
                ConfirmationResendController.form(t, email: email)) : H.empty,
            H.el("form", [.action(SiteURL.login.path(t.language)), .postMethod, .cls("stack")], [
                CSRFField(),
                H.void("input", [.type("hidden"), .name("next"), .value(next)]),
                draft.map { H.void("input", [.type("hidden"), .name("draft"), .value($0.encoded)]) } ?? H.empty,
                FormField.input("email", label: t(.fieldEmail), value: email, type: "email", required: true, autocomplete: "username"),
                FormField.input("password", label: t(.fieldPassword), type: "password", required: true, autocomplete: "current-password"),
                H.button(t(.loginSubmit)),
            ]),
            H.ul([], [
                H.a(t(.forgotTitle), href: SiteURL.passwordForgot.path(t.language)),
                H.a(t(.signInLinkTitle), href: SiteURL.loginLink.path(t.language)),
                H.a(t(.navRegister), href: SiteURL.register.path(t.language)),
            ])), status: status)
    }
}

enum PasswordPages {
    static func forgot(_ t: Localizer, email: String, error: String?, status: HTTPStatus = .ok) -> Page {
        Page(title: t(.forgotTitle), content: H.section([],
            H.h1(t(.forgotTitle)), H.p(t(.forgotIntro)),
            H.el("form", [.action(SiteURL.passwordForgot.path(t.language)), .postMethod, .cls("stack")], [
                CSRFField(),
                FormField.input("email", label: t(.fieldEmail), value: email, type: "email", error: error, required: true, autocomplete: "email"),
                H.button(t(.forgotSubmit)),
            ])), status: status)
    }

    static func reset(_ t: Localizer, token: String, errors: [String: String], status: HTTPStatus = .ok) -> Page {
        Page(title: t(.resetTitle), content: H.section([],
            H.h1(t(.resetTitle)),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.el("form", [.action(SiteURL.passwordReset.path(t.language)), .postMethod, .cls("stack")], [
                CSRFField(),
                H.void("input", [.type("hidden"), .name("token"), .value(token)]),
                FormField.input("password", label: t(.fieldNewPassword), type: "password", error: errors["password"], hint: t(.passwordHint), required: true, autocomplete: "new-password"),
                FormField.input("password_confirmation", label: t(.fieldPasswordConfirmation), type: "password", error: errors["password_confirmation"], required: true, autocomplete: "new-password"),
                H.p(t(.passwordEndsSessions), [.cls("hint")]),
                FormField.checkbox("revoke_tokens", label: t(.passwordRevokeTokens)),
                H.button(t(.resetSubmit)),
            ])), status: status)
    }
}
