import Fluent
import Vapor

/// A browser that has signed in to an account: it carries a random token in a long-lived
/// cookie, and its attempts are not slowed down by failures that others cause.
final class KnownDevice: Model, @unchecked Sendable {
    static let schema = "known_devices"
    static let cookieName = "sharaka_device"
    static let lifetime: TimeInterval = 365 * 24 * 3600

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_used_at") var lastUsedAt: Date

    init() {}

    init(tokenHash: String, userID: UUID, at date: Date = Date()) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.createdAt = date
        self.lastUsedAt = date
    }
}
