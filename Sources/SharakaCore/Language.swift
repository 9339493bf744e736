import Foundation

/// The four languages of the platform. Arabic comes first: it is the default
/// and the last resort of every fallback chain.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    case ar, fr, en, zgh

    public static let `default`: Language = .ar

    public var isRightToLeft: Bool { self == .ar }

    /// `dir` attribute value for `<html>`.
    public var direction: String { isRightToLeft ? "rtl" : "ltr" }

    /// Own name of the language, shown in the language switcher whatever the UI language is.
    public var endonym: String {
        switch self {
        case .ar: "العربية"
        case .fr: "Français"
        case .en: "English"
        case .zgh: "ⵜⴰⵎⴰⵣⵉⵖⵜ"
        }
    }

    /// Order in which to look for a text missing in this language. French
    /// before Arabic because regional administrations write French drafts first.
    public var fallbackChain: [Language] {
        var chain: [Language] = [self]
        for next in [Language.fr, .ar] where !chain.contains(next) { chain.append(next) }
        return chain
    }

    /// Best language for an HTTP `Accept-Language` header, honouring q-values.
    public static func preferred(fromAcceptLanguage header: String?) -> Language? {
        guard let header, !header.isEmpty else { return nil }
        var best: (Language, Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            let primary = String(tag.split(separator: "-").first ?? "")
            var quality = 1.0
            for p in pieces.dropFirst() where p.hasPrefix("q=") {
                quality = Double(p.dropFirst(2)) ?? 0
            }
            let language: Language? = switch primary {
            case "ar": .ar
            case "fr": .fr
            case "en": .en
            case "zgh", "tzm", "ber", "kab", "shi", "rif": .zgh
            default: nil
            }
            guard let language, quality > 0 else { continue }
            if best == nil || quality > best!.1 { best = (language, quality) }
        }
        return best?.0
    }
}

