import Foundation

/// The language a piece of user text is most likely written in, for its `lang` attribute when
/// nobody recorded it (comments, names, minutes): by its script first (Arabic letters are
/// Arabic here — Darija and Amazigh in Arabic letters included, Tifinagh is Amazigh), then,
/// for Latin letters, by the short words French and English cannot do without. Nil when the
/// text does not tell (a name, a number, a link): the page then says "unknown" (`lang=""`)
/// rather than lend it the page's language, and the browser finds its direction (`dir="auto"`).
public enum TextLanguage {
    public static func guess(_ text: String) -> Language? {
        var arabic = 0, tifinagh = 0, latin = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: arabic += 1
            case 0x2D30...0x2D7F: tifinagh += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            default: break
            }
        }
        let letters = arabic + tifinagh + latin
        guard letters > 0 else { return nil }
        if arabic * 2 > letters { return .ar }
        if tifinagh * 2 > letters { return .zgh }
        guard latin * 2 > letters else { return nil }
        let words = text.lowercased().split { !$0.isLetter && $0 != "'" && $0 != "’" }
        var french = 0, english = 0
        for word in words {
            let w = String(word)
            if frenchWords.contains(w) || w.hasPrefix("l'") || w.hasPrefix("d'") || w.hasPrefix("l’") || w.hasPrefix("d’") { french += 1 }
            if englishWords.contains(w) { english += 1 }
        }
        if french > english { return .fr }
        if english > french { return .en }
        return nil
    }

    /// Words found in nearly every sentence of one language and rare in the other (none in both).
    static let frenchWords: Set<String> = ["le", "la", "les", "des", "du", "et", "est", "une", "un", "pour", "dans", "que", "qui",
                                           "sur", "pas", "au", "aux", "ce", "cette", "nous", "vous", "sont", "avec", "mais", "par", "plus", "très"]
    static let englishWords: Set<String> = ["the", "and", "of", "to", "is", "are", "for", "that", "with", "this", "it", "we", "you",
                                            "be", "was", "have", "has", "not", "but", "by", "from", "will", "should", "would"]
}
