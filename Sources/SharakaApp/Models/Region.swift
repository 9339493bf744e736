import Fluent
import SharakaCore
import Vapor

/// The one region an instance serves.
final class Region: Model, @unchecked Sendable {
    static let schema = "regions"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: LocalizedText
    @Field(key: "contact_email") var contactEmail: String
    @Field(key: "contact_phone") var contactPhone: String
    @Field(key: "address") var address: String
    @OptionalField(key: "logo_sha256") var logoSHA256: String?
    @Field(key: "is_demo") var isDemo: Bool

    init() {}

    init(code: String, name: LocalizedText, contactEmail: String = "", contactPhone: String = "", address: String = "", isDemo: Bool = false) {
        self.code = code
        self.name = name
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.address = address
        self.isDemo = isDemo
    }
}

final class Province: Model, @unchecked Sendable {
    static let schema = "provinces"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: LocalizedText
    @Field(key: "kind") var kind: String // prefecture or province
    @Field(key: "population") var population: Int

    init() {}

    init(code: String, name: LocalizedText, kind: String, population: Int) {
        self.code = code
        self.name = name
        self.kind = kind
        self.population = population
    }
}
