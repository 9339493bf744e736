import Foundation
@testable import SharakaApp
import SharakaCore
import Testing

/// Counted phrases in every language from 0 to 110, checked against the grammar's table:
/// Arabic counts its noun as one, two, three to ten, eleven to ninety-nine, a hundred.
@Suite struct CountPhraseTests {
    /// Arabic's table for "character": the form of the noun after each number.
    static func arabicCharacters(_ n: Int) -> String {
        let m = n % 100
        switch n {
        case 1: return "حرف واحد"
        case 2: return "حرفان"
        default:
            if (3...10).contains(m) { return "\(n) أحرف" }
            if (11...99).contains(m) { return "\(n) حرفا" }
            return "\(n) حرف"
        }
    }

    @Test func charactersAreCountedInTheFormEachNumberAsks() {
        let ar = Localizer(.ar), fr = Localizer(.fr), en = Localizer(.en), zgh = Localizer(.zgh)
        for n in 0...110 {
            #expect(ar.characters(n) == Self.arabicCharacters(n), "ar \(n)")
            #expect(fr.characters(n) == (n <= 1 ? "\(n) caractère" : "\(n) caractères"), "fr \(n)")
            #expect(en.characters(n) == (n == 1 ? "1 character" : "\(n) characters"), "en \(n)")
            #expect(zgh.characters(n) == ((n <= 1 || (11...99).contains(n)) ? "\(n) ⵓⵙⴽⴽⵉⵍ" : "\(n) ⵉⵙⴽⴽⵉⵍⵏ"), "zgh \(n)")
        }
    }

    @Test func limitsInMessagesAndHintsUseTheCountedNoun() {
        let ar = Localizer(.ar)
        #expect(ar.problem(.tooShort, min: 10) == "النص قصير جدا (على الأقل 10 أحرف).")
        #expect(ar.problem(.tooLong, max: 150) == "النص طويل جدا (على الأكثر 150 حرفا).")
        #expect(ar.problem(.tooLong, max: 2000) == "النص طويل جدا (على الأكثر \(ar.number(2000)) حرف).")
        #expect(ar.lengthHint(10, 150) == "من 10 إلى 150 حرفا.")
        #expect(Localizer(.fr).lengthHint(10, 150) == "De 10 à 150 caractères.")
        #expect(Localizer(.en).problem(.tooShort, min: 1) == "Too short (at least 1 character).")
    }

    @Test func everyCountedPhraseHasEachFormItsLanguageUsesAndFillsItsNumber() {
        for language in Language.allCases {
            let t = Localizer(language)
            for key in PluralKey.allCases {
                for n in 0...110 {
                    let phrase = t.plural(key, n)
                    #expect(!phrase.contains("{") && !phrase.isEmpty, "\(language) \(key) \(n): \(phrase)")
                    // the number is written, except where the language says it in words (Arabic one and two, "no …")
                    let inWords = language == .ar && n <= 2
                    if !inWords { #expect(phrase.contains(t.number(n)), "\(language) \(key) \(n): \(phrase)") }
                }
            }
        }
    }

    /// A number slot right before a counted Arabic noun is the mistake "10 حرفا": such a
    /// noun must come from a counted phrase.
    @Test func noArabicTextPutsANumberSlotBeforeAFixedCountedNoun() {
        let nouns = ["حرفا", "أحرف", "حرف", "مقترحا", "مقترحات", "يوما", "أيام"]
        for key in L10nKey.allCases {
            let text = Localizer(.ar)(key)
            for noun in nouns {
                #expect(text.range(of: #"\{[a-z]+\} "# + noun, options: .regularExpression) == nil, "\(key): \(text)")
            }
        }
    }
}
