/// A range of whole days, both ends included.
public struct DaySpan: Sendable, Equatable {
    public let starts: Day
    public let ends: Day

    public init(starts: Day, ends: Day) { self.starts = starts; self.ends = ends }

    /// Parses two `YYYY-MM-DD` values; nil when either is not a date or they are reversed.
    public init?(iso starts: String, _ ends: String) {
        guard let s = Day(iso: starts), let e = Day(iso: ends), s <= e else { return nil }
        self.init(starts: s, ends: e)
    }

    public func contains(_ other: DaySpan) -> Bool { starts <= other.starts && other.ends <= ends }
}

/// Dates nest: a milestone lies within its commitment, a commitment within its plan's
/// period (whole years, 1 January of the first to 31 December of the last).
public enum PlanCalendar {
    public static func period(from startYear: Int, to endYear: Int) -> DaySpan? {
        guard let s = Day(year: startYear, month: 1, day: 1), let e = Day(year: endYear, month: 12, day: 31), s <= e else { return nil }
        return DaySpan(starts: s, ends: e)
    }

    /// A plan's period must still hold every commitment (named by reference).
    public static func checkPlan(_ period: DaySpan, commitments: [(reference: String, span: DaySpan)]) -> PlanRefusal? {
        let outside = commitments.filter { !period.contains($0.span) }.map(\.reference)
        return outside.isEmpty ? nil : .commitmentsOutsidePlan(outside)
    }

    /// A commitment lies within its plan's period and still holds its milestones (named by title).
    public static func checkCommitment(_ span: DaySpan, plan: DaySpan, milestones: [(title: String, span: DaySpan)]) -> PlanRefusal? {
        guard plan.contains(span) else { return .commitmentOutsidePlan }
        let outside = milestones.filter { !span.contains($0.span) }.map(\.title)
        return outside.isEmpty ? nil : .milestonesOutsideCommitment(outside)
    }

    public static func checkMilestone(_ span: DaySpan, commitment: DaySpan) -> PlanRefusal? {
        commitment.contains(span) ? nil : .milestoneOutsideCommitment
    }
}
