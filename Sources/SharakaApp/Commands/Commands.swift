import Fluent
import SQLKit
import SharakaCore
import Vapor

/// `sharaka migrate`: brings the schema up to date without asking (Vapor's own asks y/n).
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "revert", help: "Revert the last batch of migrations instead.") var revert: Bool
        init() {}
    }
    var help: String { "Runs pending database migrations (SQLite file or DATABASE_URL)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if signature.revert {
            try await app.autoRevert()
            context.console.print("Reverted the last batch.")
        } else {
            try await prepareStorage(app)
            try await SharakaCommands.oneInstanceAtATime(app) { try await app.autoMigrate() }
            context.console.print("Database is up to date.")
        }
    }
}

/// `sharaka seed-demo`: the Oriental Region demo (skipped when a region already exists).
struct SeedDemoCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    var help: String { "Loads the demo region (Oriental), its provinces, organisations and demo accounts." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareStorage(app)
        try await app.autoMigrate()
        let accounts = try await DemoSeed.run(on: app)
        if accounts.isEmpty { context.console.print("A region already exists: nothing loaded.") }
        DemoSeed.printAccounts(accounts, logger: app.logger)
    }
}

/// `sharaka create-admin --email … --name …`: creates an administrator or promotes an existing account.
struct CreateAdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "E-mail address of the administrator.") var email: String?
        @Option(name: "name", help: "Display name (for a new account).") var name: String?
        @Option(name: "password", help: "Password; a strong one is generated and printed when omitted.") var password: String?
        init() {}
    }
    var help: String { "Creates an administrator account, or gives the administrator role to an existing one." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let (user, clear) = try await AccountBootstrap.account(app, email: signature.email, name: signature.name ?? "Administrator",
                                                               password: signature.password, role: .administrator)
        context.console.print("\(user.email) is an administrator." + (clear.map { " Password: \($0)" } ?? ""))
    }
}

struct CommandError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

public enum SharakaCommands {
    public static func register(_ app: Application) {
        app.asyncCommands.use(MigrateCommand(), as: "migrate")
        app.asyncCommands.use(SeedDemoCommand(), as: "seed-demo")
        app.asyncCommands.use(CreateAdminCommand(), as: "create-admin")
        app.asyncCommands.use(CreateOfficialCommand(), as: "create-official")
        app.asyncCommands.use(BenchSeedCommand(), as: "bench-seed")
        app.asyncCommands.use(BenchNotifyCommand(), as: "bench-notify")
        app.asyncCommands.use(AuditCommands(), as: "audit")
        app.asyncCommands.use(ImportCommands(), as: "import")
    }

    /// What `serve` does before listening: migrate, and on an empty database load the demo unless told not to.
    public static func prepareForServe(_ app: Application, demo: Bool) async throws {
        // Background work belongs to serving instances only, not to one-off commands.
        if app.settings.runWorkers {
            app.lifecycle.use(OutboxWorker(interval: app.settings.outboxInterval))
            app.lifecycle.use(JobWorker(jobs: NotificationJobs.all, tick: 60))
        }
        try await prepareStorage(app)
        try await oneInstanceAtATime(app) {
            try await app.autoMigrate()
            if demo {
                let accounts = try await DemoSeed.run(on: app)
                DemoSeed.printAccounts(accounts, logger: app.logger)
            }
        }
    }

    /// Several instances started together against one PostgreSQL would race to create the same
    /// tables and seed the same demo; a session-level advisory lock, held on one pinned
    /// connection, makes them take turns. SQLite has one process by design.
    static func oneInstanceAtATime(_ app: Application, _ body: @escaping @Sendable () async throws -> Void) async throws {
        guard app.settings.engine == .postgres else { return try await body() }
        try await app.db.withConnection { pinned in
            let sql = pinned as! any SQLDatabase
            try await sql.raw("SELECT pg_advisory_lock(\(literal: 7_243_001))").run()
            do {
                try await body()
            } catch {
                try? await sql.raw("SELECT pg_advisory_unlock(\(literal: 7_243_001))").run()
                throw error
            }
            try await sql.raw("SELECT pg_advisory_unlock(\(literal: 7_243_001))").run()
        }
    }
}

/// `sharaka create-official --email … --organisation council|<uuid>`: an official of an
/// organising body, who can run its processes and answer proposals.
struct CreateOfficialCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "E-mail address of the official.") var email: String?
        @Option(name: "name", help: "Display name (for a new account).") var name: String?
        @Option(name: "password", help: "Password; a strong one is generated and printed when omitted.") var password: String?
        @Option(name: "organisation", help: "The body's id, or \"council\" for the regional council.") var organisation: String?
        init() {}
    }
    var help: String { "Creates an official account (or promotes one) and makes it a member of an organisation." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareStorage(app)
        try await app.autoMigrate()
        let raw = signature.organisation ?? "council"
        let org = raw == "council"
            ? try await Organisation.query(on: app.db).filter(\.$sector == Sector.regionalCouncil.rawValue).sort(\.$createdAt).first()
            : try await UUID(uuidString: raw).asyncFlatMap { try await Organisation.find($0, on: app.db) }
        guard let org else { throw CommandError(message: "--organisation: no such organisation") }
        let (user, clear) = try await AccountBootstrap.account(app, email: signature.email, name: signature.name ?? "Official",
                                                               password: signature.password, role: .official)
        if try await Membership.query(on: app.db).filter(\.$user.$id == user.id!).filter(\.$organisation.$id == org.id!).count() == 0 {
            try await Membership(userID: user.id!, organisationID: org.id!, role: .member).create(on: app.db)
        }
        context.console.print("\(user.email) is an official of \(org.name.resolve(for: .fr)?.text ?? org.id!.uuidString)." + (clear.map { " Password: \($0)" } ?? ""))
    }
}

extension Optional {
    func asyncFlatMap<U>(_ f: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await f(self)
    }
}

/// The accounts operators create from the command line: a new confirmed account, or an
/// existing one raised to `role` (never lowered) and unblocked.
enum AccountBootstrap {
    /// Returns the account and, when a password was generated, the password to print.
    static func account(_ app: Application, email raw: String?, name: String, password: String?, role: Role) async throws -> (User, String?) {
        try await prepareStorage(app)
        try await app.autoMigrate()
        let email = AccountRules.normalisedEmail(raw ?? "")
        if let problem = AccountRules.checkEmail(email) { throw CommandError(message: "--email: \(problem.rawValue)") }
        if let existing = try await User.query(on: app.db).filter(\.$email == email).first() {
            existing.role = Policy.granting(role, to: existing.roleValue).rawValue
            existing.blockedAt = nil
            if existing.confirmedAt == nil { existing.confirmedAt = Date() }
            try await existing.save(on: app.db)
            return (existing, nil)
        }
        if let problem = AccountRules.checkName(name) { throw CommandError(message: "--name: \(problem.rawValue)") }
        let clear = password ?? DemoPassword.make()
        if let problem = AccountRules.checkPassword(clear) { throw CommandError(message: "--password: \(problem.rawValue)") }
        let user = User(name: name, email: email, passwordHash: try await app.password.async.hash(clear).get(), language: .ar, provinceCode: nil, role: role)
        user.confirmedAt = Date()
        try await user.create(on: app.db)
        return (user, password == nil ? clear : nil)
    }
}
