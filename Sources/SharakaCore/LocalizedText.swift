import Foundation

/// A text written by a user in one or more languages. Pages show the best
/// available version and say which language it is in when it is not the page's.
public struct LocalizedText: Sendable, Codable, Equatable, Hashable {
    public var values: [String: String]

    public init(_ values: [Language: String] = [:]) {
        self.values = Dictionary(uniqueKeysWithValues: values.compactMap { k, v in
            let t = v.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : (k.rawValue, t)
        })
    }

    public subscript(_ language: Language) -> String? {
        get { values[language.rawValue] }
        set {
            let t = newValue?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            values[language.rawValue] = t.isEmpty ? nil : t
        }
    }

    public var isEmpty: Bool { values.isEmpty }

    /// The text to show in `language` and the language it is actually in.
    public func resolve(for language: Language) -> (text: String, language: Language)? {
        for candidate in language.fallbackChain + Language.allCases {
            if let t = values[candidate.rawValue] { return (t, candidate) }
        }
        return nil
    }
}
