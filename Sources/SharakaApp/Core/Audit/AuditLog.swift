import Fluent
import SQLKit
import SharakaCore
import Vapor

/// Appends to the hash-chained audit log. Every audited change runs through `write`,
/// which puts the change and its entry in one transaction and lets one such transaction
/// run at a time: PostgreSQL by a transaction-scoped advisory lock (so across instances),
/// SQLite (one instance by construction) by an in-process gate. The unique sequence and
/// previous-hash columns would refuse a fork even if that failed.
enum AuditLog {
    static let lockKey = 7_240_311

    struct Change: Sendable {
        var action: String
        var objectKind: String
        var objectID: UUID
        var scope: UUID
        var before: [String: String]
        var after: [String: String]

        init(action: String, objectKind: String, objectID: UUID, scope: UUID, before: [String: String], after: [String: String]) {
            self.action = action; self.objectKind = objectKind; self.objectID = objectID; self.scope = scope
            self.before = before; self.after = after
        }

        /// What a SharakaCore use case decided to record.
        init(action: String, objectKind: String, objectID: UUID, scope: UUID, _ fields: AuditFields) {
            self.init(action: action, objectKind: objectKind, objectID: objectID, scope: scope, before: fields.before, after: fields.after)
        }
    }

    /// Runs `body` in a transaction with the audit lock held; `body` returns the changes it made.
    static func write<T: Sendable>(_ app: Application, actor: User, _ body: @escaping @Sendable (any Database) async throws -> (T, [Change])) async throws -> T {
        try await write(app, actorID: actor.id!.uuidString, body)
    }

    /// `actorID` is a user's id, or a name such as "import" for the command line.
    /// Notifications the change queued are fanned out after the commit, outside the lock.
    static func write<T: Sendable>(_ app: Application, actorID: String, _ body: @escaping @Sendable (any Database) async throws -> (T, [Change])) async throws -> T {
        // On SQLite the audited write also queues at the writers' gate (always after the audit
        // gate, never the other way round): a fan-out's chunks and the supports take turns with
        // it there, first come first served, instead of winning SQLite's lock again and again
        // while this write sleeps in the busy handler.
        let owner = UUID().uuidString, database = NotificationQueue.database(app, owner: owner)
        return try await NotificationQueue.delivering(app, owner: owner) { try await app.auditGate.run { try await app.oneSQLiteWriter {
            try await database.transaction { db in
                if app.settings.engine == .postgres {
                    try await (db as! any SQLDatabase).raw("SELECT pg_advisory_xact_lock(\(bind: lockKey))").run()
                }
                let (result, changes) = try await body(db)
                for change in changes where change.before != change.after {
                    try await append(change, actor: actorID, on: db)
                }
                return result
            }
        } } }
    }

    /// Appends without taking the lock: only for the demo seed, which writes an empty
    /// database under the start-up lock, inside its own transaction.
    static func append(_ change: Change, actor: String, on db: any Database) async throws {
        let last = try await AuditEntry.query(on: db).sort(\.$sequence, .descending).first()
        let keys = Set(change.before.keys).union(change.after.keys).filter { change.before[$0] != change.after[$0] }
        let record = AuditRecord(sequence: (last?.sequence ?? 0) + 1, recordedAt: AuditChain.timestamp(Date()),
                                 actor: actor, action: change.action, objectKind: change.objectKind,
                                 objectID: change.objectID.uuidString, scope: change.scope.uuidString,
                                 before: AuditChain.canonical(change.before.filter { keys.contains($0.key) }),
                                 after: AuditChain.canonical(change.after.filter { keys.contains($0.key) }),
                                 previousHash: last?.hash ?? AuditChain.genesis)
        let entry = AuditEntry()
        entry.sequence = record.sequence; entry.recordedAt = record.recordedAt; entry.actor = record.actor
        entry.action = record.action; entry.objectKind = record.objectKind; entry.objectID = record.objectID
        entry.scopeID = record.scope; entry.before = record.before; entry.after = record.after
        entry.previousHash = record.previousHash; entry.hash = record.hash
        try await entry.create(on: db)
    }

    /// Recomputes the whole chain; nil when intact.
    static func verify(on db: any Database) async throws -> (checked: Int, firstBreak: AuditChain.Break?) {
        let entries = try await AuditEntry.query(on: db).sort(\.$sequence).all()
        return (entries.count, AuditChain.verify(entries.map { ($0.record, $0.hash) }))
    }
}

/// One audited write at a time within this process.
actor SerialGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if busy { await withCheckedContinuation { waiting.append($0) } } else { busy = true }
        defer {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
        return try await body()
    }
}

extension Application {
    private struct SQLiteWriteGateKey: StorageKey { typealias Value = SerialGate }
    private struct AuditGateKey: StorageKey { typealias Value = SerialGate }

    /// One write at a time for the hottest SQLite writes (supports); nil on PostgreSQL.
    var sqliteWriteGate: SerialGate? {
        get { storage[SQLiteWriteGateKey.self] }
        set { storage[SQLiteWriteGateKey.self] = newValue }
    }

    /// SQLite has one writer: a transaction that would wait for the file lock waits here
    /// instead, rather than hold one of the shared thread pool's few threads in SQLite's busy
    /// handler while the writer it waits for needs a thread to finish. PostgreSQL runs it at once.
    func oneSQLiteWriter<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if let gate = sqliteWriteGate { return try await gate.run(body) }
        return try await body()
    }

    /// Set once in `configure`, before any request can race for it.
    var auditGate: SerialGate {
        get { storage[AuditGateKey.self]! }
        set { storage[AuditGateKey.self] = newValue }
    }
}
