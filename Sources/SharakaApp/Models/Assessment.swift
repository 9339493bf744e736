import Fluent
import SharakaCore
import Vapor

/// A reviewer's report on a plan: the assessments published together, with its date.
final class AssessmentReport: Model, @unchecked Sendable {
    static let schema = "assessment_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "published_at") var publishedAt: Date
    @Parent(key: "plan_id") var plan: ActionPlan
    @Parent(key: "reviewer_id") var reviewer: User
    @Children(for: \.$report) var assessments: [Assessment]

    init() {}
}

/// One commitment assessed by an independent reviewer, on the IRM's scales. A draft
/// until the reviewer publishes the report it belongs to; then it is read-only.
final class Assessment: Model, @unchecked Sendable {
    static let schema = "assessments"

    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "verifiable") var verifiable: Bool
    /// OGP values the commitment is relevant to, comma-separated.
    @Field(key: "relevance") var relevance: String
    @Field(key: "potential_impact") var potentialImpact: String
    @Field(key: "completion") var completion: String
    @Field(key: "did_it_open") var didItOpen: String
    @Field(key: "narrative") var narrative: String
    @Field(key: "sources") var sources: String
    @Parent(key: "commitment_id") var commitment: Commitment
    @Parent(key: "reviewer_id") var reviewer: User
    @OptionalParent(key: "report_id") var report: AssessmentReport?

    init() {}

    var isDraft: Bool { $report.id == nil }
}
