import Foundation
import SharakaCore
import Testing

@Suite struct MeetingRulesTests {
    @Test func timesAndRegistrationWindow() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(MeetingRules.checkTimes(starts: start, ends: start) == .endsBeforeStart)
        #expect(MeetingRules.checkTimes(starts: start, ends: start.addingTimeInterval(-60)) == .endsBeforeStart)
        #expect(MeetingRules.checkTimes(starts: start, ends: start.addingTimeInterval(15 * 86_400)) == .tooLong)
        #expect(MeetingRules.checkTimes(starts: start, ends: start.addingTimeInterval(3 * 3600)) == nil)
        #expect(MeetingRules.canRegister(open: true, starts: start, now: start.addingTimeInterval(-1)))
        #expect(!MeetingRules.canRegister(open: true, starts: start, now: start))
        #expect(!MeetingRules.canRegister(open: false, starts: start, now: start.addingTimeInterval(-86_400)))
        #expect(MeetingRules.statusForNew(registered: 29, capacity: 30) == .registered)
        #expect(MeetingRules.statusForNew(registered: 30, capacity: 30) == .waiting)
    }

    @Test func codesAvoidLookAlikes() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let code = MeetingRules.code(using: &rng)
            #expect(code.count == 8)
            #expect(!code.contains { "01OI".contains($0) })
        }
    }

    @Test func moroccoWallClock() throws {
        let d = try #require(MoroccoTime.parse("2026-06-12T09:30"))
        #expect(MoroccoTime.format(d) == "2026-06-12T09:30")
        #expect(MoroccoTime.parse("2026-02-30T09:30") == nil)
        #expect(MoroccoTime.parse("2026-06-12T25:00") == nil)
        #expect(MoroccoTime.parse("tomorrow") == nil)
    }

    @Test func calendarEscapesFoldsAndUsesCRLF() {
        let start = Date(timeIntervalSince1970: 1_781_251_200) // 2026-06-12 08:00 UTC
        let title = "ورشة وجدة حول الميزانية المفتوحة; budget, données \\ ouvertes " + String(repeating: "ب", count: 40)
        let ics = ICalendar.document(name: "Sharaka", events: [
            .init(uid: "m1@sharaka", summary: title, description: "ligne 1\nligne 2", location: "Oujda, salle A", url: "https://x.ma/m/1",
                  when: .timed(start, start.addingTimeInterval(3 * 3600))),
            .init(uid: "p1@sharaka", summary: "Propositions", when: .allDay(Day(iso: "2026-06-01")!, Day(iso: "2026-06-30")!)),
        ], now: start)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(ics.contains("DTSTART:20260612T080000Z\r\nDTEND:20260612T110000Z"))
        #expect(ics.contains("DTSTART;VALUE=DATE:20260601\r\nDTEND;VALUE=DATE:20260701"))
        #expect(ics.contains("DESCRIPTION:ligne 1\\nligne 2"))
        #expect(ics.contains("LOCATION:Oujda\\, salle A"))
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:" + "ورشة وجدة حول الميزانية المفتوحة\\; budget\\, données \\\\ ouvertes " + String(repeating: "ب", count: 40)))
    }

    @Test func calendarTextCannotAddProperties() {
        // a CRLF in a title is one Character: it used to pass into the file as a new property
        let start = Date(timeIntervalSince1970: 1_781_251_200)
        let ics = ICalendar.document(name: "A\r\nX-INJECTED:1", events: [
            .init(uid: "m1@sharaka\r\nX-UID:1", summary: "Atelier\r\nATTENDEE:mailto:evil@example.com\rEND:VEVENT\u{2028}Z\u{0}",
                  description: "a\nb", url: "https://x.ma/\r\nX-URL:1", when: .timed(start, start.addingTimeInterval(3600))),
        ], now: start)
        let lines = ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.hasPrefix("X-INJECTED") || $0.hasPrefix("ATTENDEE") || $0.hasPrefix("X-UID") || $0.hasPrefix("X-URL") })
        #expect(lines.filter { $0 == "END:VEVENT" }.count == 1)
        #expect(lines.contains("SUMMARY:Atelier\\nATTENDEE:mailto:evil@example.com\\nEND:VEVENT\\nZ"))
        #expect(!ics.unicodeScalars.contains { $0.value < 0x20 && $0 != "\r" && $0 != "\n" })
        // a bare CR or LF alone never appears: every line ends in CRLF
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains { $0 == "\r" || $0 == "\n" })
        // a long run of combining marks is folded inside, at 75 octets
        let marks = ICalendar.document(name: "x", events: [.init(uid: "u", summary: "a" + String(repeating: "\u{0301}", count: 100), when: .timed(start, start))], now: start)
        for line in marks.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
    }
}

@Suite struct MeetingTimingTests {
    let starts = Date(timeIntervalSince1970: 1_780_000_000)
    var ends: Date { starts.addingTimeInterval(3 * 3600) }

    @Test func attendanceFromTheStartMinutesAfterTheEnd() {
        #expect(!MeetingRules.canRecordAttendance(starts: starts, now: starts.addingTimeInterval(-60)))
        #expect(MeetingRules.canRecordAttendance(starts: starts, now: starts))
        #expect(!MeetingRules.canWriteMinutes(ends: ends, now: starts.addingTimeInterval(3600)))
        #expect(MeetingRules.canWriteMinutes(ends: ends, now: ends))
    }

    @Test func aWorkshopTakesPlaceWithinItsProcess() {
        let day = Day(starts)
        let timeline = Timeline([PhaseWindow(kind: .information, starts: day.adding(days: -10), ends: day.adding(days: -1)),
                                 PhaseWindow(kind: .workshops, starts: day, ends: day.adding(days: 10))])
        #expect(MeetingRules.liesWithin(timeline, starts: starts, ends: ends))
        #expect(!MeetingRules.liesWithin(timeline, starts: starts.addingTimeInterval(-30 * 86_400), ends: starts.addingTimeInterval(-30 * 86_400 + 3600)))
        #expect(!MeetingRules.liesWithin(timeline, starts: starts.addingTimeInterval(12 * 86_400), ends: starts.addingTimeInterval(12 * 86_400 + 3600)))
        #expect(MeetingRules.liesWithin(Timeline([]), starts: starts, ends: ends))
    }
}

@Suite struct MeetingTermsLanguageTests {
    @Test func termsAreAskedInEachLanguageOfTheWorkshopsTexts() {
        #expect(MeetingRules.termsMissing(in: [.ar: "", .fr: ""], written: [.ar, .fr]).isEmpty, "no terms, nothing asked")
        #expect(MeetingRules.termsMissing(in: [.ar: "أوافق", .fr: " "], written: [.ar, .fr]) == [.fr])
        #expect(MeetingRules.termsMissing(in: [.fr: "J'accepte"], written: [.ar]) == [.ar])
        #expect(MeetingRules.termsMissing(in: [.ar: "أوافق", .fr: "J'accepte"], written: [.ar, .fr]).isEmpty)
        #expect(MeetingRules.termsMissing(in: [.ar: "أوافق"], written: [.ar]).isEmpty)
    }
}
