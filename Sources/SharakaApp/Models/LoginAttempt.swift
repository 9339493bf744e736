import Fluent
import Vapor

/// Kept in the database rather than memory so that the limit holds across instances.
final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "created_at") var createdAt: Date
    /// Refused by the throttle without a password check: not a failure, or waiting
    /// would never end for as long as someone keeps trying.
    @Field(key: "throttled") var throttled: Bool

    init() {}

    init(email: String, address: String, succeeded: Bool, at date: Date = Date()) {
        self.email = email
        self.address = address
        self.succeeded = succeeded
        self.createdAt = date
        self.throttled = false
    }
}
