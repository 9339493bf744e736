import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Delivers queued e-mail. Several instances may run it against one PostgreSQL:
/// each claims a batch atomically (`FOR UPDATE SKIP LOCKED` there; SQLite has a
/// single writer, so the claiming UPDATE is atomic by itself), so a message is
/// handed to exactly one instance; a claim expires if its instance dies.
struct OutboxWorker: LifecycleHandler {
    let interval: TimeInterval

    final class Handle: @unchecked Sendable { var task: Task<Void, Never>? }
    let handle = Handle()

    func didBootAsync(_ app: Application) async throws {
        let interval = self.interval
        handle.task = Task {
            while !Task.isCancelled {
                do { _ = try await OutboxDelivery(app: app).deliverDue() } catch {
                    app.logger.warning("outbox: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: .seconds(interval))
            }
        }
    }

    /// Waits for the current round to end: the databases close right after.
    func shutdownAsync(_ app: Application) async {
        handle.task?.cancel()
        await handle.task?.value
    }
}

struct OutboxDelivery {
    let app: Application
    var instanceID: String = UUID().uuidString
    var schedule = RetrySchedule()
    var claimSeconds: TimeInterval = 300
    /// Tests put a recording transport here.
    var transportOverride: (any MailTransport)?

    var transport: any MailTransport {
        if let transportOverride { return transportOverride }
        if let path = app.settings.sendmailPath { return SendmailTransport(path: path) }
        return LogTransport(logger: app.logger)
    }

    /// Claims due messages and sends them. Returns how many were sent.
    @discardableResult
    func deliverDue(now: Date = Date(), batch: Int = 20) async throws -> Int {
        let claimed = try await claim(now: now, batch: batch)
        var sent = 0
        for message in claimed {
            do {
                try await transport.send(from: app.settings.mailFrom, to: message.recipient, subject: message.subject, body: message.body)
                message.status = OutboxMessage.Status.sent.rawValue
                message.sentAt = Date()
                message.attempts += 1
                message.lastError = nil
                sent += 1
            } catch {
                message.attempts += 1
                message.lastError = String(describing: error).prefix(1000).description
                if let delay = schedule.delay(afterFailures: message.attempts) {
                    message.nextAttemptAt = Date().addingTimeInterval(delay)
                } else {
                    message.status = OutboxMessage.Status.failed.rawValue
                }
            }
            message.claimedBy = nil
            message.claimedUntil = nil
            try await message.save(on: app.db)
        }
        return sent
    }

    func claim(now: Date, batch: Int) async throws -> [OutboxMessage] {
        let sql = app.db as! any SQLDatabase
        let lockClause = app.settings.engine == .postgres ? SQLRaw(" FOR UPDATE SKIP LOCKED") : SQLRaw("")
        let ids = try await sql.raw("""
            UPDATE outbox SET claimed_by = \(bind: instanceID), claimed_until = \(bind: now.addingTimeInterval(claimSeconds))
            WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= \(bind: now)
              AND (claimed_until IS NULL OR claimed_until < \(bind: now)) ORDER BY next_attempt_at LIMIT \(unsafeRaw: String(batch))\(lockClause))
            RETURNING id
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await OutboxMessage.query(on: app.db).filter(\.$id ~~ ids).filter(\.$claimedBy == instanceID).all()
    }
}
