import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor
import NIOCore

/// Sets up storage, middleware and routes. Tests call it with their own settings.
public func configure(_ app: Application, settings: Settings = .fromEnvironment()) async throws {
    app.settings = settings
    app.auditGate = SerialGate()
    app.sqliteWriteGate = settings.engine == .sqlite ? SerialGate() : nil

    switch settings.engine {
    case .sqlite:
        // The driver opens one connection per event loop and turns foreign keys on; its busy
        // handler retries at once, for ever, so `prepareStorage` replaces it with SQLite's
        // sleeping one. WAL (also there) lets readers go on while one connection writes.
        app.databases.use(.sqlite(.file(settings.sqlitePath), sqlLogLevel: .debug), as: .sqlite)
    case .postgres:
        // Several connections per event loop: one request's transaction must not stall the
        // others, and the start-up lock pins one while migrations use another.
        try app.databases.use(.postgres(url: settings.databaseURL!, maxConnectionsPerEventLoop: settings.postgresPoolSize,
                                        sqlLogLevel: .debug), as: .psql)
    }

    app.supportBatch = SupportBatch(database: { [unowned app] in app.db as! any SQLDatabase }, gate: app.sqliteWriteGate,
                                    factsLifetime: TimeAmount.milliseconds(Int64(settings.pageCacheSeconds * 1000)))
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    let lifetime = settings.sessionLifetime
    app.sessions.use { _ in DatabaseSessions(lifetime: lifetime) }
    app.sessions.configuration.cookieName = "sharaka_session"
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(string: id.string, expires: Date().addingTimeInterval(lifetime.absolute),
                          maxAge: Int(lifetime.absolute), path: "/", isSecure: settings.secureCookies,
                          isHTTPOnly: true, sameSite: .lax)
    }
    // Twice the largest upload is read, so that a file somewhat too large reaches its form,
    // which refuses it beside the field with everything else kept; beyond that, a 413 page
    // says what the limit is and that the browser's Back button still holds the text.
    app.routes.defaultMaxBodySize = ByteCount(value: settings.maxUploadBytes * 2 + 1024 * 1024)
    _ = sortedJSONKeys
    // gzip for text (HTML, JSON, CSS, JS, CSV, Atom) when the client asks: a 31.7 KB proposal
    // page is 4.1 KB compressed. Images, PDFs and archives are sent as they are.
    app.http.server.configuration.responseCompression = .enabledForCompressibleTypes

    app.fileStore = switch settings.fileStore {
    case .directory: DirectoryFileStore(root: settings.filesPath)
    case .database: DatabaseFileStore()
    }

    // Created here, while configuration is single-threaded, rather than lazily by racing requests.
    app.inFlight = InFlightRequests()
    _ = app.regionCache
    app.pageCache = PageCache(seconds: settings.pageCacheSeconds)
    _ = app.homeFacts

    Migrations.register(on: app)

    // Order matters: headers and error pages wrap everything, sessions before CSRF.
    app.middleware = Middlewares()
    app.middleware.use(app.inFlight)
    app.middleware.use(ResponseHeaderGuardMiddleware())
    app.middleware.use(RequestIDMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(PublicReadCORSMiddleware())
    app.middleware.use(HTTPCachingMiddleware())
    app.middleware.use(PageCacheInvalidation())
    app.middleware.use(SharakaErrorMiddleware(environment: app.environment))
    app.middleware.use(RequestGuardMiddleware())
    app.middleware.use(StaticAssetsMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(CurrentUserMiddleware())
    app.middleware.use(NotificationDeliveryMiddleware())

    try routes(app)
    app.routeMethods = RouteMethods(app.routes.all)
}

/// WAL mode is a property of the file, so setting it once per start is enough.
func prepareStorage(_ app: Application) async throws {
    guard app.settings.engine == .sqlite, let sql = app.db as? any SQLDatabase else { return }
    try await sql.raw("PRAGMA journal_mode=WAL").run()
    // Per connection: a writer that finds the file locked sleeps and retries with SQLite's
    // backoff (1, 2, 5, 10 … 100 ms, for up to 5 s) instead of spinning on a core; in WAL
    // mode NORMAL syncs at checkpoints, not at every commit (a crash of the process loses
    // nothing; a power cut may lose the last commits, never the file's integrity).
    for loop in app.eventLoopGroup.makeIterator() {
        guard let db = app.databases.database(.sqlite, logger: app.logger, on: loop) as? any SQLDatabase else { continue }
        try await db.raw("PRAGMA busy_timeout = 5000").run()
        try await db.raw("PRAGMA synchronous = \(unsafeRaw: app.settings.sqliteSynchronous)").run()
    }
}

/// JSON keys in a fixed order: the same data gives the same bytes, so a body's hash (the
/// ETag) changes only when the data does (Swift dictionaries iterate in no stable order).
/// Set once per process (a global `let` is initialised exactly once), as Vapor's own default
/// plus sorted keys.
private let sortedJSONKeys: Void = {
    let json = JSONEncoder.custom(dates: .iso8601, format: .sortedKeys)
    ContentConfiguration.global.use(encoder: json, for: .json)
    ContentConfiguration.global.use(encoder: json, for: HTTPMediaType(type: "application", subType: "problem+json"))
}()
