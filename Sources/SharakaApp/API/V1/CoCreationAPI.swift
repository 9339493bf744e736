import Fluent
import FluentSQL
import SharakaCore
import SQLKit
import Vapor

/// Phases, proposals (with supports and answer), comments and meetings; writes for
/// proposals, supports and comments behind a personal token.
enum CoCreationAPI {
    static func register(_ api: any RoutesBuilder) {
        api.get("processes", ":id", "phases", use: phases)
        api.get("processes", ":id", "proposals", use: proposals)
        api.get("proposals", ":id", use: proposal)
        api.get("proposals", ":id", "comments", use: comments)
        api.get("processes", ":id", "meetings", use: meetings)
        api.get("meetings", ":id", use: meeting)
        let writes = api.grouped(APITokenMiddleware())
        writes.post("processes", ":id", "proposals", use: createProposal)
        writes.post("proposals", ":id", "support", use: support)
        writes.delete("proposals", ":id", "support", use: unsupport)
        writes.post("comments", use: createComment)
    }

    // MARK: reads

    @Sendable static func phases(req: Request) async throws -> [PhaseDTO] {
        try ProcessDTO(try await publicProcess(req), today: Day(Date())).phases
    }

    @Sendable static func proposals(req: Request) async throws -> PageDTO<ProposalDTO> {
        let process = try await publicProcess(req)
        let paging = try APIPaging(req)
        var answer: String??
        if let raw = try req.query.get(String?.self, at: "answer") {
            guard raw == "none" || AnswerState(rawValue: raw) != nil else { throw Abort(.badRequest, reason: "Unknown answer state '\(raw)'.") }
            answer = raw == "none" ? .some(nil) : raw
        }
        let sort = try req.query.get(String?.self, at: "sort") ?? "newest"
        let sorts: [String: ProposalListFilter.Sort] = ["newest": .newest, "most_supported": .supported, "most_commented": .commented]
        guard let order = sorts[sort] else { throw Abort(.badRequest, reason: "Unknown sort '\(sort)'.") }
        let cursor = try APICursor.read(req, sort: sort)
        let page = try await ProposalAPIQuery(process: process.id, answer: answer, order: order)
            .run(range: cursor == nil ? paging.range : 0..<paging.per, after: cursor?.after, on: req.db as! any SQLDatabase)
        let next = page.items.count == paging.per ? page.items.last.map { APICursor(sort: sort, after: $0.id).encoded } : nil
        return PageDTO(items: page.items, page: cursor == nil ? paging.page : nil, perPage: paging.per, total: page.total, nextCursor: next)
    }

    @Sendable static func proposal(req: Request) async throws -> ProposalDTO {
        let p = try await publicProposal(req)
        let history = try await ProposalAnswer.query(on: req.db).filter(\.$proposal.$id == p.id!).sort(\.$createdAt, .descending).all()
        return ProposalDTO(p, answer: history.first.map(AnswerDTO.init), history: history.map(AnswerDTO.init))
    }

    @Sendable static func comments(req: Request) async throws -> PageDTO<CommentDTO> {
        let p = try await publicProposal(req)
        let paging = try APIPaging(req)
        let thread = try await CommentThreadQuery(kind: .proposal, target: p.id!, order: .oldest).all(on: req.db as! any SQLDatabase)
        let slice = thread.dropFirst(paging.offset).prefix(paging.per)
        return PageDTO(items: slice.map { CommentDTO($0.comment, depth: $0.depth) }, page: paging.page, perPage: paging.per, total: thread.count)
    }

    @Sendable static func meetings(req: Request) async throws -> [MeetingDTO] {
        let process = try await publicProcess(req)
        let meetings = try await Meeting.query(on: req.db).filter(\.$process.$id == process.id).sort(\.$startsAt).all()
        return try await meetings.asyncMap { try await MeetingDTO($0, on: req.db) }
    }

