import Fluent
import SharakaCore
import Vapor

/// Loads checked CSV rows (`CommitmentImport`) into plans and commitments, all in one
/// audited transaction. Plans are matched by their OGP name (kept in `member`),
/// commitments by reference within the plan; a row identical to what is stored changes
/// nothing, so importing the same file twice leaves the database as it was.
enum CommitmentImporter {
    struct Summary: Equatable, Sendable {
        var plansCreated = 0
        var created = 0
        var updated = 0
        var unchanged = 0
    }

    static func run(_ app: Application, plans: [CommitmentImport.Plan], rows: [CommitmentImport.Row]) async throws -> Summary {
        try await AuditLog.write(app, actorID: "import") { db in
            var summary = Summary()
            var changes: [AuditLog.Change] = []
            var byName: [String: ActionPlan] = [:]
            for p in plans {
                if let existing = try await ActionPlan.query(on: db).filter(\.$member == p.name).first() {
                    byName[p.name] = existing
                    continue
                }
                let plan = ActionPlan()
                plan.title = LocalizedText([.en: p.name, .fr: p.name]); plan.description = LocalizedText()
                plan.periodStart = p.periodStart; plan.periodEnd = p.periodEnd
                plan.status = (p.periodEnd < Day(Date()).year ? PlanStatus.closed : PlanStatus.implementation).rawValue
                plan.revision = 0; plan.member = p.name; plan.sourceURL = p.sourceURL
                plan.$adoptingBody.id = try await body(named: p.member.isEmpty ? p.name : p.member, on: db).id!
                try await plan.create(on: db)
                byName[p.name] = plan
                summary.plansCreated += 1
                changes.append(.init(action: "import", objectKind: "plan", objectID: plan.id!, scope: plan.id!, before: [:],
                                     after: PlanSnapshot.dict(PlanSnapshot.fields(plan))))
            }
            var touched: Set<UUID> = []
            for row in rows {
                guard let plan = byName[row.plan] else { continue }
                let existing = try await Commitment.query(on: db).filter(\.$plan.$id == plan.id!).filter(\.$reference == row.reference).first()
                let c = existing ?? Commitment()
                let before = existing.map { PlanSnapshot.dict(PlanSnapshot.fields($0)) } ?? [:]
                apply(row, to: c)
                let after = PlanSnapshot.dict(PlanSnapshot.fields(c))
                if existing != nil && before == after { summary.unchanged += 1; continue }
                if existing == nil {
                    c.$plan.id = plan.id!; c.completion = 0
                    c.position = (try await Commitment.query(on: db).filter(\.$plan.$id == plan.id!).max(\.$position) ?? 0) + 1
                    try await c.create(on: db)
                    summary.created += 1
                } else {
                    try await c.save(on: db)
                    summary.updated += 1
                }
                touched.insert(plan.id!)
                changes.append(.init(action: "import", objectKind: "commitment", objectID: c.id!, scope: c.id!, before: before, after: after))
            }
            for plan in byName.values where touched.contains(plan.id!) && plan.statusValue.isFrozen {
                _ = try await PlanSnapshot.recordRevision(plan, reason: "Import", by: nil, on: db)
            }
            return (summary, changes)
        }
    }

    private static func apply(_ row: CommitmentImport.Row, to c: Commitment) {
        c.reference = row.reference
        c.title = LocalizedText(row.titles)
        let summary = row.summary.isEmpty ? LocalizedText() : LocalizedText([.en: row.summary])
        c.problem = summary
        if c.$causes.value == nil { c.causes = LocalizedText() }
        if c.$changes.value == nil { c.changes = LocalizedText() }
        if c.$solution.value == nil { c.solution = LocalizedText() }
        c.ogpValues = row.values.map(\.rawValue).joined(separator: ","); c.theme = row.theme.rawValue; c.leadBody = row.leadBody
        if c.$supportingActors.value == nil { c.supportingActors = SupportingActors(actors: []) }
        if c.$provinces.value == nil { c.provinces = ProvinceCodes(codes: []) }
        c.startsOn = row.starts.iso; c.endsOn = row.ends.iso
        if c.$contact.value == nil { c.contact = row.sourceURL }
    }

    /// The adopting body, found by name or created as a public body.
    private static func body(named name: String, on db: any Database) async throws -> Organisation {
        let key = Organisation.searchText(for: LocalizedText([.en: name, .fr: name]))
        if let found = try await Organisation.query(on: db).filter(\.$searchText == key).first() { return found }
        let national = name.lowercased().hasPrefix("morocco")
        let org = Organisation(name: LocalizedText([.en: name, .fr: name]), sector: national ? .deconcentratedAdministration : .regionalCouncil, provinceCode: nil)
        try await org.create(on: db)
        return org
    }
}
