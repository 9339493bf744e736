import SharakaCore

/// Attendance figures by sector family and province, for the multi-stakeholder balance.
struct MeetingStats {
    let registered: Int
    let waiting: Int
    let attended: Int
    let byFamily: [String: (registered: Int, attended: Int)]
    let byProvince: [String?: (registered: Int, attended: Int)]

    init(_ regs: [MeetingRegistration]) {
        let inside = regs.filter { $0.statusValue == .registered }
        registered = inside.count
        waiting = regs.count - inside.count
        attended = inside.filter(\.attended).count
        byFamily = Dictionary(grouping: inside, by: \.family).mapValues { ($0.count, $0.filter(\.attended).count) }
        byProvince = Dictionary(grouping: inside, by: \.provinceCode).mapValues { ($0.count, $0.filter(\.attended).count) }
    }
}
