import Fluent
import SharakaCore
import Vapor

/// What a signed-in person does with their own account.
enum MyAccountController {
    @Sendable static func show(req: Request) async throws -> Response {
        try req.require(.manageOwnAccount)
        let user = try req.requireUser()
        return await req.render(MyAccountPage.page(req.t, user: user, provinces: try await Provinces.options(req), memberships: try await memberships(of: user, req), errors: [:]))
    }

    struct ProfileForm: Content {
        var name: String?
        var language: String?
        var province: String?
    }

    @Sendable static func updateProfile(req: Request) async throws -> Response {
        try req.require(.manageOwnAccount)
        let user = try req.requireUser()
        var form = try req.content.decode(ProfileForm.self)
        form.name = form.name.map(DisplayText.name)
        let provinces = try await Provinces.options(req)
        var errors: [String: String] = [:]
        if let p = AccountRules.checkName(form.name ?? "") { errors["name"] = req.t.problem(p, min: AccountRules.nameLength.lowerBound, max: AccountRules.nameLength.upperBound) }
        guard let language = Language(rawValue: form.language ?? "") else { throw Abort(.badRequest) }
        let province = form.province.flatMap { $0.isEmpty ? nil : $0 }
        if let province, !provinces.contains(where: { $0.value == province }) { errors["province"] = req.t.problem(.unknownChoice) }
        if !errors.isEmpty {
            return await req.render(MyAccountPage.page(req.t, user: user, provinces: provinces, memberships: try await memberships(of: user, req), errors: errors, status: .unprocessableEntity))
        }
        user.name = form.name!
        user.preferredLanguage = language.rawValue
        user.provinceCode = province
        try await user.save(on: req.db)
        req.flash(Localizer(language)(.profileSaved))
        return req.redirect(to: SiteURL.account.path(language))
    }

    @Sendable static func changePassword(req: Request) async throws -> Response {
        try req.require(.manageOwnAccount)
        let user = try req.requireUser()
        let current = (try? req.content.get(String.self, at: "current_password")) ?? ""
        let new = (try? req.content.get(String.self, at: "new_password")) ?? ""
        let confirmation = (try? req.content.get(String.self, at: "new_password_confirmation")) ?? ""
        var errors: [String: String] = [:]
        if !((try? await req.password.async.verify(current, created: user.passwordHash).get()) ?? false) {
            errors["current_password"] = req.t(.errWrongPassword)
        }
        if let p = AccountRules.checkPassword(new, confirmation: confirmation) {
            errors[p == .passwordsDiffer ? "new_password_confirmation" : "new_password"] = req.t.problem(p, min: AccountRules.passwordLength.lowerBound, max: AccountRules.passwordLength.upperBound)
        }
        if !errors.isEmpty {
            return await req.render(MyAccountPage.page(req.t, user: user, provinces: try await Provinces.options(req), memberships: try await memberships(of: user, req), errors: errors, status: .unprocessableEntity))
        }
        user.passwordHash = try await req.password.async.hash(new).get()
        try await PasswordChange.apply(user, revokeTokens: req.formText("revoke_tokens") == "yes", keeping: req.session.id?.string, on: req.db)
        req.flash(req.t(.passwordChanged))
        return req.redirect(to: SiteURL.account.path(req.language))
    }

    /// Erases personal data but keeps the row, so that contributions stay attributed to "deleted user".
    @Sendable static func delete(req: Request) async throws -> Response {
        try req.require(.manageOwnAccount)
        let user = try req.requireUser()
        let password = (try? req.content.get(String.self, at: "delete_password")) ?? ""
        let confirmed = (try? req.content.get(String.self, at: "confirm")) == "yes"
        var errors: [String: String] = [:]
        if !confirmed { errors["confirm"] = req.t(.errConfirmDeletion) }
        if !((try? await req.password.async.verify(password, created: user.passwordHash).get()) ?? false) {
            errors["delete_password"] = req.t(.errWrongPassword)
        }
        if !errors.isEmpty {
            return await req.render(MyAccountPage.page(req.t, user: user, provinces: try await Provinces.options(req), memberships: try await memberships(of: user, req), errors: errors, status: .unprocessableEntity))
        }
        try await req.db.transaction { db in
            try await AccountErasure.erase(user, on: db)
        }
        req.session.destroy()
        req.flash(req.t(.accountDeleted))
        return req.redirect(to: SiteURL.home.path(req.language))
    }

    /// Everything we hold about the person, as JSON (right of access, Law 09-08).
    @Sendable static func export(req: Request) async throws -> Response {
        try req.require(.manageOwnAccount)
        let user = try req.requireUser()
        guard let data = try await AccountDataQuery.load(user.id!, on: req.sql) else { throw Abort(.notFound) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"sharaka-my-data.json\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(data)))
    }

    /// The same, as a page to read.
    @Sendable static func data(req: Request) async throws -> Response {
        try req.require(.manageOwnAccount)
        let user = try req.requireUser()
        guard let data = try await AccountDataQuery.load(user.id!, on: req.sql) else { throw Abort(.notFound) }
        return await req.render(AccountDataPage.page(req.t, data))
    }

    static func memberships(of user: User, _ req: Request) async throws -> [(String, String)] {
        try await Membership.query(on: req.db).filter(\.$user.$id == user.id!).with(\.$organisation).all()
            .map { (req.t.text($0.organisation.name), $0.role) }
    }
}

enum AccountErasure {
    static func erase(_ user: User, on db: any Database) async throws {
        let oldEmail = user.email
        user.name = ""
        user.email = "deleted-\(user.id!.uuidString.lowercased())@invalid"
        user.passwordHash = "!"
        user.provinceCode = nil
        user.deletedAt = Date()
        try await user.save(on: db)
        try await Membership.query(on: db).filter(\.$user.$id == user.id!).delete()
        try await AccountToken.query(on: db).filter(\.$user.$id == user.id!).delete()
        try await LoginAttempt.query(on: db).filter(\.$email == oldEmail).delete()
        try await OutboxMessage.query(on: db).filter(\.$recipient == oldEmail).filter(\.$status == OutboxMessage.Status.pending.rawValue).delete()
    }
}
