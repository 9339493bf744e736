import Foundation
import SharakaCore
import SQLKit

/// A commitment as the dashboard counts it: no texts but its title.
struct DashboardCommitment: Sendable {
    let id: UUID
    let reference: String
    let leadBody: LeadBody
    let provinces: [String]
    let budgetCentimes: Int64?
    let completion: Int

    var level: IRMCompletion { IRMCompletion.level(percent: completion) }
    var budget: MAD? { budgetCentimes.map(MAD.init(centimes:)) }
}

/// A milestone as the dashboard's counts and timeline need it.
struct DashboardMilestone: Sendable {
    let commitmentID: UUID
    let title: LocalizedText
    let startsOn: String
    let endsOn: String
    let status: MilestoneStatus
    let facts: MilestoneFacts

    func isDelayed(today: Day) -> Bool { facts.isDelayed(today: today) }
}

/// The read model of a plan's dashboard: three statements whatever the number of
/// commitments and milestones, selecting only the columns the charts and tables show
/// (a commitment's long texts in four languages are never read here).
struct PlanDashboardQuery: Sendable {
    let plan: UUID

    struct Result: Sendable {
        let commitments: [DashboardCommitment]
        /// By start date.
        let milestones: [DashboardMilestone]
        let provinces: [(code: String, name: LocalizedText)]
    }

    private struct CommitmentRow: Decodable {
        let id: UUID, reference: String, lead_body: String, lead_organisation_id: UUID?, lead_name: LocalizedText?, provinces: ProvinceCodes, budget_centimes: Int64?, completion: Int
    }
    private struct MilestoneRow: Decodable {
        let commitment_id: UUID, title: LocalizedText, starts_on: String, ends_on: String, status: String, weight: Int, percent: Int
    }
    private struct ProvinceRow: Decodable { let code: String, name: LocalizedText }

    func run(on db: any SQLDatabase) async throws -> Result {
        let commitments = try await db.raw("""
            SELECT c.id, c.reference, c.lead_body, c.lead_organisation_id, o.name AS lead_name, c.provinces, c.budget_centimes, c.completion
            FROM commitments c LEFT JOIN organisations o ON o.id = c.lead_organisation_id
            WHERE c.plan_id = \(bind: plan) ORDER BY c.position, c.reference
            """).all(decoding: CommitmentRow.self)
        let milestones = try await db.raw("""
            SELECT m.commitment_id, m.title, m.starts_on, m.ends_on, m.status, m.weight, m.percent
            FROM milestones m JOIN commitments c ON c.id = m.commitment_id WHERE c.plan_id = \(bind: plan) ORDER BY m.starts_on, m.position
            """).all(decoding: MilestoneRow.self)
        let provinces = try await db.raw("SELECT code, name FROM provinces ORDER BY code").all(decoding: ProvinceRow.self)
        return Result(
            commitments: commitments.map {
                DashboardCommitment(id: $0.id, reference: $0.reference, leadBody: LeadBody(organisationID: $0.lead_organisation_id, organisationName: $0.lead_name, written: $0.lead_body), provinces: $0.provinces.codes,
                                    budgetCentimes: $0.budget_centimes, completion: $0.completion)
            },
            milestones: milestones.map { m in
                let status = MilestoneStatus(rawValue: m.status) ?? .notStarted
                return DashboardMilestone(commitmentID: m.commitment_id, title: m.title, startsOn: m.starts_on, endsOn: m.ends_on, status: status,
                                          facts: MilestoneFacts(weight: m.weight, status: status, percent: m.percent, ends: Day(iso: m.ends_on) ?? Day(Date())))
            },
            provinces: provinces.map { ($0.code, $0.name) })
    }
}
