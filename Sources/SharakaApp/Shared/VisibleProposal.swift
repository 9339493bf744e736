import Fluent
import Vapor

/// The proposal a request names, with what its pages and forms show beside it.
enum VisibleProposal {
    static func find(_ req: Request) async throws -> Proposal {
        guard let id = req.parameters.get("id", as: UUID.self),
              let p = try await Proposal.query(on: req.db).filter(\.$id == id).with(\.$author).with(\.$organisation).with(\.$mergedInto).first()
        else { throw Abort(.notFound) }
        return p
    }
}
