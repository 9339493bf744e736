import Foundation

/// Links people type (websites, meeting links) become hrefs only when they are http(s):
/// a stored `javascript:` address must never be clickable, whatever wrote it.
enum SafeURL {
    static func http(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: t), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else { return nil }
        return t
    }
}
