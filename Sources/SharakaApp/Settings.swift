import SharakaCore
import Vapor

/// Everything an operator can set through the environment, read once at start.
/// The README's configuration table lists the same variables.
public struct Settings: Sendable {
    public enum Engine: String, Sendable { case sqlite, postgres }
    public enum FileStoreKind: String, Sendable { case directory, database }

    public var databaseURL: String?
    public var sqlitePath: String
    /// SQLite's `synchronous` pragma: NORMAL (default, safe in WAL mode) or FULL (every commit
    /// reaches the disk before it is answered).
    public var sqliteSynchronous: String
    public var filesPath: String
    public var fileStore: FileStoreKind
    /// SHARAKA_PUBLIC_URL; when unset, links use the address the server listens on
    /// (`Application.publicURL`).
    public var configuredPublicURL: String?
    public var secureCookies: Bool
    public var bcryptCost: Int
    public var sendmailPath: String?
    public var mailFrom: String
    public var outboxInterval: TimeInterval
    public var maxUploadBytes: Int
    public var runWorkers: Bool
    public var jsonLogs: Bool
    /// Behind a reverse proxy, the client's address comes from X-Forwarded-For.
    public var trustProxy: Bool
    /// How many trusted proxies append to X-Forwarded-For (the client's address is that many
    /// entries from the right; whatever the client wrote itself stands further left).
    public var proxyHops: Int
    /// How long sign-ins last without activity, and at most.
    public var sessionLifetime: SessionLifetime
    /// Ceilings on budgets typed into commitments.
    public var budgetLimits: BudgetLimits
    public var postgresPoolSize: Int
    /// How many days before a milestone's end its officials are reminded.
    public var milestoneReminderDays: Int
    /// How long an anonymous page, once drawn, is served again from memory (0: never). A
    /// write through this instance empties the cache at once; other instances' writes show
    /// within this time.
    public var pageCacheSeconds: Double
    /// Followers told per transaction when a notification fans out.
    public var notificationChunk: Int
    /// The version of the terms of use that registration asks to accept (recorded per account).
    public var termsVersion: String = "2026-12"
    /// The number the CNDP gave the platform's declaration under Law 09-08; nil until filed.
    public var cndpDeclaration: String? = nil

