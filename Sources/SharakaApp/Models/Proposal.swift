import Fluent
import SharakaCore
import Vapor

final class Proposal: Model, @unchecked Sendable {
    static let schema = "proposals"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    /// The language the author wrote in, so pages can say so and set `lang`.
    @Field(key: "language") var language: String
    @Field(key: "ogp_value") var ogpValue: String
    @Field(key: "theme") var theme: String
    @OptionalField(key: "province_code") var provinceCode: String?
    @OptionalField(key: "attachment_sha256") var attachmentSHA256: String?
    /// The name this proposal's author gave the file (the stored file keeps the first uploader's).
    @OptionalField(key: "attachment_name") var attachmentName: String?
    @Field(key: "status") var status: String
    @OptionalField(key: "answer_state") var answerState: String?
    /// When the first decision (not "under evaluation") was published: the dashboard's delay.
    @OptionalField(key: "answered_at") var answeredAt: Date?
    /// Set by moderation; the page then shows a placeholder.
    @OptionalField(key: "hidden_at") var hiddenAt: Date?
    /// Kept exact inside the transaction that adds or removes a support.
    @Field(key: "supports_count") var supportsCount: Int
    @Field(key: "comments_count") var commentsCount: Int
    /// Fixed at creation; the per-visitor "random" order is a permutation of it.
    @Field(key: "random_key") var randomKey: Int
    @Field(key: "search_text") var searchText: String

    // relationships
    @Parent(key: "process_id") var process: ParticipatoryProcess
    @Parent(key: "author_id") var author: User
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @OptionalParent(key: "merged_into_id") var mergedInto: Proposal?

    init() {}

    var statusValue: ProposalStatus { ProposalStatus(rawValue: status) ?? .published }
    var languageValue: Language { Language(rawValue: language) ?? .ar }

    static func searchText(title: String, body: String) -> String {
        ArabicText.normalised((title + " " + body).lowercased())
    }
}

final class Support: Model, @unchecked Sendable {
    static let schema = "supports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "proposal_id") var proposal: Proposal
    @Parent(key: "user_id") var user: User
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(proposalID: UUID, userID: UUID) {
        self.$proposal.id = proposalID
        self.$user.id = userID
        self.createdAt = Date()
    }
}
