import Fluent
import SharakaCore
import Vapor

/// The e-mails an account receives, written in the account's own language.
enum AccountMail {
    static func confirmation(to user: User, link: String, on db: any Database) async throws {
        let t = Localizer(user.language)
        try await Outbox.enqueue(to: user.email, subject: t(.mailConfirmSubject),
                                 body: t(.mailConfirmBody, ["name": user.name, "link": link]), on: db)
    }

    /// Someone tried to register with an address that has an account already.
    static func alreadyRegistered(to user: User, login: String, reset: String, on db: any Database) async throws {
        guard !user.isDeleted else { return }
        let t = Localizer(user.language)
        try await Outbox.enqueue(to: user.email, subject: t(.mailAlreadyRegisteredSubject),
                                 body: t(.mailAlreadyRegisteredBody, ["name": user.name, "login": login, "reset": reset]), on: db)
    }

    static func signInLink(to user: User, link: String, on db: any Database) async throws {
        let t = Localizer(user.language)
        try await Outbox.enqueue(to: user.email, subject: t(.mailSignInSubject),
                                 body: t(.mailSignInBody, ["name": user.name, "link": link]), on: db)
    }

    static func passwordReset(to user: User, link: String, on db: any Database) async throws {
        let t = Localizer(user.language)
        try await Outbox.enqueue(to: user.email, subject: t(.mailResetSubject),
                                 body: t(.mailResetBody, ["name": user.name, "link": link]), on: db)
    }
}
