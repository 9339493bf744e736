/// Dates and numbers written the Moroccan way: Western digits, Moroccan month
/// names in Arabic (يناير, فبراير … as used in Morocco, not the Levantine كانون الثاني).
public enum LocalFormat {
    public static func monthName(_ month: Int, in language: Language) -> String {
        let names: [String] = switch language {
        case .ar: ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"]
        case .fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        case .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        case .zgh: ["ⵉⵏⵏⴰⵢⵔ", "ⴱⵕⴰⵢⵕ", "ⵎⴰⵕⵚ", "ⵉⴱⵔⵉⵔ", "ⵎⴰⵢⵢⵓ", "ⵢⵓⵏⵢⵓ", "ⵢⵓⵍⵢⵓⵣ", "ⵖⵓⵛⵜ", "ⵛⵓⵜⴰⵏⴱⵉⵔ", "ⴽⵜⵓⴱⵔ", "ⵏⵓⵡⴰⵏⴱⵉⵔ", "ⴷⵓⵊⴰⵏⴱⵉⵔ"]
        }
        guard (1...12).contains(month) else { return String(month) }
        return names[month - 1]
    }

    /// "24 نونبر 2026", "24 novembre 2026", "November 24, 2026".
    public static func date(year: Int, month: Int, day: Int, in language: Language) -> String {
        let name = monthName(month, in: language)
        switch language {
        case .en: return "\(name) \(day), \(year)"
        default: return "\(day) \(name) \(year)"
        }
    }

    /// Whole number with the locale's grouping separator.
    public static func integer(_ value: Int, in language: Language) -> String {
        let digits = String(abs(value))
        let separator: String = switch language {
        case .en: ","
        case .ar: "."          // ar-MA (CLDR) groups with a dot and Western digits
        case .fr, .zgh: "\u{202F}" // narrow no-break space, as CLDR fr
        }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// Decimal with a fixed number of fraction digits, from an exact value in minor units
    /// (for example centimes), so that money never passes through floating point.
    public static func decimal(minorUnits: Int, fractionDigits: Int, in language: Language) -> String {
        var divisor = 1
        for _ in 0..<fractionDigits { divisor *= 10 }
        let whole = abs(minorUnits) / divisor
        let fraction = abs(minorUnits) % divisor
        let sign = minorUnits < 0 ? "-" : ""
        let mark = language == .en ? "." : ","
        guard fractionDigits > 0 else { return sign + integer(whole, in: language) }
        var f = String(fraction)
        while f.count < fractionDigits { f = "0" + f }
        return sign + integer(whole, in: language) + mark + f
    }
}

extension LocalFormat {
    /// "دجنبر 2026", "décembre 2026": an axis tick or a period.
    public static func monthYear(year: Int, month: Int, in language: Language) -> String {
        "\(monthName(month, in: language)) \(year)"
    }

    /// A moment in a history: the date, then the time on the 24-hour clock. Arabic takes its
    /// own comma ("،"), never the Latin one.
    public static func dateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, in language: Language) -> String {
        let time = (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
        let separator = switch language {
        case .ar: "، "
        case .en: ", "
        case .fr, .zgh: " à "
        }
        return date(year: year, month: month, day: day, in: language) + (language == .zgh ? " " : separator) + time
    }
}
