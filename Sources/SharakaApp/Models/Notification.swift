import Fluent
import SharakaCore
import Vapor

/// One line of a person's notification list. The text is rendered at display time in
/// the reader's language from the kind and a snapshot of the subject's title.
final class Notification: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?
    /// Set when an immediate mail or a digest carried it.
    @OptionalField(key: "emailed_at") var emailedAt: Date?
    @Parent(key: "user_id") var user: User
    @Field(key: "kind") var kind: String
    @Field(key: "target_kind") var targetKind: String
    @Field(key: "target_id") var targetID: UUID
    @Field(key: "title") var title: String

    init() {}

    init(userID: UUID, kind: NotificationKind, target: FollowTarget, targetID: UUID, title: String) {
        self.$user.id = userID
        self.kind = kind.rawValue
        self.targetKind = target.rawValue
        self.targetID = targetID
        self.title = String(title.prefix(200))
        self.createdAt = Date()
    }

    var kindValue: NotificationKind { NotificationKind(rawValue: kind) ?? .comment }
}

enum FollowTarget: String, CaseIterable, Sendable { case process, proposal, meeting, commitment }

final class Follow: Model, @unchecked Sendable {
    static let schema = "follows"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "target_kind") var targetKind: String
    @Field(key: "target_id") var targetID: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(userID: UUID, target: FollowTarget, targetID: UUID) {
        self.$user.id = userID
        self.targetKind = target.rawValue
        self.targetID = targetID
        self.createdAt = Date()
    }
}
