import Fluent
import SharakaCore
import Vapor

final class Milestone: Model, @unchecked Sendable {
    static let schema = "milestones"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: LocalizedText
    @Field(key: "deliverable") var deliverable: LocalizedText
    @Field(key: "responsible_body") var responsibleBody: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "weight") var weight: Int
    @Field(key: "status") var status: String
    @Field(key: "percent") var percent: Int
    @Field(key: "cancel_reason") var cancelReason: String
    /// When officials were told the end is near / that it is late (each once per end date).
    @OptionalField(key: "due_reminded_for") var dueRemindedFor: String?
    @OptionalField(key: "delay_reminded_for") var delayRemindedFor: String?

    // relationships
    @Parent(key: "commitment_id") var commitment: Commitment
    @OptionalParent(key: "responsible_organisation_id") var responsibleOrganisation: Organisation?

    init() {}

    var statusValue: MilestoneStatus { MilestoneStatus(rawValue: status) ?? .notStarted }
    var ends: Day { Day(iso: endsOn) ?? Day(Date()) }
    var facts: MilestoneFacts { MilestoneFacts(weight: weight, status: statusValue, percent: percent, ends: ends) }
    /// What progress reports change, and the audit log records.
    var reported: MilestoneProgress.State { MilestoneProgress.State(status: statusValue, percent: percent, cancelReason: cancelReason) }
    func isDelayed(today: Day = Day(Date())) -> Bool { facts.isDelayed(today: today) }
}

/// An official's report on a milestone: what was done, how far, with evidence.
final class ProgressUpdate: Model, @unchecked Sendable {
    static let schema = "progress_updates"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "reported_on") var reportedOn: String
    @Field(key: "text") var text: String
    @Field(key: "percent") var percent: Int
    @Field(key: "status_before") var statusBefore: String
    @Field(key: "status_after") var statusAfter: String
    /// The commitment's completion right after this update: its history over time.
    @Field(key: "commitment_completion") var commitmentCompletion: Int
    @Parent(key: "milestone_id") var milestone: Milestone
    @Parent(key: "commitment_id") var commitment: Commitment
    @Parent(key: "author_id") var author: User
    @Children(for: \.$update) var evidence: [ProgressEvidence]

    init() {}
}

final class ProgressEvidence: Model, @unchecked Sendable {
    static let schema = "progress_evidence"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// A stored file, or else a link.
    @OptionalField(key: "file_sha256") var fileSHA256: String?
    @Field(key: "url") var url: String
    @Parent(key: "update_id") var update: ProgressUpdate

    init() {}
}
