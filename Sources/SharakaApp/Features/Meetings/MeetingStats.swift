import SharakaCore

/// Attendance figures by sector family and province, for the multi-stakeholder balance.
struct MeetingStats: Sendable {
    /// Registrations counted in SQL, grouped by place (registered or waiting), family and province.
    struct Group: Sendable {
        let registered: Bool
        let family: String
        let provinceCode: String?
        let count: Int
        let attended: Int
    }

    let registered: Int
    let waiting: Int
    let attended: Int
    let byFamily: [String: (registered: Int, attended: Int)]
    let byProvince: [String?: (registered: Int, attended: Int)]

    init(_ groups: [Group]) {
        let inside = groups.filter(\.registered)
        registered = inside.reduce(0) { $0 + $1.count }
        waiting = groups.reduce(0) { $0 + $1.count } - registered
        attended = inside.reduce(0) { $0 + $1.attended }
        func sum(_ gs: [Group]) -> (registered: Int, attended: Int) { (gs.reduce(0) { $0 + $1.count }, gs.reduce(0) { $0 + $1.attended }) }
        byFamily = Dictionary(grouping: inside, by: \.family).mapValues(sum)
        byProvince = Dictionary(grouping: inside, by: \.provinceCode).mapValues(sum)
    }
}
