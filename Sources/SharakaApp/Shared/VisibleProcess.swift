import Fluent
import SharakaCore
import Vapor

/// The participatory process a request names, as every feature finds it: a draft exists
/// only for those who may edit it.
enum VisibleProcess {
    /// The process named by the route's `id`, with its organiser and phases; 404 if there is none.
    static func find(_ req: Request) async throws -> ParticipatoryProcess {
        guard let id = req.parameters.get("id", as: UUID.self),
              let process = try await load(id, on: req.db)
        else { throw Abort(.notFound) }
        return process
    }

    static func load(_ id: UUID, on db: any Database) async throws -> ParticipatoryProcess? {
        try await ParticipatoryProcess.query(on: db).filter(\.$id == id).with(\.$organiser).with(\.$phases).first()
    }

    /// 404 for a draft unless the viewer may edit it.
    static func require(_ process: ParticipatoryProcess, _ req: Request) async throws {
        if process.statusValue.isPublic { return }
        guard try await ProcessAccess.canEdit(req.currentUser, process, on: req.db) else { throw Abort(.notFound) }
    }
}
