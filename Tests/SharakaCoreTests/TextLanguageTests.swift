import SharakaCore
import Testing

@Suite struct TextLanguageTests {
    @Test func scriptsAndCommonWordsTellTheLanguage() {
        #expect(TextLanguage.guess("نقترح نشر الميزانية الجهوية بصيغة مفتوحة.") == .ar)
        #expect(TextLanguage.guess("ⴰⵎⵓⵔ ⵏ ⵜⵎⵏⴰⴹⵜ ⵏ ⵓⴳⵎⵎⴰⴹ") == .zgh)
        #expect(TextLanguage.guess("Je soutiens cette proposition : le budget doit être publié.") == .fr)
        #expect(TextLanguage.guess("L'accès aux données des communes") == .fr)
        #expect(TextLanguage.guess("The budget should be published with the minutes of every council.") == .en)
        // a French sentence quoting an Arabic name stays French; mostly Arabic text stays Arabic
        #expect(TextLanguage.guess("Merci à مجلس جهة الشرق pour la réponse et le suivi des engagements") == .fr)
        #expect(TextLanguage.guess("شكرا Nadia على المتابعة الدقيقة للالتزامات") == .ar)
    }

    @Test func whatDoesNotTellIsUnknown() {
        #expect(TextLanguage.guess("") == nil)
        #expect(TextLanguage.guess("2026 — 1 500 000") == nil)
        #expect(TextLanguage.guess("Nadia Berrada") == nil)
        #expect(TextLanguage.guess("https://oriental.ma") == nil)
    }
}
