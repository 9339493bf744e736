import Fluent
import SharakaCore
import Vapor

final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "preferred_language") var preferredLanguage: String
    @OptionalField(key: "province_code") var provinceCode: String?
    @Field(key: "role") var role: String
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "blocked_at") var blockedAt: Date?
    /// Set when the person deleted their account: the row stays so that
    /// contributions keep an author, but every personal field is erased.
    @OptionalField(key: "deleted_at") var deletedAt: Date?
    @Field(key: "email_notifications") var emailNotifications: String
    /// When the person accepted the terms of use, and which version (`Settings.termsVersion`).
    @OptionalField(key: "terms_accepted_at") var termsAcceptedAt: Date?
    @OptionalField(key: "terms_version") var termsVersion: String?
    @OptionalField(key: "last_digest_at") var lastDigestAt: Date?

    init() {}

    init(name: String, email: String, passwordHash: String, language: Language, provinceCode: String?, role: Role = .citizen) {
        self.name = name
        self.email = email
        self.passwordHash = passwordHash
        self.preferredLanguage = language.rawValue
        self.provinceCode = provinceCode
        self.role = role.rawValue
        self.emailNotifications = EmailPreference.immediate.rawValue
    }

    var roleValue: Role { Role(rawValue: role) ?? .citizen }
    var language: Language { Language(rawValue: preferredLanguage) ?? .ar }
    var isConfirmed: Bool { confirmedAt != nil }
    var isBlocked: Bool { blockedAt != nil }
    var isDeleted: Bool { deletedAt != nil }
}

extension User: SessionAuthenticatable {
    var sessionID: UUID { id! }
}
