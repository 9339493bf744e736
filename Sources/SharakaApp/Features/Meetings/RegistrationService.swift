import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Workshop registrations, decided by `WorkshopRegistration` on the workshop as it is under
/// its row lock (`FOR UPDATE` on PostgreSQL, SQLite's write lock taken first): the places
/// taken are counted, the place given and anyone promoted from the waiting list written in
/// the same transaction, so two people never take the last place together.
///
/// Registrations are personal data (who attends what) and stay out of the public audit log;
/// the list itself, with its arrival order, is the record organisers export.
enum RegistrationService {
    struct Registered: Sendable { let status: RegistrationStatus, code: String }

    static func register(_ meetingID: UUID, user: User, organisation: Organisation?, acceptedTerms: Bool, app: Application, on db: any Database) async throws -> Registered {
        var rng = SystemRandomNumberGenerator()
        let code = MeetingRules.code(using: &rng)
        let userID = user.id!, province = organisation?.provinceCode ?? user.provinceCode
        let family = organisation?.sectorValue.family.rawValue ?? "citizen", organisationID = organisation?.id
        return try await app.oneSQLiteWriter { try await db.transaction { db in
            let (meeting, workshop) = try await locked(meetingID, on: db)
            let already = try await MeetingRegistration.query(on: db).filter(\.$meeting.$id == meetingID).filter(\.$user.$id == userID).count() > 0
            let status = try WorkshopRegistration.register(workshop, alreadyRegistered: already, acceptedTerms: acceptedTerms, now: Date()).get()
            try await (db as! any SQLDatabase).raw("""
                INSERT INTO meeting_registrations (id, created_at, status, code, attended, family, province_code, meeting_id, user_id, organisation_id)
                VALUES (\(bind: UUID()), \(bind: Date()), \(bind: status.rawValue), \(bind: code), \(bind: false), \(bind: family), \(bind: province),
                        \(bind: meeting.id!), \(bind: userID), \(bind: organisationID))
                """).run()
            try await Notifier.follow(userID, .meeting, meetingID, on: db)
            return Registered(status: status, code: code)
        } }
    }

    /// Frees the person's place and gives it to the first person waiting.
    static func cancel(_ meetingID: UUID, user: User, language: Language, app: Application, on db: any Database) async throws {
        let userID = user.id!
        try await app.oneSQLiteWriter { try await db.transaction { db in
            let (meeting, _) = try await locked(meetingID, on: db)
            if let refusal = WorkshopRegistration.cancel(starts: meeting.startsAt, now: Date()) { throw refusal }
            try await MeetingRegistration.query(on: db).filter(\.$meeting.$id == meetingID).filter(\.$user.$id == userID).delete()
            try await promote(meeting, language: language, on: db)
        } }
    }

    /// Saves an edited workshop; a larger capacity promotes people from the waiting list.
    static func update(_ meeting: Meeting, language: Language, app: Application, on db: any Database) async throws {
        try await app.oneSQLiteWriter { try await db.transaction { db in
            try await RowLock.lock(Meeting.schema, id: meeting.id!, on: db)
            if let refusal = WorkshopRegistration.changeCapacity(to: meeting.capacity, registered: try await registered(meeting.id!, on: db)) { throw refusal }
            try await meeting.save(on: db)
            try await SearchIndex.refresh(.meeting, meeting.id!, on: db)
            try await promote(meeting, language: language, on: db)
        } }
    }

    static func registered(_ meetingID: UUID, on db: any Database) async throws -> Int {
        try await MeetingRegistration.query(on: db).filter(\.$meeting.$id == meetingID).filter(\.$status == RegistrationStatus.registered.rawValue).count()
    }

    /// Moves the first people waiting into the free places, in order of arrival, and tells them
    /// (the workshop named in the language of the page the change was made on).
    private static func promote(_ meeting: Meeting, language: Language, on db: any Database) async throws {
        let waiting = try await MeetingRegistration.query(on: db).filter(\.$meeting.$id == meeting.id!).filter(\.$status == RegistrationStatus.waiting.rawValue)
            .sort(\.$createdAt).sort(\.$id).limit(max(0, meeting.capacity)).all()
        guard !waiting.isEmpty else { return }
        let ids = WorkshopRegistration.promotions(capacity: meeting.capacity, registered: try await registered(meeting.id!, on: db), waiting: waiting.map { $0.id! })
        guard !ids.isEmpty else { return }
        try await MeetingRegistration.query(on: db).filter(\.$id ~~ ids).set(\.$status, to: RegistrationStatus.registered.rawValue).update()
        let promoted = Set(waiting.filter { ids.contains($0.id!) }.map(\.$user.id))
        try await Notifier.emit(.promoted, target: .meeting, id: meeting.id!, title: meeting.title.resolve(for: language)?.text ?? "", to: promoted, on: db)
    }

    /// The workshop and what registration is decided on, read after its row is locked.
    private static func locked(_ meetingID: UUID, on db: any Database) async throws -> (Meeting, WorkshopRegistration.Workshop) {
        guard let meeting = try await RowLock.find(Meeting.self, meetingID, on: db),
              let process = try await ParticipatoryProcess.find(meeting.$process.id, on: db) else { throw Abort(.notFound) }
        return (meeting, .init(processPublished: process.statusValue == .published, registrationOpen: meeting.registrationOpen, starts: meeting.startsAt,
                               capacity: meeting.capacity, registered: try await registered(meetingID, on: db),
                               requiresTerms: !meeting.registrationTerms.isEmpty))
    }
}
