import SharakaCore

/// Text people wrote, drawn in its own language and direction whatever the page's: a French
/// comment on an Arabic page runs left to right with its full stop at the right end, an
/// Arabic one on a French page right to left. The language is the one recorded (proposals)
/// or, failing that, `TextLanguage.guess`; unknown is said as unknown (`lang=""`), never
/// lent the page's. `dir="auto"` lets the browser follow the text's first strong letter.
enum UserText {
    static func language(of text: String, recorded: Language?) -> Language? { recorded ?? TextLanguage.guess(text) }

    static func attributes(_ text: String, recorded: Language?) -> [Attr] {
        [.lang(language(of: text, recorded: recorded)?.rawValue ?? ""), .dir("auto")]
    }

    /// A block of user text: line breaks kept, links clickable, nothing else.
    static func block(_ text: String, language recorded: Language?, cls: String) -> HNode {
        let nodes: [HNode] = LinkedText.segments(text).map { seg in
            switch seg {
            case .text(let s): H.text(s)
            case .lineBreak: H.void("br", [])
            case .link(let url): H.el("a", [.href(url), .attr("rel", "nofollow noopener ugc")], [H.text(url)])
            }
        }
        return H.el("div", [.cls(cls)] + attributes(text, recorded: recorded), nodes)
    }

    /// One line of user text (a title, an excerpt) as an element of its own.
    static func line(_ tag: String, _ text: String, language recorded: Language? = nil, _ extra: [Attr] = []) -> HNode {
        H.el(tag, extra + attributes(text, recorded: recorded), [H.text(text)])
    }

    /// "Written in French" when the text's language is not the page's (nothing when unknown).
    static func mark(_ t: Localizer, _ text: String, recorded: Language?) -> HNode {
        guard let written = language(of: text, recorded: recorded), written != t.language else { return H.empty }
        return H.p(t(writtenIn[written]!), [.cls("lang-tag")])
    }

    private static let writtenIn: [Language: L10nKey] = [.ar: .writtenInAr, .fr: .writtenInFr, .en: .writtenInEn, .zgh: .writtenInZgh]
}

extension Localizer {
    /// A sentence whose slots are nodes: `t.sentence(.repliesTo, ["name": H.bdi(name)])`.
    /// Names and titles stay isolated inside it (`<bdi>`), so a Latin name does not split an
    /// Arabic date around it, nor an Arabic one a French line.
    func sentence(_ key: L10nKey, _ values: [String: HNode]) -> HNode {
        let template = self(key)
        var parts: [HNode] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { parts.append(H.text(String(rest[..<open]))) }
            parts.append(values[String(rest[rest.index(after: open)..<close])] ?? H.text(String(rest[open...close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(H.text(String(rest))) }
        return H.group(parts)
    }
}
