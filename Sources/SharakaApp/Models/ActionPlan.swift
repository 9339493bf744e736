import Fluent
import SharakaCore
import Vapor

/// An OGP action plan (e.g. the Oriental Region's 2025–2027 plan).
final class ActionPlan: Model, @unchecked Sendable {
    static let schema = "action_plans"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "adopted_at") var adoptedAt: Date?

    // data fields
    @Field(key: "title") var title: LocalizedText
    @Field(key: "description") var description: LocalizedText
    @Field(key: "period_start") var periodStart: Int
    @Field(key: "period_end") var periodEnd: Int
    @Field(key: "status") var status: String
    /// The last revision number; 0 until adoption, then one more per amendment.
    @Field(key: "revision") var revision: Int
    /// The OGP member (for plans imported from elsewhere, e.g. "Morocco").
    @Field(key: "member") var member: String
    @Field(key: "source_url") var sourceURL: String

    // relationships
    @Parent(key: "organisation_id") var adoptingBody: Organisation
    @OptionalParent(key: "process_id") var process: ParticipatoryProcess?

    init() {}

    var statusValue: PlanStatus { PlanStatus(rawValue: status) ?? .draft }
    var period: String { "\(periodStart)–\(periodEnd)" }
}

/// A commitment in OGP's template.
final class Commitment: Model, @unchecked Sendable {
    static let schema = "commitments"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "reference") var reference: String
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: LocalizedText
    @Field(key: "problem") var problem: LocalizedText
    @Field(key: "causes") var causes: LocalizedText
    @Field(key: "solution") var solution: LocalizedText
    @Field(key: "changes") var changes: LocalizedText
    /// OGP values, comma-separated raw values of `OGPValue`.
    @Field(key: "ogp_values") var ogpValues: String
    @Field(key: "theme") var theme: String
    /// The lead body's name as written in the plan; `leadOrganisation` when it is on the platform.
    @Field(key: "lead_body") var leadBody: String
    @Field(key: "supporting_actors") var supportingActors: SupportingActors
    @Field(key: "provinces") var provinces: ProvinceCodes
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @OptionalField(key: "budget_centimes") var budgetCentimes: Int64?
    @Field(key: "contact") var contact: String
    /// The latest weighted completion, kept in step with every progress update.
    @Field(key: "completion") var completion: Int

    // relationships
    @Parent(key: "plan_id") var plan: ActionPlan
    @OptionalParent(key: "lead_organisation_id") var leadOrganisation: Organisation?
    @Children(for: \.$commitment) var milestones: [Milestone]

    init() {}

    var values: [OGPValue] { ogpValues.split(separator: ",").compactMap { OGPValue(rawValue: String($0)) } }
    var budget: MAD? { budgetCentimes.map(MAD.init(centimes:)) }
    var starts: Day? { Day(iso: startsOn) }
    var ends: Day? { Day(iso: endsOn) }
    var level: IRMCompletion { IRMCompletion.level(percent: completion) }
}

struct SupportingActors: Codable, Sendable, Equatable {
    struct Actor: Codable, Sendable, Equatable {
        var kind: String
        var name: String
    }
    var actors: [Actor]
}

/// "This commitment came from these proposals".
final class CommitmentProposal: Model, @unchecked Sendable {
    static let schema = "commitment_proposals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "commitment_id") var commitment: Commitment
    @Parent(key: "proposal_id") var proposal: Proposal

    init() {}

    init(commitmentID: UUID, proposalID: UUID) {
        $commitment.id = commitmentID; $proposal.id = proposalID
    }
}

/// A frozen copy of a plan at adoption or after an amendment: the flat field map that
/// `RevisionDiff` compares.
final class PlanRevision: Model, @unchecked Sendable {
    static let schema = "plan_revisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "reason") var reason: String
    @Field(key: "snapshot") var snapshot: RevisionSnapshot
    @Parent(key: "plan_id") var plan: ActionPlan
    /// Nil for revisions written by the command line (an import).
    @OptionalParent(key: "author_id") var author: User?

    init() {}
}

struct RevisionSnapshot: Codable, Sendable, Equatable {
    struct Field: Codable, Sendable, Equatable { var path: String; var value: String }
    var fields: [Field]
    var pairs: [(String, String)] { fields.map { ($0.path, $0.value) } }
}

/// A document of the plan (the adopted text, a council decision, an annex).
final class PlanDocument: Model, @unchecked Sendable {
    static let schema = "plan_documents"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "file_sha256") var fileSHA256: String
    @Field(key: "created_at") var createdAt: Date
    @Parent(key: "plan_id") var plan: ActionPlan

    init() {}
}
