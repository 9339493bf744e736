import SharakaCore
import Testing

@Suite struct LanguageTests {
    @Test func arabicIsTheDefaultAndRightToLeft() {
        #expect(Language.default == .ar)
        #expect(Language.ar.direction == "rtl")
        #expect(Language.zgh.direction == "ltr")
    }

    @Test func fallbackGoesToFrenchThenArabic() {
        #expect(Language.en.fallbackChain == [.en, .fr, .ar])
        #expect(Language.ar.fallbackChain == [.ar, .fr])
        #expect(Language.fr.fallbackChain == [.fr, .ar])
    }

    @Test func acceptLanguageHonoursQualityValues() {
        #expect(Language.preferred(fromAcceptLanguage: "fr-FR,fr;q=0.9,en;q=0.8") == .fr)
        #expect(Language.preferred(fromAcceptLanguage: "de-DE, en;q=0.5, ar;q=0.7") == .ar)
        #expect(Language.preferred(fromAcceptLanguage: "zgh") == .zgh)
        #expect(Language.preferred(fromAcceptLanguage: "de, it") == nil)
        #expect(Language.preferred(fromAcceptLanguage: "fr;q=0") == nil)
        #expect(Language.preferred(fromAcceptLanguage: nil) == nil)
    }

    @Test func localizedTextFallsBackAndSaysWhichLanguage() {
        var text = LocalizedText([.fr: "Bonjour", .ar: "  "])
        #expect(text[.ar] == nil)
        #expect(text.resolve(for: .en)! == ("Bonjour", .fr))
        text[.ar] = "مرحبا"
        #expect(text.resolve(for: .ar)! == ("مرحبا", .ar))
        #expect(text.resolve(for: .zgh)! == ("Bonjour", .fr))
        #expect(LocalizedText().resolve(for: .ar) == nil)
    }
}
