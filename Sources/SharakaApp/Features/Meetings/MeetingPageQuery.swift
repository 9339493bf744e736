import Foundation
import SharakaCore
import SQLKit

/// A workshop as its pages show it.
struct MeetingView: Sendable {
    let id: UUID
    let title: LocalizedText
    let description: LocalizedText
    let kind: MeetingKind
    let address: String
    let link: String
    let startsAt: Date
    let endsAt: Date
    let capacity: Int
    let registrationOpen: Bool
    let terms: LocalizedText
    let minutes: String
    let decisions: String
    let minutesAt: Date?
    let organiserID: UUID
    let organiserName: LocalizedText
    let processID: UUID
    let processStatus: ProcessStatus
    /// The body organising the process, whose officials may edit the workshop.
    let processOrganiserID: UUID
}

/// The read model of a workshop page: the workshop with its organiser and process joined,
/// the balance counted by `GROUP BY`, the files and the proposals of its minutes — five
/// statements whatever the number of registrations — and one more for a signed-in viewer's
/// own registration and place in the queue.
struct MeetingPageQuery: Sendable {
    let id: UUID

    struct Result: Sendable {
        let meeting: MeetingView
        let stats: MeetingStats
        let files: [(name: String, sha256: String)]
        let proposals: [ProposalView.Link]
    }

    /// The viewer's registration: its status and code, and for the waiting list its place.
    struct Mine: Sendable {
        let status: RegistrationStatus
        let code: String
        let waitingPosition: Int?
    }

    private struct Row: Decodable {
        let id: UUID, title: LocalizedText, description: LocalizedText, kind: String, address: String, link: String
        let starts_at: Date, ends_at: Date, capacity: Int, registration_open: Bool, registration_terms: String, registration_terms_text: LocalizedText?
        let minutes: String, decisions: String, minutes_at: Date?
        let organiser_id: UUID, organiser_name: LocalizedText, process_id: UUID, process_status: String, process_organiser_id: UUID
    }

    private struct GroupRow: Decodable { let status: String, family: String, province_code: String?, n: Int, attended: Int }
    private struct FileRow: Decodable { let name: String, file_sha256: String }
    private struct LinkRow: Decodable { let id: UUID, title: String }
    private struct MineRow: Decodable { let status: String, code: String, position: Int }

    func head(on db: any SQLDatabase) async throws -> MeetingView? {
        guard let r = try await db.raw("""
            SELECT m.id, m.title, m.description, m.kind, m.address, m.link, m.starts_at, m.ends_at, m.capacity, m.registration_open,
                   m.registration_terms, m.registration_terms_text, m.minutes, m.decisions, m.minutes_at, m.organiser_id, o.name AS organiser_name,
                   m.process_id, p.status AS process_status, p.organisation_id AS process_organiser_id
            FROM meetings m JOIN organisations o ON o.id = m.organiser_id JOIN processes p ON p.id = m.process_id
            WHERE m.id = \(bind: id)
            """).first(decoding: Row.self) else { return nil }
        return MeetingView(id: r.id, title: r.title, description: r.description, kind: MeetingKind(rawValue: r.kind) ?? .inPerson,
                           address: r.address, link: r.link, startsAt: r.starts_at, endsAt: r.ends_at, capacity: r.capacity,
                           registrationOpen: r.registration_open,
                           terms: r.registration_terms_text.flatMap { $0.isEmpty ? nil : $0 }
                               ?? (r.registration_terms.isEmpty ? LocalizedText() : LocalizedText([TextLanguage.guess(r.registration_terms) ?? .ar: r.registration_terms])),
                           minutes: r.minutes,
                           decisions: r.decisions, minutesAt: r.minutes_at, organiserID: r.organiser_id, organiserName: r.organiser_name,
                           processID: r.process_id, processStatus: ProcessStatus(rawValue: r.process_status) ?? .draft,
                           processOrganiserID: r.process_organiser_id)
    }

    func run(on db: any SQLDatabase) async throws -> Result? {
        guard let meeting = try await head(on: db) else { return nil }
        let groups = try await db.raw("""
            SELECT status, family, province_code, COUNT(*) AS n, SUM(CASE WHEN attended THEN 1 ELSE 0 END) AS attended
            FROM meeting_registrations WHERE meeting_id = \(bind: id) GROUP BY status, family, province_code
            """).all(decoding: GroupRow.self)
        let files = try await db.raw("SELECT name, file_sha256 FROM meeting_files WHERE meeting_id = \(bind: id) ORDER BY created_at")
            .all(decoding: FileRow.self)
        let proposals = try await db.raw("""
            SELECT p.id, p.title FROM meeting_proposals mp JOIN proposals p ON p.id = mp.proposal_id
            WHERE mp.meeting_id = \(bind: id) ORDER BY p.created_at, p.id
            """).all(decoding: LinkRow.self)
        return Result(meeting: meeting,
                      stats: MeetingStats(groups.map { .init(registered: $0.status == RegistrationStatus.registered.rawValue, family: $0.family,
                                                              provinceCode: $0.province_code, count: $0.n, attended: $0.attended) }),
                      files: files.map { ($0.name, $0.file_sha256) }, proposals: proposals.map { .init(id: $0.id, title: $0.title) })
    }

    /// The place on the waiting list is counted in SQL in the order promotion follows
    /// (arrival, then id), comparing stored values with stored values.
    func mine(_ user: UUID, on db: any SQLDatabase) async throws -> Mine? {
        guard let r = try await db.raw("""
            SELECT r.status, r.code, (SELECT COUNT(*) FROM meeting_registrations w
                WHERE w.meeting_id = r.meeting_id AND w.status = \(bind: RegistrationStatus.waiting.rawValue)
                  AND (w.created_at < r.created_at OR (w.created_at = r.created_at AND w.id <= r.id))) AS position
            FROM meeting_registrations r WHERE r.meeting_id = \(bind: id) AND r.user_id = \(bind: user)
            """).first(decoding: MineRow.self) else { return nil }
        let status = RegistrationStatus(rawValue: r.status) ?? .waiting
        return Mine(status: status, code: r.code, waitingPosition: status == .waiting ? r.position : nil)
    }
}

/// A workshop in its process's list.
struct MeetingListItem: Sendable {
    let id: UUID
    let title: LocalizedText
    let kind: MeetingKind
    let address: String
    let startsAt: Date
    let endsAt: Date
}

/// The workshops of a process in date order, in one statement.
enum MeetingListQuery {
    private struct Row: Decodable { let id: UUID, title: LocalizedText, kind: String, address: String, starts_at: Date, ends_at: Date }

    static func of(process: UUID, on db: any SQLDatabase) async throws -> [MeetingListItem] {
        try await db.raw("""
            SELECT id, title, kind, address, starts_at, ends_at FROM meetings WHERE process_id = \(bind: process) ORDER BY starts_at, id
            """).all(decoding: Row.self).map {
            MeetingListItem(id: $0.id, title: $0.title, kind: MeetingKind(rawValue: $0.kind) ?? .inPerson, address: $0.address,
                            startsAt: $0.starts_at, endsAt: $0.ends_at)
        }
    }
}
