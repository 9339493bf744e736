import Crypto
import Fluent
import Foundation

/// A personal token for the write endpoints of the API. Only its SHA-256 is stored:
/// the clear token is shown once, when it is made.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    init(userID: UUID, name: String, clear: String) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = Self.hash(clear)
        self.createdAt = Date()
    }

    static let prefix = "shk_"

    static func newClear() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var rng = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
        return prefix + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ clear: String) -> String {
        SHA256.hash(data: Data(clear.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
