import Fluent
import Foundation
import SharakaCore
import SQLKit
import Vapor

/// Notifications leave a change in two steps. Inside the change's transaction, `Notifier.emit`
/// writes one event row, whatever the number of followers. After the commit (and so after the
/// audit lock is released) `deliver` fans each event out in chunks of followers, each in a
/// transaction of its own: one SELECT of the chunk, one INSERT … SELECT of its notifications,
/// one multi-row INSERT of the mails wanted at once. The `notification-delivery` job delivers
/// whatever a crash left between the two steps.
/// (A task-local list of the request's own events would spare a SELECT, but SQLite's
/// transactions run their closure outside the task, where task-locals are not seen.)
enum NotificationQueue {
    /// Runs `body` (which commits its own transactions), then delivers what it queued. Each
    /// chunk of an event is claimed by the UPDATE that starts it, so two instances or two
    /// requests delivering at once tell everybody once.
    ///
    /// With an `owner`, exactly the events emitted on a database whose logger carries it
    /// (`ownerKey`): an unrelated write must not carry another change's fan-out to 5,000
    /// followers queued meanwhile (that change's own writer delivers it). Task-locals would be
    /// simpler, but SQLite's transactions run their closure outside the task, where they are
    /// not seen; the logger travels with the database into the transaction.
    /// Without one (background jobs), whatever was queued since `body` started — and nothing,
    /// not even a SELECT, when this process queued nothing meanwhile.
    static func delivering<T: Sendable>(_ app: Application, owner: String? = nil, _ body: () async throws -> T) async throws -> T {
        let started = Date(), queuedBefore = queued.value
        let result: T
        do { result = try await body() } catch {
            if let owner { _ = owned.take(owner) }
            throw error
        }
        do {
            if let owner {
                for id in owned.take(owner) { try await deliver(id, app: app) }
            } else if queued.value != queuedBefore {
                try await deliverQueued(app, since: started)
            }
        } catch {
            // What is left stays queued: the job delivers it on its next round.
            app.logger.warning("notification delivery: \(String(reflecting: error))")
        }
        return result
    }

    /// The logger metadata that names who delivers the events emitted on a database.
    static let ownerKey = "notify-owner"

    /// A database whose events `delivering(app, owner:)` delivers: `app.db` with the owner
    /// written on its logger.
    static func database(_ app: Application, owner: String) -> any Database {
        var logger = app.logger
        logger[metadataKey: ownerKey] = .string(owner)
        return app.db(nil, logger: logger)
    }

    /// Called by `Notifier.emit` for each event it writes.
    static func emitted(_ id: UUID, on db: any Database) {
        queued.add()
        if case .string(let owner)? = db.logger[metadataKey: ownerKey] { owned.add(id, to: owner) }
    }

