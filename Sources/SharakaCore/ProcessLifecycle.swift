import Foundation

/// A participatory process is drafted in private, published with its whole
/// timeline (OGP: the calendar is known in advance), then closed.
public enum ProcessStatus: String, CaseIterable, Sendable, Codable {
    case draft, published, closed

    public func canMove(to next: ProcessStatus) -> Bool {
        switch (self, next) {
        case (.draft, .published), (.published, .closed), (.closed, .published): true
        default: false
        }
    }

    public var isPublic: Bool { self != .draft }
}

/// The steps of a co-creation process, in the usual order.
public enum PhaseKind: String, CaseIterable, Sendable, Codable {
    case information, proposals, workshops, consolidation, response, adoption

    /// What participants may do while a phase of this kind is current.
    public var allows: Set<ParticipationStep> {
        switch self {
        case .information: [.comment]
        case .proposals: [.propose, .support, .comment]
        case .workshops: [.support, .comment, .registerForMeeting]
        case .consolidation: [.comment]
        case .response, .adoption: [.comment]
        }
    }
}

public enum ParticipationStep: String, CaseIterable, Sendable {
    case propose, support, comment, registerForMeeting
}

/// One phase on the calendar: inclusive dates, as days (no time of day).
public struct PhaseWindow: Sendable, Equatable {
    public var kind: PhaseKind
    public var starts: Day
    public var ends: Day

    public init(kind: PhaseKind, starts: Day, ends: Day) {
        self.kind = kind
        self.starts = starts
        self.ends = ends
    }

    public func contains(_ day: Day) -> Bool { starts <= day && day <= ends }
}

/// A process calendar and the questions asked of it.
public struct Timeline: Sendable {
    public var phases: [PhaseWindow]

    public init(_ phases: [PhaseWindow]) { self.phases = phases.sorted { $0.starts < $1.starts } }

    public enum Problem: Equatable, Sendable {
        case endsBeforeStart(index: Int)
        case overlaps(index: Int)
    }

    /// Phases must each end on or after their start and not overlap their neighbour.
    public func problems() -> [Problem] {
        var out: [Problem] = []
        for (i, p) in phases.enumerated() {
            if p.ends < p.starts { out.append(.endsBeforeStart(index: i)) }
            if i > 0, p.starts <= phases[i - 1].ends { out.append(.overlaps(index: i)) }
        }
        return out
    }

    /// The phase running on `day`, if any.
    public func current(on day: Day) -> PhaseWindow? { phases.first { $0.contains(day) } }

    /// Whether participants may take `step` on `day` in a process with `status`.
    public func allows(_ step: ParticipationStep, on day: Day, status: ProcessStatus) -> Bool {
        guard status == .published, let phase = current(on: day) else { return false }
        return phase.kind.allows.contains(step)
    }
}

/// A calendar day in Morocco, independent of time zones once made.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        var c = DateComponents()
        c.year = year; c.month = month; c.day = day
        guard (1...12).contains(month), (1...31).contains(day), let date = Day.calendar.date(from: c),
              Day.calendar.component(.day, from: date) == day else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD` (what an HTML date input sends).
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init(_ date: Date) {
        let c = Day.calendar.dateComponents([.year, .month, .day], from: date)
        self.year = c.year!; self.month = c.month!; self.day = c.day!
    }

    public static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Africa/Casablanca") ?? .gmt
        return c
    }()

    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public func adding(days: Int) -> Day {
        var c = DateComponents(); c.year = year; c.month = month; c.day = day
        let date = Day.calendar.date(byAdding: .day, value: days, to: Day.calendar.date(from: c)!)!
        return Day(date)
    }
}
