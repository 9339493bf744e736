import Foundation
import SharakaCore
import SQLKit

/// A commitment in OGP's template, as its page and the API show it.
struct CommitmentView: Sendable {
    let id: UUID
    let planID: UUID
    let reference: String
    let position: Int
    let title: LocalizedText
    let problem: LocalizedText
    let causes: LocalizedText
    let solution: LocalizedText
    let changes: LocalizedText
    let ogpValues: String
    let theme: String
    let leadBody: String
    let leadOrganisationID: UUID?
    let leadOrganisationName: LocalizedText?
    let supportingActors: SupportingActors
    let provinces: [String]
    let startsOn: String
    let endsOn: String
    let budgetCentimes: Int64?
    let contact: String
    let completion: Int

    var lead: LeadBody { LeadBody(organisationID: leadOrganisationID, organisationName: leadOrganisationName, written: leadBody) }
    var values: [OGPValue] { ogpValues.split(separator: ",").compactMap { OGPValue(rawValue: String($0)) } }
    var budget: MAD? { budgetCentimes.map(MAD.init(centimes:)) }
    var level: IRMCompletion { IRMCompletion.level(percent: completion) }
}

/// A milestone of a commitment.
struct MilestoneView: Sendable {
    let id: UUID
    let commitmentID: UUID
    let position: Int
    let title: LocalizedText
    let deliverable: LocalizedText
    let responsibleBody: String
    let responsibleOrganisationID: UUID?
    let startsOn: String
    let endsOn: String
    let weight: Int
    let status: MilestoneStatus
    let percent: Int
    let cancelReason: String

    var facts: MilestoneFacts { MilestoneFacts(weight: weight, status: status, percent: percent, ends: Day(iso: endsOn) ?? Day(Date())) }
    func isDelayed(today: Day = Day(Date())) -> Bool { facts.isDelayed(today: today) }
}

/// Commitments and milestones read with SQLKit, by plan or one at a time: one statement
/// for the commitments, one for all their milestones, one for the proposals they came from.
enum CommitmentQuery {
    private struct Row: Decodable {
        let id: UUID, plan_id: UUID, reference: String, position: Int, title: LocalizedText, problem: LocalizedText, causes: LocalizedText
        let solution: LocalizedText, changes: LocalizedText, ogp_values: String, theme: String, lead_body: String
        let lead_organisation_id: UUID?, lead_name: LocalizedText?, supporting_actors: SupportingActors, provinces: ProvinceCodes
        let starts_on: String, ends_on: String, budget_centimes: Int64?, contact: String, completion: Int
    }
    private struct MilestoneRow: Decodable {
        let id: UUID, commitment_id: UUID, position: Int, title: LocalizedText, deliverable: LocalizedText, responsible_body: String
        let responsible_organisation_id: UUID?, starts_on: String, ends_on: String, weight: Int, status: String, percent: Int, cancel_reason: String
    }
    private struct LinkRow: Decodable { let commitment_id: UUID, proposal_id: UUID }

    private static let select: SQLQueryString = """
        SELECT c.id, c.plan_id, c.reference, c.position, c.title, c.problem, c.causes, c.solution, c.changes, c.ogp_values, c.theme, c.lead_body,
               c.lead_organisation_id, o.name AS lead_name, c.supporting_actors, c.provinces, c.starts_on, c.ends_on, c.budget_centimes,
               c.contact, c.completion
        FROM commitments c LEFT JOIN organisations o ON o.id = c.lead_organisation_id
        """

    static func one(_ id: UUID, on db: any SQLDatabase) async throws -> CommitmentView? {
        try await db.raw("\(select) WHERE c.id = \(bind: id)").first(decoding: Row.self).map(view)
    }

    static func ofPlan(_ plan: UUID, on db: any SQLDatabase) async throws -> [CommitmentView] {
        try await db.raw("\(select) WHERE c.plan_id = \(bind: plan) ORDER BY c.position, c.reference").all(decoding: Row.self).map(view)
    }

    /// Milestones in order, of one commitment or of every commitment of a plan.
    static func milestones(commitment: UUID? = nil, plan: UUID? = nil, on db: any SQLDatabase) async throws -> [MilestoneView] {
        let scope: SQLQueryString = commitment.map { "m.commitment_id = \(bind: $0)" }
            ?? "m.commitment_id IN (SELECT id FROM commitments WHERE plan_id = \(bind: plan!))"
        return try await db.raw("""
            SELECT m.id, m.commitment_id, m.position, m.title, m.deliverable, m.responsible_body, m.responsible_organisation_id,
                   m.starts_on, m.ends_on, m.weight, m.status, m.percent, m.cancel_reason
            FROM milestones m WHERE \(scope) ORDER BY m.commitment_id, m.position, m.id
            """).all(decoding: MilestoneRow.self).map {
            MilestoneView(id: $0.id, commitmentID: $0.commitment_id, position: $0.position, title: $0.title, deliverable: $0.deliverable,
                          responsibleBody: $0.responsible_body, responsibleOrganisationID: $0.responsible_organisation_id,
                          startsOn: $0.starts_on, endsOn: $0.ends_on, weight: $0.weight, status: MilestoneStatus(rawValue: $0.status) ?? .notStarted,
                          percent: $0.percent, cancelReason: $0.cancel_reason)
        }
    }

    /// The proposals each commitment of a plan came from.
    static func proposalLinks(plan: UUID, on db: any SQLDatabase) async throws -> [UUID: [UUID]] {
        let rows = try await db.raw("""
            SELECT cp.commitment_id, cp.proposal_id FROM commitment_proposals cp JOIN commitments c ON c.id = cp.commitment_id
            WHERE c.plan_id = \(bind: plan) ORDER BY cp.proposal_id
            """).all(decoding: LinkRow.self)
        return Dictionary(grouping: rows, by: \.commitment_id).mapValues { $0.map(\.proposal_id) }
    }

    private static func view(_ r: Row) -> CommitmentView {
        CommitmentView(id: r.id, planID: r.plan_id, reference: r.reference, position: r.position, title: r.title, problem: r.problem, causes: r.causes,
                       solution: r.solution, changes: r.changes, ogpValues: r.ogp_values, theme: r.theme, leadBody: r.lead_body,
                       leadOrganisationID: r.lead_organisation_id, leadOrganisationName: r.lead_name, supportingActors: r.supporting_actors,
                       provinces: r.provinces.codes, startsOn: r.starts_on, endsOn: r.ends_on, budgetCentimes: r.budget_centimes,
                       contact: r.contact, completion: r.completion)
    }
}
