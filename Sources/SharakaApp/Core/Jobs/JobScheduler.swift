import Fluent
import SQLKit
import Vapor

/// Periodic work shared by every instance behind one database. A job's row holds its
/// next run time; an instance runs the job only if its conditional UPDATE moved that
/// time forward. PostgreSQL re-checks the WHERE clause after waiting for a competing
/// update's row lock, SQLite has one writer: either way exactly one instance wins.
struct JobScheduler {
    let db: any Database
    var instanceID = UUID().uuidString

    /// True when this instance took the run of `name` due at `now`.
    func claim(_ name: String, every interval: TimeInterval, now: Date = Date()) async throws -> Bool {
        let sql = db as! any SQLDatabase
        try await sql.raw("""
            INSERT INTO scheduled_jobs (name, next_run_at) VALUES (\(bind: name), \(bind: now))
            ON CONFLICT (name) DO NOTHING
            """).run()
        let rows = try await sql.raw("""
            UPDATE scheduled_jobs SET next_run_at = \(bind: now.addingTimeInterval(interval)), last_run_at = \(bind: now), last_run_by = \(bind: instanceID)
            WHERE name = \(bind: name) AND next_run_at <= \(bind: now)
            RETURNING name
            """).all()
        return !rows.isEmpty
    }
}

/// One periodic job: its name (the row in `scheduled_jobs`), how often, and the work.
struct ScheduledJob: Sendable {
    let name: String
    let interval: TimeInterval
    let run: @Sendable (Application, Date) async throws -> Void
}

/// Wakes every `tick` seconds and runs the jobs this instance wins.
struct JobWorker: LifecycleHandler {
    let jobs: [ScheduledJob]
    let tick: TimeInterval

    final class Handle: @unchecked Sendable { var task: Task<Void, Never>? }
    let handle = Handle()

    func didBootAsync(_ app: Application) async throws {
        let jobs = self.jobs, tick = self.tick
        handle.task = Task {
            let scheduler = JobScheduler(db: app.db)
            while !Task.isCancelled {
                for job in jobs {
                    do {
                        let now = Date()
                        if try await scheduler.claim(job.name, every: job.interval, now: now) { try await job.run(app, now) }
                    } catch {
                        app.logger.warning("job \(job.name): \(String(reflecting: error))")
                    }
                }
                try? await Task.sleep(for: .seconds(tick))
            }
        }
    }

    /// Waits for the current round to end: the databases close right after.
    func shutdownAsync(_ app: Application) async {
        handle.task?.cancel()
        await handle.task?.value
    }
}
