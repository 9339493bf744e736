import Fluent
import SQLKit

struct CreateComments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Comment.schema)
            .id()
            .field("created_at", .datetime, .required)
            .field("edited_at", .datetime)
            .field("deleted_at", .datetime)
            .field("hidden_at", .datetime)
            .field("target_kind", .string, .required)
            .field("target_id", .uuid, .required)
            .field("parent_id", .uuid, .references(Comment.schema, "id"))
            .field("depth", .int, .required)
            .field("author_id", .uuid, .required, .references(User.schema, "id"))
            .field("body", .string, .required)
            .field("alignment", .string, .required)
            .field("up_votes", .int, .required)
            .field("down_votes", .int, .required)
            .create()
        try await db.schema(CommentVote.schema)
            .id()
            .field("comment_id", .uuid, .required, .references(Comment.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("value", .int, .required)
            .unique(on: "comment_id", "user_id")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "comments_target").on(Comment.schema).column("target_kind").column("target_id").column("created_at").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(CommentVote.schema).delete()
        try await db.schema(Comment.schema).delete()
    }
}
