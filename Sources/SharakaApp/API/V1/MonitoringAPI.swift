import Fluent
import SharakaCore
import Vapor

/// Action plans, commitments, milestones, progress, dashboards and history as JSON.
enum MonitoringAPI {
    static func register(_ api: any RoutesBuilder) {
        api.get("plans", use: plans)
        api.get("plans", ":id", use: plan)
        api.get("plans", ":id", "dashboard", use: dashboard)
        api.get("commitments", ":id", use: commitment)
        api.get("commitments", ":id", "history", use: history)
    }

    @Sendable static func plans(req: Request) async throws -> [PlanDTO] {
        let plans = try await ActionPlan.query(on: req.db).filter(\.$status != PlanStatus.draft.rawValue).sort(\.$periodStart, .descending).all()
        var counts: [UUID: Int] = [:]
        for id in try await Commitment.query(on: req.db).filter(\.$plan.$id ~~ plans.compactMap(\.id)).all(\.$plan.$id) { counts[id, default: 0] += 1 }
        return plans.map { PlanDTO($0, commitments: nil, count: counts[$0.id!] ?? 0) }
    }

    @Sendable static func plan(req: Request) async throws -> PlanDTO {
        let plan = try await publicPlan(req)
        let commitments = try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).sort(\.$position).sort(\.$reference).with(\.$milestones).all()
        let today = Day(Date())
        let links = Dictionary(grouping: try await CommitmentProposal.query(on: req.db).filter(\.$commitment.$id ~~ commitments.compactMap(\.id)).all(),
                               by: { $0.$commitment.id })
        return PlanDTO(plan, commitments: commitments.map { c in
            CommitmentDTO(c, today: today, proposals: (links[c.id!] ?? []).map { $0.$proposal.id }, updates: nil)
        }, count: commitments.count)
    }

    @Sendable static func dashboard(req: Request) async throws -> DashboardDTO {
        let plan = try await publicPlan(req)
        let commitments = try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).all()
        let milestones = try await Milestone.query(on: req.db).filter(\.$commitment.$id ~~ commitments.compactMap(\.id)).all()
        let today = Day(Date())
        return DashboardDTO(
            commitments: commitments.count,
            byLevel: Dictionary(uniqueKeysWithValues: IRMCompletion.allCases.map { l in (l.rawValue, commitments.filter { $0.level == l }.count) }),
            milestones: .init(onTime: milestones.filter { [.notStarted, .inProgress].contains($0.statusValue) && !$0.isDelayed(today: today) }.count,
                              delayed: milestones.filter { $0.isDelayed(today: today) }.count,
                              completed: milestones.filter { $0.statusValue == .completed }.count,
                              cancelled: milestones.filter { $0.statusValue == .cancelled }.count),
            budgetTotal: MAD.total(commitments.compactMap(\.budget))?.description,
            fromProposals: Set(try await CommitmentProposal.query(on: req.db).filter(\.$commitment.$id ~~ commitments.compactMap(\.id)).all(\.$commitment.$id)).count)
    }

    @Sendable static func commitment(req: Request) async throws -> CommitmentDTO {
        let c = try await publicCommitment(req)
        let milestones = try await Milestone.query(on: req.db).filter(\.$commitment.$id == c.id!).all()
        c.$milestones.value = milestones
        let updates = try await ProgressUpdate.query(on: req.db).filter(\.$commitment.$id == c.id!).with(\.$evidence).sort(\.$createdAt, .descending).all()
        let proposals = try await CommitmentProposal.query(on: req.db).filter(\.$commitment.$id == c.id!).all(\.$proposal.$id)
        return CommitmentDTO(c, today: Day(Date()), proposals: proposals, updates: updates)
    }

    @Sendable static func history(req: Request) async throws -> [AuditEntryDTO] {
        let c = try await publicCommitment(req)
        return try await AuditEntry.query(on: req.db).filter(\.$scopeID == c.id!.uuidString).sort(\.$sequence).all().map(AuditEntryDTO.init)
    }

    private static func publicPlan(_ req: Request) async throws -> ActionPlan {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.badRequest, reason: "The id is not a UUID.") }
        guard let plan = try await ActionPlan.find(id, on: req.db), plan.statusValue.isPublic else { throw Abort(.notFound) }
        return plan
    }

    private static func publicCommitment(_ req: Request) async throws -> Commitment {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.badRequest, reason: "The id is not a UUID.") }
        guard let c = try await Commitment.find(id, on: req.db), let plan = try await ActionPlan.find(c.$plan.id, on: req.db), plan.statusValue.isPublic
        else { throw Abort(.notFound) }
        return c
    }
}

