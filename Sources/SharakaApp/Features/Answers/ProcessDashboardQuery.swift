import Foundation
import SharakaCore
import SQLKit

/// The read model of a process's dashboard: the proposals counted in SQL by answer state,
/// the author's sector and province in one `GROUP BY`, and the answer delays of the
/// answered ones for the median — two statements whatever the number of proposals.
struct ProcessDashboardQuery: Sendable {
    let process: UUID

    private struct GroupRow: Decodable { let answer_state: String?, sector: String?, province_code: String?, n: Int }
    private struct DelayRow: Decodable { let created_at: Date?, answered_at: Date }

    func run(on db: any SQLDatabase) async throws -> DashboardData {
        let groups = try await db.raw("""
            SELECT p.answer_state, o.sector, p.province_code, COUNT(*) AS n
            FROM proposals p LEFT JOIN organisations o ON o.id = p.organisation_id
            WHERE p.process_id = \(bind: process) GROUP BY p.answer_state, o.sector, p.province_code
            """).all(decoding: GroupRow.self)
        let delays = try await db.raw("""
            SELECT created_at, answered_at FROM proposals WHERE process_id = \(bind: process) AND answered_at IS NOT NULL
            """).all(decoding: DelayRow.self)
        return DashboardData(groups: groups.map {
            .init(state: $0.answer_state.flatMap(AnswerState.init(rawValue:)), family: $0.sector.flatMap(Sector.init(rawValue:))?.family.rawValue ?? "citizen",
                  province: $0.province_code, count: $0.n)
        }, delays: delays.map { $0.answered_at.timeIntervalSince($0.created_at ?? $0.answered_at) })
    }
}

/// The dashboard's figures, from the counted groups.
struct DashboardData: Sendable {
    struct Group: Sendable {
        let state: AnswerState?
        let family: String
        let province: String?
        let count: Int
    }

    let total: Int
    let byState: [(state: AnswerState?, count: Int)]
    let answeredPercent: Int
    let medianDays: Double?
    let bySector: [(family: String, count: Int)]
    let byProvince: [(code: String?, count: Int)]

    init(groups: [Group], delays: [TimeInterval]) {
        func sum(_ gs: [Group]) -> Int { gs.reduce(0) { $0 + $1.count } }
        total = sum(groups)
        let states = Dictionary(grouping: groups, by: \.state)
        byState = ([nil] + AnswerState.allCases.map(Optional.some)).map { ($0, sum(states[$0] ?? [])) }
        answeredPercent = DashboardFigures.percent(sum(groups.filter { $0.state?.isDecision == true }), of: total)
        medianDays = DashboardFigures.medianDays(delays)
        let families = Dictionary(grouping: groups, by: \.family)
        bySector = (Sector.Family.allCases.map(\.rawValue) + ["citizen"]).map { ($0, sum(families[$0] ?? [])) }
        byProvince = Dictionary(grouping: groups, by: \.province).map { ($0.key, sum($0.value)) }.sorted { ($0.code ?? "") < ($1.code ?? "") }
    }
}
