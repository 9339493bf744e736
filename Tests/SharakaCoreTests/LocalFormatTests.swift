import SharakaCore
import Testing

@Suite struct LocalFormatTests {
    @Test func moroccanArabicMonthNames() {
        #expect(LocalFormat.monthName(1, in: .ar) == "يناير")
        #expect(LocalFormat.monthName(8, in: .ar) == "غشت")
        #expect(LocalFormat.monthName(12, in: .ar) == "دجنبر")
        #expect(LocalFormat.date(year: 2026, month: 11, day: 24, in: .ar) == "24 نونبر 2026")
        #expect(LocalFormat.date(year: 2026, month: 11, day: 24, in: .fr) == "24 novembre 2026")
        #expect(LocalFormat.date(year: 2026, month: 11, day: 24, in: .en) == "November 24, 2026")
        #expect(LocalFormat.monthName(13, in: .fr) == "13")
    }

    @Test func numbersUseWesternDigitsAndLocaleSeparators() {
        #expect(LocalFormat.integer(2_294_665, in: .en) == "2,294,665")
        #expect(LocalFormat.integer(2_294_665, in: .ar) == "2.294.665")
        #expect(LocalFormat.integer(2_294_665, in: .fr) == "2\u{202F}294\u{202F}665")
        #expect(LocalFormat.integer(-1234, in: .en) == "-1,234")
        #expect(LocalFormat.integer(999, in: .en) == "999")
    }

    @Test func decimalsComeFromExactMinorUnits() {
        #expect(LocalFormat.decimal(minorUnits: 123_456_789, fractionDigits: 2, in: .fr) == "1\u{202F}234\u{202F}567,89")
        #expect(LocalFormat.decimal(minorUnits: 5, fractionDigits: 2, in: .en) == "0.05")
        #expect(LocalFormat.decimal(minorUnits: -150, fractionDigits: 2, in: .ar) == "-1,50")
    }
}

@Suite struct LocalDateTimeTests {
    @Test func dateAndTimeWithEachLanguagesSeparator() {
        #expect(LocalFormat.dateTime(year: 2026, month: 12, day: 2, hour: 9, minute: 5, in: .ar) == "2 دجنبر 2026، 09:05")
        #expect(LocalFormat.dateTime(year: 2026, month: 12, day: 2, hour: 14, minute: 30, in: .fr) == "2 décembre 2026 à 14:30")
        #expect(LocalFormat.dateTime(year: 2026, month: 12, day: 2, hour: 14, minute: 30, in: .en) == "December 2, 2026, 14:30")
        #expect(!LocalFormat.dateTime(year: 2030, month: 1, day: 9, hour: 0, minute: 0, in: .ar).contains(","))
        #expect(LocalFormat.monthYear(year: 2030, month: 12, in: .ar) == "دجنبر 2030")
    }
}