struct PlanDTO: Content {
    let id: UUID, title: [String: String], description: [String: String], periodStart: Int, periodEnd: Int, status: String
    let revision: Int, adoptingBody: UUID, process: UUID?, ogpName: String, sourceURL: String, commitmentCount: Int
    let commitments: [CommitmentDTO]?

    init(_ p: ActionPlan, commitments: [CommitmentDTO]?, count: Int) {
        id = p.id!; title = p.title.values; description = p.description.values; periodStart = p.periodStart; periodEnd = p.periodEnd
        status = p.status; revision = p.revision; adoptingBody = p.$adoptingBody.id; process = p.$process.id; ogpName = p.member
        sourceURL = p.sourceURL; commitmentCount = count; self.commitments = commitments
    }
}

struct CommitmentDTO: Content {
    struct Actor: Content { let kind: String, name: String }
    struct MilestoneDTO: Content {
        let id: UUID, position: Int, title: [String: String], deliverable: [String: String], responsibleBody: String
        let startsOn: String, endsOn: String, weight: Int, status: String, percent: Int, delayed: Bool, cancelReason: String
    }
    struct Update: Content {
        let id: UUID, milestone: UUID, reportedOn: String, text: String, percent: Int, statusBefore: String, statusAfter: String
        let commitmentCompletion: Int, evidence: [String], createdAt: Date
    }
    let id: UUID, plan: UUID, reference: String, title: [String: String], problem: [String: String], causes: [String: String]
    let solution: [String: String], changes: [String: String], ogpValues: [String], theme: String, leadBody: String
    let leadOrganisation: UUID?, supportingActors: [Actor], provinces: [String], startsOn: String, endsOn: String
    /// Exact decimal in MAD as a string ("1250000.50"), never a floating-point number.
    let budget: String?
    let contact: String, completion: Int, level: String, milestones: [MilestoneDTO], proposals: [UUID], progress: [Update]?

    init(_ c: Commitment, today: Day, proposals: [UUID], updates: [ProgressUpdate]?) {
        id = c.id!; plan = c.$plan.id; reference = c.reference; title = c.title.values; problem = c.problem.values; causes = c.causes.values
        solution = c.solution.values; changes = c.changes.values; ogpValues = c.values.map(\.rawValue); theme = c.theme; leadBody = c.leadBody
        leadOrganisation = c.$leadOrganisation.id; supportingActors = c.supportingActors.actors.map { Actor(kind: $0.kind, name: $0.name) }
        provinces = c.provinces.codes; startsOn = c.startsOn; endsOn = c.endsOn; budget = c.budget?.description; contact = c.contact
        completion = c.completion; level = c.level.rawValue; self.proposals = proposals
        milestones = (c.$milestones.value ?? []).sorted { $0.position < $1.position }.map { m in
            MilestoneDTO(id: m.id!, position: m.position, title: m.title.values, deliverable: m.deliverable.values, responsibleBody: m.responsibleBody,
                         startsOn: m.startsOn, endsOn: m.endsOn, weight: m.weight, status: m.status, percent: m.percent,
                         delayed: m.isDelayed(today: today), cancelReason: m.cancelReason)
        }
        progress = updates?.map { u in
            Update(id: u.id!, milestone: u.$milestone.id, reportedOn: u.reportedOn, text: u.text, percent: u.percent, statusBefore: u.statusBefore,
                   statusAfter: u.statusAfter, commitmentCompletion: u.commitmentCompletion,
                   evidence: u.evidence.map { e in e.fileSHA256.map { SiteURL.file($0) } ?? e.url }, createdAt: u.createdAt)
        }
    }
}

struct DashboardDTO: Content {
    struct Milestones: Content { let onTime: Int, delayed: Int, completed: Int, cancelled: Int }
    let commitments: Int
    let byLevel: [String: Int]
    let milestones: Milestones
    /// Null only when the amounts stored do not add up within an amount (never for amounts entered within the limits).
    @NullWhenAbsent var budgetTotal: String?
    let fromProposals: Int
}

struct AuditEntryDTO: Content {
    let sequence: Int, recordedAt: String, actor: String, action: String, objectKind: String, objectId: String
    let before: String, after: String, previousHash: String, hash: String

    init(_ e: AuditEntry) {
        sequence = e.sequence; recordedAt = e.recordedAt; actor = e.actor; action = e.action; objectKind = e.objectKind; objectId = e.objectID
        before = e.before; after = e.after; previousHash = e.previousHash; hash = e.hash
    }
}
