import SharakaCore
import Testing

@Suite struct ArabicTextTests {
    @Test func removesDiacriticsAndTatweel() {
        #expect(ArabicText.normalised("الشَّفَافِيَّة") == "الشفافيه")
        #expect(ArabicText.normalised("شـــراكة") == "شراكه")
    }

    @Test func unifiesLetterVariants() {
        #expect(ArabicText.normalised("أإآٱ") == "اااا")
        #expect(ArabicText.normalised("مستشفى") == "مستشفي")
        #expect(ArabicText.normalised("مؤسسة") == "موسسه")
        #expect(ArabicText.normalised("هيئة") == "هييه")
    }

    @Test func convertsEasternDigits() {
        #expect(ArabicText.normalised("٢٠٢٥–٢٠٢٧") == "2025–2027")
        #expect(ArabicText.normalised("۱۲۳") == "123")
    }

    @Test func leavesLatinAndTifinaghAlone() {
        #expect(ArabicText.normalised("Région de l'Oriental ⵜⴰⵎⵏⴰⴹⵜ") == "Région de l'Oriental ⵜⴰⵎⵏⴰⴹⵜ")
    }
}
