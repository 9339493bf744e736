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
        api.get("audit", ":sequence", use: auditEntry)
    }

    @Sendable static func plans(req: Request) async throws -> [PlanDTO] {
        try await PlanPageQuery.list(draftsOf: [], on: req.sql).map { PlanDTO($0.plan, commitments: nil, count: $0.commitments) }
    }

    /// Four statements: the plan, its commitments, all their milestones, the proposals they came from.
    @Sendable static func plan(req: Request) async throws -> PlanDTO {
        let plan = try await publicPlan(req)
        let commitments = try await CommitmentQuery.ofPlan(plan.id, on: req.sql)
        let milestones = Dictionary(grouping: try await CommitmentQuery.milestones(plan: plan.id, on: req.sql), by: \.commitmentID)
        let links = try await CommitmentQuery.proposalLinks(plan: plan.id, on: req.sql)
        let today = Day(Date())
        return PlanDTO(plan, commitments: commitments.map { c in
            CommitmentDTO(c, milestones: milestones[c.id] ?? [], today: today, proposals: links[c.id] ?? [], updates: nil)
        }, count: commitments.count)
    }

    /// The same figures as the dashboard page, from the same read model and the same
    /// definition of a milestone on time (`MilestoneStanding`).
    @Sendable static func dashboard(req: Request) async throws -> DashboardDTO {
        let plan = try await publicPlan(req)
        let data = try await PlanDashboardQuery(plan: plan.id).run(on: req.sql)
        return DashboardDTO(PlanDashboardFigures(data, today: Day(Date())),
                            fromProposals: try await CommitmentQuery.proposalLinks(plan: plan.id, on: req.sql).count)
    }

    @Sendable static func commitment(req: Request) async throws -> CommitmentDTO {
        let c = try await publicCommitment(req)
        let milestones = try await CommitmentQuery.milestones(commitment: c.id, on: req.sql)
        let lists = try await CommitmentPageQuery(commitment: c.id).run(on: req.sql)
        return CommitmentDTO(c, milestones: milestones, today: Day(Date()), proposals: lists.proposals.map(\.id).sorted(), updates: lists.updates)
    }

    @Sendable static func history(req: Request) async throws -> [AuditEntryDTO] {
        let c = try await publicCommitment(req)
        let items = try await HistoryQuery(scope: c.id).all(on: req.sql)
        let last = try await HistoryQuery.lastSequence(on: req.sql)
        return items.map { AuditEntryDTO($0, last: last, withheld: false) }
    }

    /// One entry of the whole chain, with links to its neighbours, so that anyone can walk the
    /// chain and recompute every hash. An entry about something the public may not read (a
    /// draft plan, moderated content) keeps its place and hashes but withholds its fields.
    @Sendable static func auditEntry(req: Request) async throws -> AuditEntryDTO {
        guard let sequence = req.parameters.get("sequence", as: Int.self), sequence >= 1 else {
            throw Abort(.badRequest, reason: "The entry number is a whole number from 1.")
        }
        guard let item = try await HistoryQuery.entry(sequence, on: req.sql) else { throw Abort(.notFound) }
        let last = try await HistoryQuery.lastSequence(on: req.sql)
        return AuditEntryDTO(item, last: last, withheld: !(try await HistoryQuery.isPublic(scope: item.scope, on: req.sql)))
    }

    private static func publicPlan(_ req: Request) async throws -> PlanView {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.badRequest, reason: "The id is not a UUID.") }
        guard let plan = try await PlanPageQuery.head(id, on: req.sql), plan.status.isPublic else { throw Abort(.notFound) }
        return plan
    }

    private static func publicCommitment(_ req: Request) async throws -> CommitmentView {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.badRequest, reason: "The id is not a UUID.") }
        guard let c = try await CommitmentQuery.one(id, on: req.sql), let plan = try await PlanPageQuery.head(c.planID, on: req.sql), plan.status.isPublic
        else { throw Abort(.notFound) }
        return c
    }
}

struct PlanDTO: Content {
    let id: UUID, title: [String: String], description: [String: String], periodStart: Int, periodEnd: Int, status: String
    let revision: Int, adoptingBody: UUID, process: UUID?, ogpName: String, sourceURL: String, commitmentCount: Int
    let commitments: [CommitmentDTO]?

