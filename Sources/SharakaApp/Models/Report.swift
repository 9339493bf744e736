import Fluent
import SharakaCore
import Vapor

/// What people can report: the content they write.
enum ReportTarget: String, CaseIterable, Sendable { case proposal, comment }

/// One person's report of one piece of content. Unique per reporter and content, so
/// "three distinct reports" is a row count.
final class Report: Model, @unchecked Sendable {
    static let schema = "reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "target_kind") var targetKind: String
    @Field(key: "target_id") var targetID: UUID
    @Parent(key: "reporter_id") var reporter: User
    @Field(key: "reason") var reason: String
    @Field(key: "details") var details: String
    /// Set when a moderator decides on the content; resolved reports leave the queue.
    @OptionalField(key: "resolved_at") var resolvedAt: Date?

    init() {}

    init(target: ReportTarget, id: UUID, reporterID: UUID, reason: ReportReason, details: String) {
        self.createdAt = Date()
        self.targetKind = target.rawValue; self.targetID = id
        self.$reporter.id = reporterID
        self.reason = reason.rawValue; self.details = details
    }
}

/// The public-accountability trail of moderation: who decided what, on what, and why.
final class ModerationDecision: Model, @unchecked Sendable {
    static let schema = "moderation_decisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "target_kind") var targetKind: String
    @Field(key: "target_id") var targetID: UUID
    @Field(key: "action") var action: String
    @Field(key: "reason") var reason: String
    /// Nil for the automatic hide after three reports.
    @OptionalParent(key: "moderator_id") var moderator: User?

    init() {}

    init(target: ReportTarget, id: UUID, action: ModerationAction, reason: String, moderatorID: UUID?) {
        self.createdAt = Date()
        self.targetKind = target.rawValue; self.targetID = id
        self.action = action.rawValue; self.reason = reason
        self.$moderator.id = moderatorID
    }
}
