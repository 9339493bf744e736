import SharakaCore
import Vapor

/// Published processes and their timelines.
enum ProcessAPI {
    static func register(_ api: any RoutesBuilder) {
        api.get("processes", use: list)
        api.get("processes", ":id", use: show)
    }

    @Sendable static func list(req: Request) async throws -> [ProcessDTO] {
        try await ProcessQuery.all(organisers: [], on: req.sql).map { ProcessDTO($0, today: Day(Date())) }
    }

    @Sendable static func show(req: Request) async throws -> ProcessDTO {
        ProcessDTO(try await CoCreationAPI.publicProcess(req), today: Day(Date()))
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

    init(_ p: ProcessView, today: Day) {
        let current = p.timeline.current(on: today)
        id = p.id; title = p.title.values; summary = p.summary.values; description = p.description.values
        scope = p.scope; organisation = p.organiserID; contact = p.contact; hashtag = p.hashtag; status = p.status.rawValue
        phases = p.phases.map {
            PhaseDTO(id: $0.id, kind: $0.kind.rawValue, name: $0.name.values, startsOn: $0.window.starts.iso, endsOn: $0.window.ends.iso,
                     current: $0.window == current && current != nil)
        }
    }
}
