import Foundation

public enum MeetingKind: String, CaseIterable, Sendable, Codable {
    case inPerson = "in_person", online, hybrid

    public var needsAddress: Bool { self != .online }
    public var needsLink: Bool { self != .inPerson }
}

public enum RegistrationStatus: String, CaseIterable, Sendable, Codable {
    case registered, waiting
}

public enum MeetingRules {
    public static let capacityRange = 1...100_000
    /// Workshops longer than this are typos more often than not.
    public static let maxDuration: TimeInterval = 14 * 86_400

    public enum Problem: Equatable, Sendable { case endsBeforeStart, tooLong }

    public static func checkTimes(starts: Date, ends: Date) -> Problem? {
        if ends <= starts { return .endsBeforeStart }
        if ends.timeIntervalSince(starts) > maxDuration { return .tooLong }
        return nil
    }

    /// Attendance is taken from the workshop's start; the minutes report what happened, so
    /// they are written once it has ended.
    public static func canRecordAttendance(starts: Date, now: Date) -> Bool { now >= starts }
    public static func canWriteMinutes(ends: Date, now: Date) -> Bool { now >= ends }

    /// A workshop belongs to its process: it takes place within the process's phases (the
    /// first phase's start to the last one's end, in Morocco); a process without phases yet
    /// does not constrain it.
    public static func liesWithin(_ timeline: Timeline, starts: Date, ends: Date) -> Bool {
        guard let first = timeline.phases.map(\.starts).min(), let last = timeline.phases.map(\.ends).max() else { return true }
        return first <= Day(starts) && Day(ends) <= last
    }

    /// Terms of registration bind those who accept them, so they are written in every language
    /// the workshop's other texts are: the languages among `written` (those its title or
    /// description has) that the terms lack, when there are terms at all.
    public static func termsMissing(in terms: [Language: String], written: Set<Language>) -> [Language] {
        let present = Set(terms.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.keys)
        guard !present.isEmpty else { return [] }
        return Language.allCases.filter { written.contains($0) && !present.contains($0) }
    }

    /// Registration is possible while it is open and the meeting has not started.
    public static func canRegister(open: Bool, starts: Date, now: Date) -> Bool { open && now < starts }

    /// The status a new registration gets, given how many places are taken.
    public static func statusForNew(registered: Int, capacity: Int) -> RegistrationStatus {
        registered < capacity ? .registered : .waiting
    }

    /// Unambiguous characters only (no 0/O, 1/I), so a code read aloud at the door works.
    public static let codeAlphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    public static func code<G: RandomNumberGenerator>(using rng: inout G) -> String {
        String((0..<8).map { _ in codeAlphabet.randomElement(using: &rng)! })
    }
}

/// Wall-clock times in Morocco, as typed in forms (`2025-06-12T09:30`) and shown on pages.
public enum MoroccoTime {
    public static var zone: TimeZone { Day.calendar.timeZone }

    public static func parse(_ local: String) -> Date? {
        let parts = local.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 2, let day = Day(iso: String(parts[0])) else { return nil }
        let hm = parts[1].split(separator: ":")
        guard hm.count >= 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        var c = DateComponents()
        c.year = day.year; c.month = day.month; c.day = day.day; c.hour = h; c.minute = m
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        return cal.date(from: c)
    }

    /// `yyyy-MM-ddTHH:mm` in Morocco, for form values.
    public static func format(_ date: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }
}

/// iCalendar (RFC 5545) text for meetings and phases.
public enum ICalendar {
    public struct Event: Sendable {
        public let uid: String
        public let summary: String
        public let description: String
        public let location: String
        public let url: String?
        /// Timed event (UTC) or all-day range (end exclusive).
        public enum When: Sendable { case timed(Date, Date), allDay(Day, Day) }
        public let when: When

        public init(uid: String, summary: String, description: String = "", location: String = "", url: String? = nil, when: When) {
            self.uid = uid; self.summary = summary; self.description = description; self.location = location; self.url = url; self.when = when
        }
    }

    public static func document(name: String, events: [Event], now: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Sharaka//Open Government//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name)]
        for e in events {
            lines += ["BEGIN:VEVENT", "UID:" + uri(e.uid), "DTSTAMP:" + utc(now)]
            switch e.when {
            case .timed(let s, let end): lines += ["DTSTART:" + utc(s), "DTEND:" + utc(end)]
            case .allDay(let s, let end):
                lines += ["DTSTART;VALUE=DATE:" + s.iso.replacingOccurrences(of: "-", with: ""),
                          "DTEND;VALUE=DATE:" + end.adding(days: 1).iso.replacingOccurrences(of: "-", with: "")]
            }
            lines.append("SUMMARY:" + escape(e.summary))
            if !e.description.isEmpty { lines.append("DESCRIPTION:" + escape(e.description)) }
            if !e.location.isEmpty { lines.append("LOCATION:" + escape(e.location)) }
            if let url = e.url { lines.append("URL:" + uri(url)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping by Unicode scalars: "\r\n" is a single Character, so walking Characters
    /// let a CRLF through and a title could start new properties. Line breaks of every
    /// kind become `\n`; other control characters are dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in s.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\u{2028}", "\u{2029}", "\u{85}": out += "\\n"
            case _ where scalar.value < 0x20 && scalar != "\t", "\u{7F}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A URI value: no escaping is defined, so anything but printable ASCII is left out.
    static func uri(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F }))
    }

    static func utc(_ d: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1),
    /// never splitting a UTF-8 sequence (Arabic titles are two bytes a letter). Counted by
    /// scalars: one Character with many combining marks can be longer than a line.
    static func fold(_ line: String) -> String {
        var out = "", count = 0
        for scalar in line.unicodeScalars {
            let n = UTF8.width(scalar)
            if count + n > 75 { out += "\r\n "; count = 1 }
            out.unicodeScalars.append(scalar); count += n
        }
        return out
    }
}
