import Fluent
import SharakaCore
import Vapor

/// Published processes and their timelines.
enum ProcessAPI {
    static func register(_ api: any RoutesBuilder) {
        api.get("processes", use: list)
        api.get("processes", ":id", use: show)
    }

    @Sendable static func list(req: Request) async throws -> [ProcessDTO] {
        try await ParticipatoryProcess.query(on: req.db).filter(\.$status != ProcessStatus.draft.rawValue)
            .with(\.$phases).sort(\.$createdAt, .descending).all().map { ProcessDTO($0, today: Day(Date())) }
    }

    @Sendable static func show(req: Request) async throws -> ProcessDTO {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.badRequest, reason: "The id must be a UUID.") }
        guard let p = try await ParticipatoryProcess.query(on: req.db).filter(\.$id == id).with(\.$phases).first(), p.statusValue.isPublic
        else { throw Abort(.notFound, reason: "No published process with this id.") }
        return ProcessDTO(p, today: Day(Date()))
    }
}

struct PhaseDTO: Content {
    let id: UUID
    let kind: String
    let name: [String: String]
    let startsOn: String
    let endsOn: String
    let current: Bool
}

struct ProcessDTO: Content {
    let id: UUID
    let title: [String: String]
    let summary: [String: String]
    let description: [String: String]
    let scope: [String]
    let organisation: UUID
    let contact: String
    let hashtag: String
    let status: String
    let phases: [PhaseDTO]

    init(_ p: ParticipatoryProcess, today: Day) {
        let current = p.timeline.current(on: today)
        id = p.id!; title = p.title.values; summary = p.summary.values; description = p.description.values
        scope = p.scope; organisation = p.$organiser.id; contact = p.contact; hashtag = p.hashtag; status = p.status
        phases = (p.$phases.value ?? []).sorted { $0.startsOn < $1.startsOn }.map {
            PhaseDTO(id: $0.id!, kind: $0.kind, name: $0.name.values, startsOn: $0.startsOn, endsOn: $0.endsOn, current: $0.window == current && current != nil)
        }
    }
}
