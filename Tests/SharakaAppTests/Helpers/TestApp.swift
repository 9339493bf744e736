import Fluent
import SharakaCore
import Foundation
@testable import SharakaApp
import Testing
import Vapor
import VaporTesting

/// The storage engines every storage test runs on. PostgreSQL joins when the test
/// command has started one (`SHARAKA_TEST_POSTGRES_URL`); with
/// `SHARAKA_TEST_REQUIRE_POSTGRES=1` its absence is an error, not a silent skip.
enum Engine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static var all: [Engine] {
        let env = ProcessInfo.processInfo.environment
        if env["SHARAKA_TEST_POSTGRES_URL"] != nil { return [.sqlite, .postgres] }
        precondition(env["SHARAKA_TEST_REQUIRE_POSTGRES"] != "1", "SHARAKA_TEST_POSTGRES_URL is required")
        return [.sqlite]
    }
}

enum TestDatabase {
    static var postgresURL: String { ProcessInfo.processInfo.environment["SHARAKA_TEST_POSTGRES_URL"]! }

    /// A new empty database per test, so tests run in parallel without seeing each other.
    static func settings(_ engine: Engine) throws -> Settings {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        var s = Settings.fromEnvironment([:])
        s.bcryptCost = 4
        s.runWorkers = false
        s.trustProxy = true
        // Tests change rows behind the app's back; the page cache has its own tests.
        s.pageCacheSeconds = 0
        s.filesPath = NSTemporaryDirectory() + "sharaka-files-\(name)"
        switch engine {
        case .sqlite:
            s.sqlitePath = NSTemporaryDirectory() + "sharaka-\(name).sqlite"
            s.fileStore = .directory
        case .postgres:
            try createPostgresDatabase(name)
            s.databaseURL = postgresURL.replacingOccurrences(of: "/postgres?", with: "/\(name)?")
            // Dozens of tests run at once, each with its own app: a small pool each keeps
            // them within the server's max_connections.
            s.postgresPoolSize = 2
            s.fileStore = .database
        }
        return s
    }

    static func createPostgresDatabase(_ name: String) throws {
        let url = URLComponents(string: postgresURL)!
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-h", url.host!, "-p", String(url.port!), "-U", "postgres", "-d", "postgres", "-qc", "CREATE DATABASE \(name)"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Abort(.internalServerError, reason: "createdb \(name) failed") }
    }
}

/// Runs `body` against a migrated, empty app on `engine`; `seed` loads the demo region first.
func withTestApp<T>(_ engine: Engine, seed: Bool = true, settings: Settings? = nil,
                    _ body: (Application) async throws -> T) async throws -> T {
    let s = try settings ?? TestDatabase.settings(engine)
    // Each test's files go with it, so repeated runs do not fill the temporary folder.
    defer {
        if settings == nil {
            var paths = [s.filesPath]
            if engine == .sqlite { paths += [s.sqlitePath, s.sqlitePath + "-wal", s.sqlitePath + "-shm"] }
            for path in paths { try? FileManager.default.removeItem(atPath: path) }
        }
    }
    return try await withApp(configure: { app in
        app.logger.logLevel = .warning
        try await configure(app, settings: s)
        try await SharakaCommands.prepareForServe(app, demo: false)
        if seed { try await TestFixtures.region(app) }
    }, body)
}

enum TestFixtures {
    static let password = "correct horse 42 battery"

    /// The demo region and provinces without the demo's organisations and accounts.
    static func region(_ app: Application) async throws {
        try await Region(code: "02", name: .init([.ar: "جهة الشرق", .fr: "Région de l'Oriental"]), isDemo: false).create(on: app.db)
        for (code, ar, fr, kind) in [("02.411", "وجدة-أنجاد", "Oujda-Angad", "prefecture"), ("02.381", "الناضور", "Nador", "province")] {
            try await Province(code: code, name: .init([.ar: ar, .fr: fr]), kind: kind, population: 1000).create(on: app.db)
        }
    }

    @discardableResult
    static func user(_ app: Application, email: String, role: Role = .citizen, confirmed: Bool = true, name: String = "Test User") async throws -> User {
        let user = User(name: name, email: email.lowercased(), passwordHash: try await app.password.async.hash(password).get(),
                        language: .ar, provinceCode: nil, role: role)
        if confirmed { user.confirmedAt = Date() }
        try await user.create(on: app.db)
        return user
    }

    /// A published proposal written directly in the database.
    @discardableResult
    static func proposal(_ app: Application, process: ParticipatoryProcess, author: User, title: String = "نشر الميزانية الجهوية بصيغة مفتوحة",
                         organisation: Organisation? = nil, province: String? = nil) async throws -> Proposal {
        let p = Proposal()
        p.title = title
        p.body = "نص المقترح مع تفاصيل كافية للفهم."
        p.language = "ar"; p.ogpValue = "access_to_information"; p.theme = "fiscal_transparency"; p.provinceCode = province
        p.searchText = Proposal.searchText(title: p.title, body: p.body)
        p.$process.id = process.id!; p.$author.id = author.id!; p.$organisation.id = organisation?.id
        p.status = "published"; p.supportsCount = 0; p.commentsCount = 0; p.randomKey = Int.random(in: 0..<1_000_000)
        try await p.create(on: app.db)
        try await SearchIndex.refresh(.proposal, p.id!, on: app.db)
        return p
    }
}
