import Fluent
import Vapor

/// Whether the viewer follows a page, for its follow button.
enum Following {
    static func isFollowing(_ req: Request, _ target: FollowTarget, _ id: UUID) async throws -> Bool {
        guard let user = req.currentUser else { return false }
        return try await Follow.query(on: req.db).filter(\.$user.$id == user.id!).filter(\.$targetKind == target.rawValue).filter(\.$targetID == id).count() > 0
    }
}
