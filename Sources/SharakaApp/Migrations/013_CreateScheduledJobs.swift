import Fluent
import SQLKit

/// The shared clock of periodic work, and the phase each process last announced.
struct CreateScheduledJobs: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("scheduled_jobs")
            .field("name", .string, .identifier(auto: false))
            .field("next_run_at", .datetime, .required)
            .field("last_run_at", .datetime)
            .field("last_run_by", .string)
            .create()
        try await db.schema(ParticipatoryProcess.schema).field("announced_phase", .string).update()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "meetings_starts").on(Meeting.schema).column("starts_at").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ParticipatoryProcess.schema).deleteField("announced_phase").update()
        try await db.schema("scheduled_jobs").delete()
    }
}