    @Sendable static func meeting(req: Request) async throws -> MeetingDTO {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.badRequest, reason: "The id must be a UUID.") }
        guard let m = try await Meeting.find(id, on: req.db), let p = try await ParticipatoryProcess.find(m.$process.id, on: req.db), p.statusValue.isPublic
        else { throw Abort(.notFound, reason: "No public meeting with this id.") }
        return try await MeetingDTO(m, on: req.db)
    }

    // MARK: writes

    @Sendable static func createProposal(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let process = try await publicProcess(req)
        guard process.allows(.propose) else { throw Refusal(.unprocessableEntity, .refusalNotProposalPhase) }
        let provinces = try await ProvinceList.all(on: req.sql)
        let orgs = try await MemberOrganisations.of(user, on: req.db)
        let form = ProposalForm.read(req)
        let errors = form.validate(Localizer(.en), provinces: Set(provinces.map(\.code)), organisations: Set(orgs.compactMap { $0.id?.uuidString }))
        guard errors.isEmpty else { return try ValidationProblem.response(errors) }
        let p = try await ProposalService.publish(form, attachment: nil, by: user, in: process.id, on: req.db)
        let res = Response(status: .created)
        try res.content.encode(ProposalDTO(p, answer: nil), as: .json)
        res.headers.replaceOrAdd(name: .location, value: "/api/v1/proposals/\(p.id!)")
        return res
    }

    @Sendable static func support(req: Request) async throws -> SupportDTO { try await changeSupport(req, adding: true) }
    @Sendable static func unsupport(req: Request) async throws -> SupportDTO { try await changeSupport(req, adding: false) }

    private static func changeSupport(_ req: Request, adding: Bool) async throws -> SupportDTO {
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.badRequest, reason: "The id must be a UUID.") }
        let sql = req.db as! any SQLDatabase
        let outcome = try await SupportWrite.change(id, by: user.id!, adding: adding, batch: req.application.supportBatch, gate: req.application.sqliteWriteGate, on: sql)
        return SupportDTO(proposal: id, supported: adding, changed: outcome.changed, supports: outcome.supports)
    }

    @Sendable static func createComment(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let outcome = try await CommentService.post(req, by: user, kind: try? req.content.get(String.self, at: "target_kind"),
                                                       targetID: try? req.content.get(String.self, at: "target_id"),
                                                       parentID: try? req.content.get(String.self, at: "parent_id"),
                                                       body: (try? req.content.get(String.self, at: "body")) ?? "",
                                                       alignment: try? req.content.get(String.self, at: "alignment"))
        switch outcome {
        case .badBody(let p, _):
            return try ValidationProblem.response(["body": Localizer(.en).problem(p, min: CommentRules.bodyLength.lowerBound, max: CommentRules.bodyLength.upperBound)])
        case .posted(let c, _):
            let res = Response(status: .created)
            try res.content.encode(CommentDTO(CommentItem(c, authorName: user.name), depth: c.depth), as: .json)
            return res
        }
    }

    // MARK: helpers

    static func publicProcess(_ req: Request) async throws -> ProcessView {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.badRequest, reason: "The id must be a UUID.") }
        guard let p = try await ProcessQuery.one(id, on: req.sql), p.status.isPublic else { throw Abort(.notFound, reason: "No published process with this id.") }
        return p
    }

    static func publicProposal(_ req: Request) async throws -> Proposal {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.badRequest, reason: "The id must be a UUID.") }
        guard let p = try await Proposal.find(id, on: req.db), p.hiddenAt == nil,
              let process = try await ParticipatoryProcess.find(p.$process.id, on: req.db), process.statusValue.isPublic
        else { throw Abort(.notFound, reason: "No public proposal with this id.") }
        return p
    }
}

extension Array {
    func asyncMap<T>(_ f: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        out.reserveCapacity(count)
        for e in self { out.append(try await f(e)) }
        return out
    }
}
