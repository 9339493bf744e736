import Fluent
import SQLKit

struct CreateMeetings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Meeting.schema)
            .id()
            .field("created_at", .datetime)
            .field("title", .json, .required)
            .field("description", .json, .required)
            .field("kind", .string, .required)
            .field("address", .string, .required)
            .field("link", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("capacity", .int, .required)
            .field("registration_open", .bool, .required)
            .field("registration_terms", .string, .required)
            .field("minutes", .string, .required)
            .field("decisions", .string, .required)
            .field("minutes_at", .datetime)
            .field("reminded_at", .datetime)
            .field("process_id", .uuid, .required, .references(ParticipatoryProcess.schema, "id", onDelete: .cascade))
            .field("organiser_id", .uuid, .required, .references(Organisation.schema, "id"))
            .create()
        try await db.schema(MeetingRegistration.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("status", .string, .required)
            .field("code", .string, .required)
            .field("attended", .bool, .required)
            .field("family", .string, .required)
            .field("province_code", .string)
            .field("meeting_id", .uuid, .required, .references(Meeting.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .references(Organisation.schema, "id"))
            .unique(on: "meeting_id", "user_id")
            .unique(on: "code")
            .create()
        try await db.schema(MeetingFile.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(Meeting.schema, "id", onDelete: .cascade))
            .field("file_sha256", .string, .required)
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema(MeetingProposal.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(Meeting.schema, "id", onDelete: .cascade))
            .field("proposal_id", .uuid, .required, .references(Proposal.schema, "id", onDelete: .cascade))
            .unique(on: "meeting_id", "proposal_id")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "meetings_process").on(Meeting.schema).column("process_id").column("starts_at").run()
        try await sql.create(index: "registrations_queue").on(MeetingRegistration.schema).column("meeting_id").column("status").column("created_at").run()
    }

    func revert(on db: any Database) async throws {
        for schema in [MeetingProposal.schema, MeetingFile.schema, MeetingRegistration.schema, Meeting.schema] {
            try await db.schema(schema).delete()
        }
    }
}
