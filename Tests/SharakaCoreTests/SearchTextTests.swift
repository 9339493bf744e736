import SharakaCore
import Testing

@Suite struct SearchTextTests {
    @Test func arabicIsNormalisedAtIndexAndQueryTime() {
        // diacritics, tatweel, hamza forms, taa marbuta, alif maqsura, Arabic-Indic digits
        #expect(SearchText.tokens("الإدارَةُ الجهـــوية ٢٠٢٥ مستشفى") == ["الاداره", "الجهويه", "2025", "مستشفي"])
        #expect(SearchText.tokens("مؤسسة رئيس") == ["موسسه", "رييس"])
        #expect(SearchText.queryTerms("الادارة") == SearchText.queryTerms("إدارة"))
    }

    @Test func frenchLosesCaseAndAccents() {
        #expect(SearchText.tokens("Élaboration du Budget — l'accès à l'information") == ["elaboration", "du", "budget", "l", "acces", "a", "l", "information"])
    }

    @Test func theArticleIsIndexedBothWays() {
        let terms = SearchText.indexTerms(["الميزانية والشفافية"]).split(separator: " ").map(String.init)
        #expect(terms.contains("الميزانيه") && terms.contains("ميزانيه") && terms.contains("شفافيه"))
        #expect(SearchText.queryTerms("ميزانية") == ["ميزانيه"])
        #expect(SearchText.queryTerms("الميزانية") == ["ميزانيه"])
        // too short to be an article: "الم" stays
        #expect(SearchText.stem("الم") == nil)
        #expect(SearchText.queryTerms("a b c d e f g h i j").count == SearchText.maxQueryTokens)
        #expect(SearchText.queryTerms("  ؟!  ").isEmpty)
        #expect(SearchText.tokens(String(repeating: "x", count: 61) + " ok") == ["ok"])
    }

    @Test func snippetsHighlightPrefixMatches() {
        let parts = SearchSnippet.make("Nous proposons de publier le budget régional chaque année.", terms: SearchText.queryTerms("budg regional"))
        #expect(parts.filter(\.hit).map(\.text) == ["budget", "régional"])
        #expect(parts.map(\.text).joined() == "Nous proposons de publier le budget régional chaque année.")
        let arabic = SearchSnippet.make("نقترح نشر الميزانية الجهوية", terms: SearchText.queryTerms("ميزانية"))
        #expect(arabic.filter(\.hit).map(\.text) == ["الميزانية"])
        let long = (1...100).map { "mot\($0)" }.joined(separator: " ")
        let cut = SearchSnippet.make(long, terms: ["mot50"], words: 10)
        #expect(cut.first?.text.hasPrefix("… ") == true && cut.last?.text.hasSuffix(" …") == true)
        #expect(cut.contains(SearchSnippet.Part("mot50", hit: true)))
    }
}
