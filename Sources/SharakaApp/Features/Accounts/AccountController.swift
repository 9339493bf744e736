import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Registration, e-mail confirmation, sign-in and password recovery.
enum AccountController {
    // MARK: registration

    @Sendable static func registerForm(req: Request) async throws -> Response {
        // Signed-in people asking for the form are taken to their account instead of an error.
        if req.currentUser != nil { return req.redirect(to: SiteURL.account.path(req.language)) }
        return await req.render(RegisterPage.page(req.t, form: .init(language: req.language.rawValue), errors: [:], provinces: try await Provinces.options(req)))
    }

    @Sendable static func register(req: Request) async throws -> Response {
        try req.require(.register)
        var form = try req.content.decode(RegistrationForm.self)
        // Bidi controls and zero-width characters would let a name reorder what follows it or pass for another.
        form.name = form.name.map(DisplayText.name)
        let provinces = try await Provinces.options(req)
        let errors = form.validate(req.t, provinces: Set(provinces.map(\.value)))
        let email = AccountRules.normalisedEmail(form.email ?? "")
        if !errors.isEmpty {
            return await req.render(RegisterPage.page(req.t, form: form, errors: errors, provinces: provinces, status: .unprocessableEntity))
        }
        // Hashed whether or not the address is taken, so that the time taken does not tell.
        let hash = try await req.password.async.hash(form.password!).get()
        // An address already registered gets the same answer as a new one, so that the form
        // does not tell who has an account; its owner hears of the attempt by e-mail.
        if let existing = try await User.query(on: req.db).filter(\.$email == email).first() {
            try await AccountMail.alreadyRegistered(to: existing, login: "\(req.publicURL)\(SiteURL.login.path(existing.language))",
                                                    reset: "\(req.publicURL)\(SiteURL.passwordForgot.path(existing.language))", on: req.db)
            req.flash(req.t(.registeredCheckMail, ["email": email]))
            return req.redirect(to: SiteURL.login.path(req.language))
        }
        let user = User(name: form.name!, email: email, passwordHash: hash,
                        language: Language(rawValue: form.language!)!, provinceCode: form.province.flatMap { $0.isEmpty ? nil : $0 })
        user.termsAcceptedAt = Date(); user.termsVersion = req.settings.termsVersion
        do {
            try await req.db.transaction { db in
                try await user.create(on: db)
                let token = try await AccountTokens.issue(for: user, purpose: .confirmEmail, on: db)
                try await AccountMail.confirmation(to: user, link: AccountTokens.link(req, .confirmEmail, token: token), on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two submissions racing for the same address: the unique index decides, and the
            // loser is answered like everyone else.
        }
        req.flash(req.t(.registeredCheckMail, ["email": email]))
        return req.redirect(to: SiteURL.login.path(req.language))
    }

    @Sendable static func confirm(req: Request) async throws -> Response {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        guard let user = try await AccountTokens.redeem(token, purpose: .confirmEmail, on: req.db) else {
            return await req.render(Page(title: req.t(.confirmFailedTitle), content: H.section([],
                H.h1(req.t(.confirmFailedTitle)), H.p(req.t(.confirmFailedText)),
                H.h2(req.t(.confirmResendTitle)), H.p(req.t(.confirmResendIntro)),
                ConfirmationResendController.form(req.t, email: "")), status: .badRequest))
        }
        if user.confirmedAt == nil {
            user.confirmedAt = Date()
            try await user.save(on: req.db)
        }
        req.flash(req.t(.confirmDone))
        return req.redirect(to: SiteURL.login.path(req.language))
    }

    // MARK: sign-in

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var next: String?
        var draft: String?
    }

    @Sendable static func loginForm(req: Request) async throws -> Response {
        let next = LocalRedirect.target((try? req.query.get(String.self, at: "next")) ?? "") ?? ""
        return await req.render(LoginPage.page(req.t, email: "", next: next, error: nil))
    }

    @Sendable static func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let email = AccountRules.normalisedEmail(form.email ?? "")
        let next = LocalRedirect.target(form.next ?? "") ?? ""
        let draft = FormDraft.decode(form.draft)
        let address = req.clientAddress
        let throttle = LoginThrottle(), now = Date()
        let sql = req.db as! any SQLDatabase
        let user = email.isEmpty ? nil : try await User.query(on: req.db).filter(\.$email == email).first()
        let attempt = LoginAttempt(email: email, address: address, succeeded: false, at: now)
        try await attempt.create(on: req.db)
        let decision = throttle.decide(
            account: try await SignInThrottle.accountFailures(email, excluding: attempt.id!, since: throttle.windowStart(now: now), on: sql),
            address: try await SignInThrottle.addressFailures(address, excluding: attempt.id!, since: throttle.windowStart(now: now), on: sql),
            knownDevice: try await SignInThrottle.isKnownDevice(req, userID: user?.id), now: now)
        if case .wait(let seconds) = decision {
            attempt.throttled = true
            try await attempt.save(on: req.db)
            let wait = String(format: "%d:%02d", seconds / 60, seconds % 60)
            let res = await req.render(LoginPage.page(req.t, email: email, next: next, error: req.t(.loginWait, ["time": wait]), draft: draft, status: .tooManyRequests))
            res.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return res
        }
        // Verify against a fixed hash when the account is unknown, so timing does not reveal which e-mails exist.
        let hash = user?.passwordHash ?? "$2b$12$C6UzMDM.H6dfI/f/IKxGhu4pV7XD3C1/TQ2ZeoOu0X3jQ7EHRd5Nu"
        let matches = (try? await req.password.async.verify(form.password ?? "", created: hash).get()) ?? false
        guard matches, let user, !user.isDeleted else {
            return await req.render(LoginPage.page(req.t, email: email, next: next, error: req.t(.loginFailed), draft: draft, status: .unauthorized))
        }
        if user.isBlocked {
            return await req.render(LoginPage.page(req.t, email: email, next: next, error: req.t(.loginBlocked), draft: draft, status: .forbidden))
        }
        if !user.isConfirmed {
            return await req.render(LoginPage.page(req.t, email: email, next: next, error: req.t(.loginUnconfirmed), unconfirmed: true, draft: draft, status: .forbidden))
        }
        attempt.succeeded = true
        try await attempt.save(on: req.db)
        try await req.signIn(user)
        // Only plain local paths: an open redirect would let a phishing link borrow our domain.
        // The language the person is reading wins over the account's preference (which e-mails follow).
        // A form that came back after its session ended is offered again, ready to send.
        let res: Response
        if let draft { res = await req.render(DraftPage.page(req.t, draft)) } else { res = req.redirect(to: next.isEmpty ? SiteURL.home.path(req.language) : next) }
        try await SignInThrottle.rememberDevice(req, userID: user.id!, on: res)
        return res
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: SiteURL.home.path(req.language))
    }

    // MARK: password recovery

    @Sendable static func forgotForm(req: Request) async throws -> Response {
        await req.render(PasswordPages.forgot(req.t, email: "", error: nil))
    }

    @Sendable static func forgot(req: Request) async throws -> Response {
        let email = AccountRules.normalisedEmail((try? req.content.get(String.self, at: "email")) ?? "")
        if let p = AccountRules.checkEmail(email) {
            return await req.render(PasswordPages.forgot(req.t, email: email, error: req.t.problem(p), status: .unprocessableEntity))
        }
        // Same answer whether or not the account exists.
        if let user = try await User.query(on: req.db).filter(\.$email == email).filter(\.$deletedAt == nil).first() {
            try await AccountTokens.send(.resetPassword, to: user, page: .passwordReset, req) { try await AccountMail.passwordReset(to: $0, link: $1, on: $2) }
        }
        req.flash(req.t(.forgotSent))
        return req.redirect(to: SiteURL.login.path(req.language))
    }

    @Sendable static func resetForm(req: Request) async throws -> Response {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        return await req.render(PasswordPages.reset(req.t, token: token, errors: [:]))
    }

    @Sendable static func reset(req: Request) async throws -> Response {
        let token = (try? req.content.get(String.self, at: "token")) ?? ""
        let password = (try? req.content.get(String.self, at: "password")) ?? ""
        let confirmation = (try? req.content.get(String.self, at: "password_confirmation")) ?? ""
        if let p = AccountRules.checkPassword(password, confirmation: confirmation) {
            let field = p == .passwordsDiffer ? "password_confirmation" : "password"
            return await req.render(PasswordPages.reset(req.t, token: token, errors: [field: req.t.problem(p, min: AccountRules.passwordLength.lowerBound, max: AccountRules.passwordLength.upperBound)], status: .unprocessableEntity))
        }
        let hash = try await req.password.async.hash(password).get()
        guard let user = try await AccountTokens.redeem(token, purpose: .resetPassword, on: req.db), !user.isDeleted else {
            return await req.render(Page(title: req.t(.resetFailedTitle), content: H.section([], H.h1(req.t(.resetFailedTitle)), H.p(req.t(.resetFailedText)), H.p([], H.a(req.t(.forgotTitle), href: SiteURL.passwordForgot.path(req.language)))), status: .badRequest))
        }
        user.passwordHash = hash
        // Following the link proves the address.
        if user.confirmedAt == nil { user.confirmedAt = Date() }
        try await PasswordChange.apply(user, revokeTokens: req.formText("revoke_tokens") == "yes", keeping: nil, on: req.db)
        req.flash(req.t(.resetDone))
        return req.redirect(to: SiteURL.login.path(req.language))
    }
}

