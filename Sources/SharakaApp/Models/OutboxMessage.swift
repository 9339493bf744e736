import Fluent
import Vapor

/// An e-mail waiting to leave. Written in the same transaction as the change
/// that causes it; a worker delivers it later.
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "outbox"

    enum Status: String { case pending, sent, failed }

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "claimed_by") var claimedBy: String?
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}

    init(recipient: String, subject: String, body: String, now: Date = Date()) {
        self.createdAt = now
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.status = Status.pending.rawValue
        self.attempts = 0
        self.nextAttemptAt = now
    }
}