    public var engine: Engine { databaseURL == nil ? .sqlite : .postgres }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Settings {
        let databaseURL = env["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let publicURL = env["SHARAKA_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let store = env["SHARAKA_FILE_STORE"].flatMap(FileStoreKind.init(rawValue:))
            ?? (databaseURL == nil ? .directory : .database)
        return Settings(
            databaseURL: databaseURL,
            sqlitePath: env["SHARAKA_SQLITE_PATH"] ?? "./sharaka.sqlite",
            sqliteSynchronous: env["SHARAKA_SQLITE_SYNCHRONOUS"]?.uppercased() == "FULL" ? "FULL" : "NORMAL",
            filesPath: env["SHARAKA_FILES_PATH"] ?? "./files",
            fileStore: store,
            configuredPublicURL: publicURL,
            secureCookies: env["SHARAKA_SECURE_COOKIES"].map { $0 == "1" || $0 == "true" } ?? (publicURL?.hasPrefix("https://") ?? false),
            bcryptCost: env["SHARAKA_BCRYPT_COST"].flatMap(Int.init) ?? 12,
            sendmailPath: env["SHARAKA_SENDMAIL"].flatMap { $0.isEmpty ? nil : $0 },
            mailFrom: env["SHARAKA_MAIL_FROM"] ?? "Sharaka <no-reply@sharaka.local>",
            outboxInterval: env["SHARAKA_OUTBOX_INTERVAL"].flatMap(Double.init) ?? 5,
            maxUploadBytes: (env["SHARAKA_MAX_UPLOAD_MB"].flatMap(Int.init) ?? 20) * 1024 * 1024,
            runWorkers: env["SHARAKA_WORKERS"] != "0",
            jsonLogs: env["SHARAKA_LOG_FORMAT"] == "json",
            trustProxy: env["SHARAKA_TRUST_PROXY"] == "1",
            proxyHops: max(1, env["SHARAKA_PROXY_HOPS"].flatMap(Int.init) ?? 1),
            sessionLifetime: SessionLifetime(
                idle: Double(max(1, env["SHARAKA_SESSION_IDLE_HOURS"].flatMap(Int.init) ?? 168)) * 3600,
                absolute: Double(max(1, env["SHARAKA_SESSION_MAX_DAYS"].flatMap(Int.init) ?? 30)) * 24 * 3600),
            budgetLimits: BudgetLimits(
                maxCommitment: env["SHARAKA_MAX_COMMITMENT_BUDGET_MAD"].flatMap(Int64.init).flatMap { MAD(dirhams: $0) } ?? BudgetLimits.standard.maxCommitment,
                maxPlanTotal: env["SHARAKA_MAX_PLAN_BUDGET_MAD"].flatMap(Int64.init).flatMap { MAD(dirhams: $0) } ?? BudgetLimits.standard.maxPlanTotal),
            postgresPoolSize: max(2, env["SHARAKA_PG_POOL"].flatMap(Int.init) ?? 4),
            milestoneReminderDays: max(1, env["SHARAKA_MILESTONE_REMINDER_DAYS"].flatMap(Int.init) ?? 14),
            pageCacheSeconds: max(0, min(60, env["SHARAKA_PAGE_CACHE_SECONDS"].flatMap(Double.init) ?? 2)),
            notificationChunk: max(10, min(10_000, env["SHARAKA_NOTIFICATION_CHUNK"].flatMap(Int.init) ?? (databaseURL == nil ? 100 : 500))),
            termsVersion: env["SHARAKA_TERMS_VERSION"].flatMap { $0.isEmpty ? nil : String($0.prefix(40)) } ?? "2026-12",
            cndpDeclaration: env["SHARAKA_CNDP_DECLARATION"].flatMap { $0.isEmpty ? nil : String($0.prefix(80)) }
        )
    }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = Settings }

    public var settings: Settings {
        get { storage[SettingsKey.self] ?? .fromEnvironment() }
        set { storage[SettingsKey.self] = newValue }
    }
}

extension Application {
    /// The start of every link written outside a page (e-mails, feeds, exports):
    /// SHARAKA_PUBLIC_URL, or else the address this server actually listens on, so that a
    /// first run with `--port 9000` and no configuration sends links that open (every
    /// interface, 0.0.0.0 or ::, is reached at 127.0.0.1).
    var publicURL: String {
        if let url = settings.configuredPublicURL { return url }
        // The bound address once the server runs (`--port`, `--hostname`, port 0 included), else
        // the configured one. Asked for only after `configure`: `shared` creates the server
        // with the responder of that moment, which by then has every route and middleware.
        if let address = http.server.shared.localAddress, let port = address.port {
            return "http://\(Self.reachableHost(address.ipAddress ?? "")):\(port)"
        }
        let c = http.server.configuration
        return "http://\(Self.reachableHost(c.hostname)):\(c.port)"
    }

    static func reachableHost(_ host: String) -> String {
        if host.isEmpty || host == "0.0.0.0" || host == "::" { return "127.0.0.1" }
        return host.contains(":") ? "[\(host)]" : host
    }
}

extension Request {
    var settings: Settings { application.settings }
    var publicURL: String { application.publicURL }

    /// The client's IP address, for rate limits. Behind trusted proxies it is the entry the
    /// outermost proxy appended, counted from the right: entries further left were written by
    /// the client and prove nothing.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        guard settings.trustProxy else { return peer }
        return ForwardedFor.clientAddress(headers[.xForwardedFor], hops: settings.proxyHops) ?? peer
    }
}
