import Foundation

/// Where a milestone stands. "Delayed" is not a status anybody sets: it is computed
/// from the end date (`MilestoneFacts.isDelayed`).
public enum MilestoneStatus: String, CaseIterable, Sendable, Codable {
    case notStarted = "not_started", inProgress = "in_progress", completed, cancelled

    /// Changes an official may record in a progress update. A completed or cancelled
    /// milestone may be reopened (a mistake, a deliverable withdrawn), never skipped over.
    public func canMove(to next: MilestoneStatus) -> Bool {
        switch (self, next) {
        case (let a, let b) where a == b: true
        case (.notStarted, _): true
        case (.inProgress, .completed), (.inProgress, .cancelled): true
        case (.completed, .inProgress), (.cancelled, .inProgress), (.cancelled, .notStarted): true
        default: false
        }
    }
}

/// The four completion levels the IRM (OGP's Independent Reporting Mechanism) uses.
public enum IRMCompletion: String, CaseIterable, Sendable, Codable {
    case notStarted = "not_started", limited, substantial, complete

    /// The IRM's reading of a percentage: nothing done, less than half, half or more, all.
    public static func level(percent: Int) -> IRMCompletion {
        switch percent {
        case ..<1: .notStarted
        case 1..<50: .limited
        case 50..<100: .substantial
        default: .complete
        }
    }
}

/// The facts of one milestone that completion and lateness are computed from.
public struct MilestoneFacts: Sendable, Hashable {
    public var weight: Int
    public var status: MilestoneStatus
    /// Last reported progress, 0–100.
    public var percent: Int
    public var ends: Day

    public init(weight: Int, status: MilestoneStatus, percent: Int, ends: Day) {
        self.weight = weight; self.status = status; self.percent = percent; self.ends = ends
    }

    /// Progress as counted: a completed milestone is 100 % whatever was last typed.
    public var effectivePercent: Int {
        switch status {
        case .completed: 100
        case .notStarted: 0
        case .inProgress, .cancelled: min(100, max(0, percent))
        }
    }

    /// Its end date has passed (in Morocco) and it is neither completed nor cancelled.
    public func isDelayed(today: Day) -> Bool {
        ends < today && status != .completed && status != .cancelled
    }

    /// Where the milestone stands for the dashboards: the one definition of "on time".
    public func standing(today: Day) -> MilestoneStanding {
        switch status {
        case .completed: .completed
        case .cancelled: .cancelled
        case .notStarted, .inProgress: isDelayed(today: today) ? .delayed : .onTime
        }
    }
}

/// The four groups every dashboard (page and API) counts milestones in; each milestone is
/// in exactly one.
public enum MilestoneStanding: String, CaseIterable, Sendable {
    case onTime = "on_time", delayed, completed, cancelled

    public static func tally(_ milestones: [MilestoneFacts], today: Day) -> [MilestoneStanding: Int] {
        var out = Dictionary(uniqueKeysWithValues: allCases.map { ($0, 0) })
        for m in milestones { out[m.standing(today: today), default: 0] += 1 }
        return out
    }
}

public enum Completion {
    /// Weighted completion of a commitment in whole percent, rounded down so that 100 %
    /// means every remaining milestone is completed. Cancelled milestones leave the
    /// weighting (the plan no longer expects them); with nothing left it is 0.
    public static func percent(_ milestones: [MilestoneFacts]) -> Int {
        let counted = milestones.filter { $0.status != .cancelled && $0.weight > 0 }
        let total = counted.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 0 }
        let done = counted.reduce(0) { $0 + $1.weight * $1.effectivePercent }
        let value = done / total
        // Rounding down can leave 99 when all are complete only if percents disagree; a
        // commitment is complete exactly when every counted milestone is.
        if counted.allSatisfy({ $0.status == .completed }) { return 100 }
        return min(99, value)
    }

    public static func level(_ milestones: [MilestoneFacts]) -> IRMCompletion {
        IRMCompletion.level(percent: percent(milestones))
    }
}

/// An action plan's life. Once adopted it is frozen: changes are amendments, each a new
/// revision with its reason.
public enum PlanStatus: String, CaseIterable, Sendable, Codable {
    case draft, consultation = "public_consultation", adopted, implementation = "in_implementation", closed

    public var next: PlanStatus? {
        switch self {
        case .draft: .consultation
        case .consultation: .adopted
        case .adopted: .implementation
        case .implementation: .closed
        case .closed: nil
        }
    }

    /// The plan's content may only change through an amendment.
    public var isFrozen: Bool { self == .adopted || self == .implementation || self == .closed }
    /// Visible to the public (a draft is the organisers' work in progress).
    public var isPublic: Bool { self != .draft }
    /// Progress is reported once the plan is adopted.
    public var acceptsProgress: Bool { self == .adopted || self == .implementation }

    public func canMove(to target: PlanStatus) -> Bool {
        target == next || (self == .consultation && target == .draft)
    }
}

/// OGP's four values a commitment serves (the same list proposals use).
public enum CommitmentActor: String, CaseIterable, Sendable, Codable {
    case government, civilSociety = "civil_society", privateSector = "private_sector", other
}

/// The IRM's scales for an independent assessment.
public enum PotentialImpact: String, CaseIterable, Sendable, Codable {
    case none, minor, moderate, transformative
}

public enum DidItOpenGovernment: String, CaseIterable, Sendable, Codable {
    case worsened, didNotChange = "did_not_change", marginal, major, outstanding
}