    /// Events queued by this process since it started.
    static let queued = Counter()
    /// Events emitted under each owner, until that owner's writer delivers them.
    static let owned = Owned()

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() { lock.withLock { count += 1 } }
    }

    final class Owned: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [String: [UUID]] = [:]
        func add(_ id: UUID, to owner: String) { lock.withLock { events[owner, default: []].append(id) } }
        func take(_ owner: String) -> [UUID] { lock.withLock { events.removeValue(forKey: owner) ?? [] } }
    }

    private struct Event: Decodable {
        let id: UUID, kind: String, target_kind: String, target_id: UUID, title: String, recipients: String, followers: Bool, except_ids: String
        let delivered_to: UUID?
    }
    private struct Recipient: Decodable { let id: UUID, email: String, name: String, preferred_language: String, mail: Int }

    /// Followers told per transaction (`SHARAKA_NOTIFICATION_CHUNK`). On SQLite a chunk holds
    /// the only write lock, and an unrelated write waits for at most one chunk: the default
    /// there is smaller (bench/RESULTS.md has the figures).
    static func chunkSize(_ app: Application) -> Int { app.settings.notificationChunk }

    /// Fans one event out, once, chunk after chunk.
    static func deliver(_ id: UUID, app: Application, now: Date = Date(), chunk: Int? = nil) async throws {
        let chunk = chunk ?? chunkSize(app)
        while try await deliverChunk(id, app: app, now: now, chunk: chunk) {}
    }

    /// The next `chunk` recipients after the event's cursor, in order of id: their
    /// notifications by one INSERT … SELECT, their immediate mails by one multi-row INSERT,
    /// then the cursor moved (or the event deleted once nobody is left). The UPDATE that starts
    /// it locks the event (SQLite's write lock first), so two deliverers never tell anyone
    /// twice; on PostgreSQL an event another instance holds is skipped, not waited for.
    /// False when the event is done or held elsewhere.
    private static func deliverChunk(_ id: UUID, app: Application, now: Date, chunk: Int) async throws -> Bool {
        try await app.oneSQLiteWriter { try await app.db.transaction { db in
            let sql = db as! any SQLDatabase
            let claim: SQLQueryString = sql.dialect.name == "postgresql"
                ? "AND id IN (SELECT id FROM notification_events WHERE id = \(bind: id) FOR UPDATE SKIP LOCKED)" : ""
            guard let event = try await sql.raw("""
                UPDATE notification_events SET delivered_to = delivered_to WHERE id = \(bind: id) \(claim)
                RETURNING id, kind, target_kind, target_id, title, recipients, followers, except_ids, delivered_to
                """).first(decoding: Event.self) else { return false }
            let done: SQLQueryString = "DELETE FROM notification_events WHERE id = \(bind: id)"
            guard let kind = NotificationKind(rawValue: event.kind), let target = FollowTarget(rawValue: event.target_kind) else {
                try await sql.raw(done).run(); return false
            }
            let named = event.recipients.split(separator: ",").compactMap { UUID(uuidString: String($0)) }
            let except = event.except_ids.split(separator: ",").compactMap { UUID(uuidString: String($0)) }
            var who: [SQLQueryString] = []
            if !named.isEmpty { who.append("u.id IN (\(binds: named))") }
            if event.followers {
                who.append("u.id IN (SELECT f.user_id FROM follows f WHERE f.target_kind = \(bind: event.target_kind) AND f.target_id = \(bind: event.target_id))")
            }
            guard !who.isEmpty else { try await sql.raw(done).run(); return false }
            var recipients: SQLQueryString = "u.deleted_at IS NULL AND (\(who.joined(separator: " OR ")))"
            if !except.isEmpty { recipients = recipients + " AND u.id NOT IN (\(binds: except))" }
            if let after = event.delivered_to { recipients = recipients + " AND u.id > \(bind: after)" }
            let immediate: SQLQueryString = "u.email_notifications = \(bind: EmailPreference.immediate.rawValue) AND u.confirmed_at IS NOT NULL"
            let batch = try await sql.raw("""
                SELECT u.id, u.email, u.name, u.preferred_language, CASE WHEN \(immediate) THEN 1 ELSE 0 END AS mail
                FROM users u WHERE \(recipients) ORDER BY u.id LIMIT \(literal: chunk)
                """).all(decoding: Recipient.self)
            guard let last = batch.last?.id else { try await sql.raw(done).run(); return false }
            // SQLite keeps ids as text, the way Swift spells a UUID: a random (version 4) one is made in SQL.
            let newID: SQLQueryString = sql.dialect.name == "postgresql" ? "gen_random_uuid()" : """
                (hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
                 || substr('89AB', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
                """
            try await sql.raw("""
                INSERT INTO notifications (id, created_at, user_id, kind, target_kind, target_id, title, emailed_at)
                SELECT \(newID), \(bind: now), u.id, \(bind: event.kind), \(bind: event.target_kind), \(bind: event.target_id), \(bind: event.title),
                       CASE WHEN \(immediate) THEN \(bind: now) ELSE NULL END
                FROM users u WHERE \(recipients) AND u.id <= \(bind: last)
                """).run()
            let publicURL = app.publicURL
            let messages = batch.filter { $0.mail == 1 }.map { m -> OutboxMessage in
                let language = Language(rawValue: m.preferred_language) ?? .ar
                let t = Localizer(language), line = Notifier.line(t, kind, event.title)
                return OutboxMessage(recipient: m.email, subject: "\(t(.appName)) — \(line)",
                                     body: t(.mailNotificationBody, ["name": m.name, "what": line,
                                                                    "link": publicURL + Notifier.url(target, event.target_id).path(language)]), now: now)
            }
            if !messages.isEmpty { try await messages.create(on: db) }
            guard batch.count == chunk else { try await sql.raw(done).run(); return false }
            try await sql.raw("UPDATE notification_events SET delivered_to = \(bind: last) WHERE id = \(bind: id)").run()
            return true
        } }
    }

    /// Delivers the queued events, oldest first (also the job's round, for what a crash left).
    static func deliverQueued(_ app: Application, since: Date? = nil, now: Date = Date(), chunk: Int? = nil) async throws {
        let recent: SQLQueryString = since.map { "WHERE created_at >= \(bind: $0)" } ?? ""
        let ids = try await (app.db as! any SQLDatabase).raw("SELECT id FROM notification_events \(recent) ORDER BY created_at LIMIT 200").all(decoding: IDRow.self)
        for row in ids { try await deliver(row.id, app: app, now: now, chunk: chunk) }
    }
    private struct IDRow: Decodable { let id: UUID }
}
