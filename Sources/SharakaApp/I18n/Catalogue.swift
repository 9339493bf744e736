import Foundation
import SharakaCore

/// UI strings of one language, read from `Resources/i18n/<code>.json`. A value is either a
/// string or an object of CLDR plural forms (`{"one": …, "other": …}`) with `{n}` for the count.
struct Catalogue: Sendable {
    enum Entry: Sendable, Decodable {
        case text(String)
        case plural([String: String])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .text(s) } else { self = .plural(try c.decode([String: String].self)) }
        }
    }

    let language: Language
    let entries: [String: Entry]

    static func load(_ language: Language) -> Catalogue {
        guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Resources/i18n"),
              let data = try? Data(contentsOf: url),
              let entries = try? JSONDecoder().decode([String: Entry].self, from: data)
        else { return Catalogue(language: language, entries: [:]) }
        return Catalogue(language: language, entries: entries)
    }

    /// All four catalogues, loaded once per process.
    static let all: [Language: Catalogue] = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, load($0)) })
}
