import Fluent
import SharakaCore
import Vapor

/// A workshop of a participatory process: in person, online or both.
final class Meeting: Model, @unchecked Sendable {
    static let schema = "meetings"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "title") var title: LocalizedText
    @Field(key: "description") var description: LocalizedText
    @Field(key: "kind") var kind: String
    @Field(key: "address") var address: String
    @Field(key: "link") var link: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "capacity") var capacity: Int
    @Field(key: "registration_open") var registrationOpen: Bool
    /// One text of the terms (the first language that has them), for what only asks whether
    /// there are terms; `termsText` holds them per language.
    @Field(key: "registration_terms") var registrationTerms: String
    @OptionalField(key: "registration_terms_text") var termsText: LocalizedText?
    // minutes, written after the meeting
    @Field(key: "minutes") var minutes: String
    @Field(key: "decisions") var decisions: String
    @OptionalField(key: "minutes_at") var minutesAt: Date?
    /// Set once the "meeting tomorrow" reminders went out.
    @OptionalField(key: "reminded_at") var remindedAt: Date?

    @Parent(key: "process_id") var process: ParticipatoryProcess
    @Parent(key: "organiser_id") var organiser: Organisation

    init() {}

    var kindValue: MeetingKind { MeetingKind(rawValue: kind) ?? .inPerson }

    /// The terms per language; a workshop written before they were kept so, in the language
    /// its single text is written in.
    var terms: LocalizedText {
        if let termsText, !termsText.isEmpty { return termsText }
        guard !registrationTerms.isEmpty else { return LocalizedText() }
        return LocalizedText([TextLanguage.guess(registrationTerms) ?? .ar: registrationTerms])
    }
}

final class MeetingRegistration: Model, @unchecked Sendable {
    static let schema = "meeting_registrations"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "status") var status: String
    @Field(key: "code") var code: String
    @Field(key: "attended") var attended: Bool
    /// Sector family the person registered with ("citizen" for themselves), kept for the balance figures.
    @Field(key: "family") var family: String
    @OptionalField(key: "province_code") var provinceCode: String?
    @Parent(key: "meeting_id") var meeting: Meeting
    @Parent(key: "user_id") var user: User
    @OptionalParent(key: "organisation_id") var organisation: Organisation?

    init() {}

    var statusValue: RegistrationStatus { RegistrationStatus(rawValue: status) ?? .waiting }
}

/// Files attached to a meeting's minutes.
final class MeetingFile: Model, @unchecked Sendable {
    static let schema = "meeting_files"

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: Meeting
    @Field(key: "file_sha256") var fileSHA256: String
    @Field(key: "name") var name: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Proposals that came out of a meeting (shown on both pages).
final class MeetingProposal: Model, @unchecked Sendable {
    static let schema = "meeting_proposals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: Meeting
    @Parent(key: "proposal_id") var proposal: Proposal

    init() {}

    init(meetingID: UUID, proposalID: UUID) {
        self.$meeting.id = meetingID
        self.$proposal.id = proposalID
    }
}