    init(_ p: PlanView, commitments: [CommitmentDTO]?, count: Int) {
        id = p.id; title = p.title.values; description = p.description.values; periodStart = p.periodStart; periodEnd = p.periodEnd
        status = p.status.rawValue; revision = p.revision; adoptingBody = p.adoptingBodyID; process = p.processID; ogpName = p.member
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

    init(_ c: CommitmentView, milestones: [MilestoneView], today: Day, proposals: [UUID], updates: [ProgressItem]?) {
        id = c.id; plan = c.planID; reference = c.reference; title = c.title.values; problem = c.problem.values; causes = c.causes.values
        solution = c.solution.values; changes = c.changes.values; ogpValues = c.values.map(\.rawValue); theme = c.theme; leadBody = c.leadBody
        leadOrganisation = c.leadOrganisationID; supportingActors = c.supportingActors.actors.map { Actor(kind: $0.kind, name: $0.name) }
        provinces = c.provinces; startsOn = c.startsOn; endsOn = c.endsOn; budget = c.budget?.description; contact = c.contact
        completion = c.completion; level = c.level.rawValue; self.proposals = proposals
        self.milestones = milestones.sorted { $0.position < $1.position }.map { m in
            MilestoneDTO(id: m.id, position: m.position, title: m.title.values, deliverable: m.deliverable.values, responsibleBody: m.responsibleBody,
                         startsOn: m.startsOn, endsOn: m.endsOn, weight: m.weight, status: m.status.rawValue, percent: m.percent,
                         delayed: m.isDelayed(today: today), cancelReason: m.cancelReason)
        }
        progress = updates?.map { u in
            Update(id: u.id, milestone: u.milestoneID, reportedOn: u.reportedOn, text: u.text, percent: u.percent, statusBefore: u.statusBefore.rawValue,
                   statusAfter: u.statusAfter.rawValue, commitmentCompletion: u.commitmentCompletion,
                   evidence: u.evidence.map { e in e.fileSHA256.map { SiteURL.file($0) } ?? e.url }, createdAt: u.createdAt)
        }
    }
}

struct DashboardDTO: Content {
    struct Milestones: Content { let onTime: Int, delayed: Int, completed: Int, cancelled: Int }
    struct Body: Content {
        /// The organisation on the platform; null for a body an imported plan names only in words.
        @NullWhenAbsent var organisation: UUID?
        let name: [String: String], commitments: Int, averageCompletion: Int
    }
    struct Province: Content {
        /// Null for the commitments that concern the whole region.
        @NullWhenAbsent var code: String?
        @NullWhenAbsent var name: [String: String]?
        let commitments: Int
    }
    struct Budget: Content { let commitment: UUID, reference: String, amount: String }
    struct Span: Content {
        let commitment: UUID, reference: String, title: [String: String], startsOn: String, endsOn: String, status: String, delayed: Bool
    }
    let commitments: Int
    let byLevel: [String: Int]
    let milestones: Milestones
    /// Null only when the amounts stored do not add up within an amount (never for amounts entered within the limits).
    @NullWhenAbsent var budgetTotal: String?
    let fromProposals: Int
    let byLeadBody: [Body]
    let byProvince: [Province]
    let budgets: [Budget]
    let timeline: [Span]

    init(_ f: PlanDashboardFigures, fromProposals: Int) {
        commitments = f.commitments
        byLevel = Dictionary(uniqueKeysWithValues: f.byLevel.map { ($0.level.rawValue, $0.count) })
        milestones = .init(onTime: f.standing[.onTime]!, delayed: f.standing[.delayed]!, completed: f.standing[.completed]!, cancelled: f.standing[.cancelled]!)
        budgetTotal = f.budgetTotal?.description
        self.fromProposals = fromProposals
        byLeadBody = f.bodies.map { b in
            Body(organisation: b.leadBody.organisationID, name: b.leadBody.organisationName?.values ?? ["und": b.leadBody.written],
                 commitments: b.commitments, averageCompletion: b.averageCompletion)
        }
        byProvince = f.provinces.map { Province(code: $0.code, name: $0.name?.values, commitments: $0.commitments) }
        budgets = f.budgets.map { Budget(commitment: $0.commitmentID, reference: $0.reference, amount: $0.amount.description) }
        timeline = f.timeline.map { m in
            Span(commitment: m.commitmentID, reference: m.reference, title: m.title.values, startsOn: m.starts.iso, endsOn: m.ends.iso,
                 status: m.status.rawValue, delayed: m.delayed)
        }
    }
}

struct AuditEntryDTO: Content {
    struct Links: Content {
        @NullWhenAbsent var previous: String?
        @NullWhenAbsent var next: String?
    }
    let sequence: Int, recordedAt: String, actor: String, action: String, objectKind: String, objectId: String, scope: String
    /// The actor's name when the actor acts in a public capacity (officials, reviewers…).
    @NullWhenAbsent var actorName: String?
    /// True when the entry is about something the public may not read: fields and canonical texts are then null.
    let withheld: Bool
    @NullWhenAbsent var before: [String: String]?
    @NullWhenAbsent var after: [String: String]?
    /// Exactly the texts that were hashed.
    @NullWhenAbsent var beforeCanonical: String?
    @NullWhenAbsent var afterCanonical: String?
    let previousHash: String, hash: String
    let links: Links

    init(_ e: AuditItem, last: Int, withheld: Bool) {
        sequence = e.sequence; recordedAt = e.recordedAt; actor = e.actor; action = e.action; objectKind = e.objectKind; objectId = e.objectID
        scope = e.scope; actorName = withheld ? nil : e.publicActorName; self.withheld = withheld
        before = withheld ? nil : e.beforeFields; after = withheld ? nil : e.afterFields
        beforeCanonical = withheld ? nil : e.before; afterCanonical = withheld ? nil : e.after
        previousHash = e.previousHash; hash = e.hash
        links = Links(previous: e.sequence > 1 ? "/api/v1/audit/\(e.sequence - 1)" : nil, next: e.sequence < last ? "/api/v1/audit/\(e.sequence + 1)" : nil)
    }
}
