/// CLDR plural categories. Arabic uses all six; French and English two or three.
public enum PluralCategory: String, CaseIterable, Sendable {
    case zero, one, two, few, many, other

    /// CLDR rules for whole numbers (counts are never fractional in the UI).
    public static func of(_ n: Int, in language: Language) -> PluralCategory {
        let n = abs(n)
        switch language {
        case .ar:
            // CLDR: zero n=0; one n=1; two n=2; few n%100=3..10; many n%100=11..99.
            if n == 0 { return .zero }
            if n == 1 { return .one }
            if n == 2 { return .two }
            let m = n % 100
            if (3...10).contains(m) { return .few }
            if (11...99).contains(m) { return .many }
            return .other
        case .fr:
            // CLDR: one i=0,1; many e=0 and i!=0 and i%1000000=0; other.
            if n == 0 || n == 1 { return .one }
            if n % 1_000_000 == 0 { return .many }
            return .other
        case .en:
            return n == 1 ? .one : .other
        case .zgh:
            // CLDR has no rules of its own for zgh; Central Atlas Tamazight (tzm) is the closest: one n=0..1 or n=11..99.
            if n <= 1 || (11...99).contains(n) { return .one }
            return .other
        }
    }
}
