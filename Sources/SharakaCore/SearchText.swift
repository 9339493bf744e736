import Foundation

/// Tokens for full-text search, made here rather than by each database so that SQLite
/// FTS5 and PostgreSQL see the very same terms and answer alike. Arabic is normalised
/// (ArabicText), Latin letters lose case and accents, and an Arabic word is also
/// indexed without its definite article, so "ميزانية" finds "الميزانية".
public enum SearchText {
    /// The article with the particles that attach in front of it, longest first.
    static let articles = ["وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال"]
    public static let maxQueryTokens = 8
    /// Longer "words" are noise (pasted hashes, runs of one letter) and PostgreSQL refuses
    /// lexemes past 2 KB; they are left out of the index.
    public static let maxTokenLength = 60

    /// Words of `text` as search tokens, in order (duplicates kept).
    public static func tokens(_ text: String) -> [String] {
        words(text).map(\.token).filter { !$0.isEmpty && $0.count <= maxTokenLength }
    }

    /// The article-less form of an Arabic token, when there is one.
    public static func stem(_ token: String) -> String? {
        for a in articles where token.hasPrefix(a) && token.count - a.count >= 2 {
            return String(token.dropFirst(a.count))
        }
        return nil
    }

    /// What the index stores: each distinct token and its article-less form.
    public static func indexTerms(_ texts: [String]) -> String {
        var seen = Set<String>(), out: [String] = []
        for t in texts.flatMap(tokens) {
            for form in [t, stem(t)].compactMap({ $0 }) where seen.insert(form).inserted { out.append(form) }
        }
        return out.joined(separator: " ")
    }

    /// Query terms: every one must begin some indexed term. Articles are dropped since
    /// the index holds the article-less form of every word too.
    public static func queryTerms(_ query: String) -> [String] {
        var seen = Set<String>(), out: [String] = []
        for t in tokens(query) {
            let form = stem(t) ?? t
            if seen.insert(form).inserted { out.append(form) }
        }
        return Array(out.prefix(maxQueryTokens))
    }

    /// Whether a word of the text is a hit for the query terms (for highlighting).
    public static func matches(_ token: String, _ terms: [String]) -> Bool {
        let forms = [token, stem(token)].compactMap { $0 }
        return terms.contains { term in forms.contains { $0.hasPrefix(term) } }
    }

    struct Word { let range: Range<String.Index>; let token: String }

    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        var start: String.Index?
        var i = text.startIndex
        func close(_ end: String.Index) {
            if let s = start {
                out.append(Word(range: s..<end, token: normalise(String(text[s..<end]))))
                start = nil
            }
        }
        while i < text.endIndex {
            let c = text[i]
            if c.isLetter || c.isNumber || c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                if start == nil { start = i }
            } else {
                close(i)
            }
            i = text.index(after: i)
        }
        close(text.endIndex)
        return out
    }

    static func normalise(_ word: String) -> String {
        let folded = ArabicText.normalised(word).folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        // Only letters and digits reach the index: both engines then split on exactly the spaces.
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter { s in
            let cat = s.properties.generalCategory
            return s.properties.isAlphabetic && cat != .nonspacingMark && cat != .spacingMark && cat != .enclosingMark
                || cat == .decimalNumber
        }))
    }
}

/// A short extract of a text around the first hit, split into plain and highlighted parts.
public enum SearchSnippet {
    public struct Part: Equatable, Sendable {
        public let text: String
        public let hit: Bool
        public init(_ text: String, hit: Bool) { self.text = text; self.hit = hit }
    }

    public static func make(_ text: String, terms: [String], words span: Int = 30) -> [Part] {
        let words = SearchText.words(text)
        guard !words.isEmpty else { return [] }
        let first = words.firstIndex { SearchText.matches($0.token, terms) } ?? 0
        let from = max(0, first - span / 3)
        let to = min(words.count, from + span)
        var parts: [Part] = []
        if from > 0 { parts.append(Part("… ", hit: false)) }
        var cursor = words[from].range.lowerBound
        for w in words[from..<to] {
            if cursor < w.range.lowerBound { parts.append(Part(String(text[cursor..<w.range.lowerBound]), hit: false)) }
            parts.append(Part(String(text[w.range]), hit: SearchText.matches(w.token, terms)))
            cursor = w.range.upperBound
        }
        if to < words.count { parts.append(Part(" …", hit: false)) } else if cursor < text.endIndex { parts.append(Part(String(text[cursor...]), hit: false)) }
        // Merge neighbours of the same kind so the page has few elements.
        return parts.reduce(into: [Part]()) { acc, p in
            if let last = acc.last, last.hit == p.hit { acc[acc.count - 1] = Part(last.text + p.text, hit: p.hit) } else { acc.append(p) }
        }
    }
}
