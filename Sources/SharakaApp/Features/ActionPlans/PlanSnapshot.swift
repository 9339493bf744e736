import Fluent
import SharakaCore
import Vapor

/// The text of a plan, its commitments and milestones as flat (path, value) pairs: what
/// a revision stores, what the audit log records before and after a change.
enum PlanSnapshot {
    static func text(_ prefix: String, _ l: LocalizedText) -> [(String, String)] {
        Language.allCases.compactMap { lang in l[lang].map { ("\(prefix)/\(lang.rawValue)", $0) } }
    }

    static func fields(_ p: ActionPlan) -> [(String, String)] {
        text("title", p.title) + text("description", p.description) + [
            ("period", p.period), ("adopting_body", p.$adoptingBody.id.uuidString), ("process", p.$process.id?.uuidString ?? ""),
        ]
    }

    static func fields(_ c: Commitment) -> [(String, String)] {
        [("reference", c.reference)] + text("title", c.title) + text("problem", c.problem) + text("causes", c.causes)
            + text("solution", c.solution) + text("changes", c.changes) + [
                ("ogp_values", c.ogpValues), ("theme", c.theme), ("lead_body", c.leadBody),
                ("lead_organisation", c.$leadOrganisation.id?.uuidString ?? ""),
                ("supporting_actors", c.supportingActors.actors.map { "\($0.kind): \($0.name)" }.joined(separator: "; ")),
                ("provinces", c.provinces.codes.joined(separator: ",")), ("starts", c.startsOn), ("ends", c.endsOn),
                ("budget", c.budget?.description ?? ""), ("contact", c.contact),
            ]
    }

    static func fields(_ m: Milestone) -> [(String, String)] {
        text("title", m.title) + text("deliverable", m.deliverable) + [
            ("responsible_body", m.responsibleBody), ("responsible_organisation", m.$responsibleOrganisation.id?.uuidString ?? ""),
            ("starts", m.startsOn), ("ends", m.endsOn), ("weight", String(m.weight)),
        ]
    }

    static func dict(_ pairs: [(String, String)]) -> [String: String] { Dictionary(pairs, uniquingKeysWith: { _, b in b }) }

    /// The whole plan, for a revision.
    static func build(_ plan: ActionPlan, on db: any Database) async throws -> RevisionSnapshot {
        var out = fields(plan).map { ("plan/\($0.0)", $0.1) }
        let commitments = try await Commitment.query(on: db).filter(\.$plan.$id == plan.id!).sort(\.$position).sort(\.$reference).with(\.$milestones).all()
        for c in commitments {
            out += fields(c).map { ("\(c.reference)/\($0.0)", $0.1) }
            for m in c.milestones.sorted(by: { $0.position < $1.position }) {
                out += fields(m).map { ("\(c.reference)/milestone \(m.position)/\($0.0)", $0.1) }
            }
        }
        return RevisionSnapshot(fields: out.map { .init(path: $0.0, value: $0.1) })
    }

    /// Writes revision `plan.revision + 1` with the plan as it now stands.
    @discardableResult
    static func recordRevision(_ plan: ActionPlan, reason: String, by user: User?, on db: any Database) async throws -> PlanRevision {
        plan.revision += 1
        try await plan.save(on: db)
        let r = PlanRevision()
        r.number = plan.revision; r.createdAt = Date(); r.reason = reason; r.snapshot = try await build(plan, on: db)
        r.$plan.id = plan.id!; r.$author.id = user?.id
        try await r.create(on: db)
        return r
    }
}
