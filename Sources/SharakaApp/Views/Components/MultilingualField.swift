import SharakaCore
import Vapor

/// A text typed in several languages, one input per language named `<base>_<code>`
/// (`name_ar`, `name_fr` …): read, checked and drawn the same way on every form.
struct MultilingualField: Sendable {
    let base: String
    var languages: [Language] = Language.allCases
    var required: Set<Language> = []
    var atLeastOne = false
    var length: ClosedRange<Int>
    var multiline = false
    let label: @Sendable (Language) -> L10nKey

    static func names(required: Set<Language> = [], atLeastOne: Bool = false, length: ClosedRange<Int> = 2...200) -> MultilingualField {
        MultilingualField(base: "name", required: required, atLeastOne: atLeastOne, length: length) { lang in
            switch lang { case .ar: .fieldNameAr; case .fr: .fieldNameFr; case .en: .fieldNameEn; case .zgh: .fieldNameZgh }
        }
    }

    static func descriptions(length: ClosedRange<Int> = 0...2000) -> MultilingualField {
        MultilingualField(base: "description", languages: [.ar, .fr], length: length, multiline: true) { $0 == .ar ? .fieldDescriptionAr : .fieldDescriptionFr }
    }

    func key(_ lang: Language) -> String { "\(base)_\(lang.rawValue)" }

    func read(_ req: Request) -> LocalizedText {
        LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, (try? req.content.get(String.self, at: key($0))) ?? "") }))
    }

    /// Field key (with `suffix` when a page holds several such forms) → message.
    func validate(_ text: LocalizedText, _ t: Localizer, suffix: String = "") -> [String: String] {
        var errors: [String: String] = [:]
        for lang in languages {
            if let p = AccountRules.checkText(text[lang] ?? "", length: length, required: required.contains(lang)) {
                errors[key(lang) + suffix] = t.problem(p, min: length.lowerBound, max: length.upperBound)
            }
        }
        if atLeastOne && text.isEmpty, let first = languages.first { errors[key(first) + suffix] = t(.errOneNameRequired) }
        return errors
    }

    func inputs(_ t: Localizer, value: LocalizedText, errors: [String: String], idSuffix: String? = nil) -> HNode {
        H.group(languages.map { lang in
            let suffix = idSuffix.map { "-\($0)" } ?? ""
            return multiline
                ? FormField.textarea(key(lang), label: t(label(lang)), value: value[lang] ?? "", error: errors[key(lang) + suffix], lang: lang.rawValue, dir: lang.direction,
                                     maxLength: length.upperBound)
                : FormField.input(key(lang), label: t(label(lang)), value: value[lang] ?? "", error: errors[key(lang) + suffix],
                                  required: required.contains(lang), idSuffix: idSuffix, extra: [.lang(lang.rawValue), .dir(lang.direction), .attr("maxlength", String(length.upperBound))])
        })
    }
}
