import Foundation

/// An amount in Moroccan dirhams, held exactly in centimes: budgets are public figures
/// that must add up to the centime, so they never pass through floating point.
public struct MAD: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let centimes: Int64

    public init(centimes: Int64) { self.centimes = centimes }

    /// Reads what people type: "1 250 000", "1250000.50", "1.250.000,50", "1,250,000.50",
    /// with Arabic-Indic digits too. A separator followed by exactly one or two digits at
    /// the end is the decimal mark; any other dot, comma or space groups thousands and must
    /// do so by threes. Negative amounts, letters and more than 15 whole digits are refused.
    public init?(parsing raw: String) {
        var s = ""
        for ch in ArabicText.westernDigits(raw) {
            if ch == "\u{00A0}" || ch == "\u{202F}" || ch == "\u{2009}" { s.append(" ") } else { s.append(ch) }
        }
        s = s.trimmingCharacters(in: .whitespaces)
        for suffix in ["MAD", "DH", "Dh", "dh", "درهم"] where s.hasSuffix(suffix) {
            s = String(s.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == " ") }) else { return nil }
        var whole = s, fraction = ""
        if let mark = s.lastIndex(where: { $0 == "." || $0 == "," }) {
            let tail = s[s.index(after: mark)...]
            if (1...2).contains(tail.count), tail.allSatisfy(\.isNumber) {
                whole = String(s[..<mark]); fraction = String(tail)
                // "12.345.6": the decimal mark cannot also group thousands.
                if whole.contains(s[mark]) { return nil }
            }
        }
        // What is left of the whole part: digits, grouped by threes if grouped at all.
        let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," || $0 == " " })
        guard let first = groups.first, !first.isEmpty, first.count <= 15 else { return nil }
        if groups.count > 1 {
            guard first.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            let separators = Set(whole.filter { $0 == "." || $0 == "," || $0 == " " })
            guard separators.count == 1 else { return nil }
        }
        let digits = groups.joined()
        guard digits.count <= 15, let units = Int64(digits) else { return nil }
        let cents = fraction.isEmpty ? 0 : Int64(fraction.count == 1 ? fraction + "0" : fraction)!
        centimes = units * 100 + cents
    }

    public var description: String {
        let cents = centimes % 100
        return "\(centimes / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// "1 250 000,50 MAD" in the page's language (Western digits, local grouping).
    public func formatted(in language: Language) -> String {
        let number = centimes % 100 == 0 ? LocalFormat.integer(Int(centimes / 100), in: language)
                                         : LocalFormat.decimal(minorUnits: Int(centimes), fractionDigits: 2, in: language)
        return language == .ar ? number + " درهم" : number + " MAD"
    }

    public static func < (a: MAD, b: MAD) -> Bool { a.centimes < b.centimes }
    public static func + (a: MAD, b: MAD) -> MAD { MAD(centimes: a.centimes + b.centimes) }
}
