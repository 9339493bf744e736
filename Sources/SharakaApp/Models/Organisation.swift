import Fluent
import SharakaCore
import Vapor

final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "name") var name: LocalizedText
    /// Lower-cased names in every language, for search without JSON operators that differ per engine.
    @Field(key: "search_text") var searchText: String
    @Field(key: "sector") var sector: String
    @OptionalField(key: "province_code") var provinceCode: String?
    @Field(key: "website") var website: String
    @Field(key: "description") var description: LocalizedText
    @Children(for: \.$organisation) var memberships: [Membership]

    init() {}

    init(name: LocalizedText, sector: Sector, provinceCode: String?, website: String = "", description: LocalizedText = .init()) {
        self.name = name
        self.sector = sector.rawValue
        self.provinceCode = provinceCode
        self.website = website
        self.description = description
        self.searchText = Organisation.searchText(for: name)
    }

    static func searchText(for name: LocalizedText) -> String {
        ArabicText.normalised(name.values.values.sorted().joined(separator: " ").lowercased())
    }

    var sectorValue: Sector { Sector(rawValue: sector) ?? .association }
}

final class Membership: Model, @unchecked Sendable {
    static let schema = "memberships"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "role") var role: String

    init() {}

    init(userID: UUID, organisationID: UUID, role: MembershipRole) {
        self.$user.id = userID
        self.$organisation.id = organisationID
        self.role = role.rawValue
    }
}
