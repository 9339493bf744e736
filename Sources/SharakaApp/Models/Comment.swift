import Fluent
import SharakaCore
import Vapor

/// A comment on anything commentable, addressed by kind and id so that later
/// features (meetings, progress updates) add a kind, not a table.
final class Comment: Model, @unchecked Sendable {
    static let schema = "comments"

    enum Target: String, CaseIterable, Sendable { case proposal, process, meeting, progress }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "edited_at") var editedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?
    /// Set by moderation (three reports, or a moderator); cleared on restore.
    @OptionalField(key: "hidden_at") var hiddenAt: Date?

    // data fields
    @Field(key: "target_kind") var targetKind: String
    @Field(key: "target_id") var targetID: UUID
    @Field(key: "depth") var depth: Int
    @Field(key: "body") var body: String
    @Field(key: "alignment") var alignment: String
    @Field(key: "up_votes") var upVotes: Int
    @Field(key: "down_votes") var downVotes: Int

    // relationships
    @OptionalParent(key: "parent_id") var parent: Comment?
    @Parent(key: "author_id") var author: User

    init() {}

    init(target: Target, targetID: UUID, parent: Comment?, authorID: UUID, body: String, alignment: CommentAlignment) {
        self.targetKind = target.rawValue
        self.targetID = targetID
        self.$parent.id = parent?.id
        self.depth = parent.map { $0.depth + 1 } ?? 0
        self.$author.id = authorID
        self.body = body
        self.alignment = alignment.rawValue
        self.upVotes = 0
        self.downVotes = 0
        self.createdAt = Date()
    }

    var isDeleted: Bool { deletedAt != nil }
    var score: Int { upVotes - downVotes }
}

final class CommentVote: Model, @unchecked Sendable {
    static let schema = "comment_votes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "comment_id") var comment: Comment
    @Parent(key: "user_id") var user: User
    @Field(key: "value") var value: Int

    init() {}

    init(commentID: UUID, userID: UUID, value: Int) {
        self.$comment.id = commentID
        self.$user.id = userID
        self.value = value
    }
}
