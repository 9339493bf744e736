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

    /// The sum, or nil when it does not fit: there is deliberately no `+`, whose overflow
    /// traps and takes the whole server down with it.
    public func adding(_ other: MAD) -> MAD? {
        let (sum, overflow) = centimes.addingReportingOverflow(other.centimes)
        return overflow ? nil : MAD(centimes: sum)
    }

    /// The total of the amounts, or nil when it does not fit in an amount.
    public static func total<S: Sequence>(_ amounts: S) -> MAD? where S.Element == MAD {
        var sum = MAD(centimes: 0)
        for a in amounts {
            guard let next = sum.adding(a) else { return nil }
            sum = next
        }
        return sum
    }

    /// Whole dirhams, for limits set by operators.
    public init?(dirhams: Int64) {
        let (c, overflow) = dirhams.multipliedReportingOverflow(by: 100)
        guard !overflow, dirhams >= 0 else { return nil }
        centimes = c
    }
}

/// Realistic ceilings for budgets (operator settings): the whole Oriental Region's annual
/// budget is a few billion dirhams, so a commitment above ten billion or a plan above a
/// hundred billion is a typing mistake, and keeping amounts far below `Int64` means no
/// total can overflow.
public struct BudgetLimits: Sendable, Equatable {
    public var maxCommitment: MAD
    public var maxPlanTotal: MAD

    public static let standard = BudgetLimits(maxCommitment: MAD(centimes: 10_000_000_000 * 100),
                                              maxPlanTotal: MAD(centimes: 100_000_000_000 * 100))

    public init(maxCommitment: MAD, maxPlanTotal: MAD) {
        self.maxCommitment = maxCommitment
        self.maxPlanTotal = maxPlanTotal
    }

    public enum Problem: Sendable, Equatable { case commitmentTooLarge, planTotalTooLarge }

    /// Checks a commitment's budget against the limits, given the budgets of the plan's
    /// other commitments.
    public func check(_ budget: MAD, otherCommitments: [MAD]) -> Problem? {
        if budget > maxCommitment { return .commitmentTooLarge }
        guard let others = MAD.total(otherCommitments), let total = others.adding(budget), total <= maxPlanTotal else {
            return .planTotalTooLarge
        }
        return nil
    }
}
