import Fluent
import SharakaCore

/// Accounts record which terms of use they accepted and when; a workshop's registration
/// terms are held per language like its title (the single text is kept, under the language
/// it is written in, and still filled with one of them for older readers of the column).
struct TermsInTheirLanguages: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users").field("terms_accepted_at", .datetime).update()
        try await db.schema("users").field("terms_version", .string).update()
        try await db.schema("meetings").field("registration_terms_text", .json).update()
        for meeting in try await Meeting.query(on: db).filter(\.$registrationTerms != "").all() {
            let language = TextLanguage.guess(meeting.registrationTerms) ?? .ar
            meeting.termsText = LocalizedText([language: meeting.registrationTerms])
            try await meeting.save(on: db)
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema("meetings").deleteField("registration_terms_text").update()
        try await db.schema("users").deleteField("terms_version").update()
        try await db.schema("users").deleteField("terms_accepted_at").update()
    }
}
