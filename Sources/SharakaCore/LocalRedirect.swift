import Foundation

/// Where a sign-in may send people afterwards (`next`). Only a plain path on this site:
/// a header value with CR/LF would add headers to the answer, and browsers drop tabs and
/// newlines and read `/\`, `//` or their percent-encoded forms as another host, so
/// anything but the plainest path is refused rather than repaired.
public enum LocalRedirect {
    /// Characters allowed in a path and query as sent (RFC 3986 `pchar`, `/`, `?`, `#`,
    /// and `%` for escapes); no space, backslash, control or non-ASCII character.
    private static func allowed(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"),
             UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"): true
        default: false
        }
    }

    /// The path itself when it is safe to redirect to, nil otherwise.
    public static func target(_ raw: String) -> String? {
        let bytes = Array(raw.utf8)
        guard (2...2000).contains(bytes.count) || raw == "/", bytes.first == UInt8(ascii: "/"), bytes.allSatisfy(allowed) else { return nil }
        // Decoded as a browser would (repeatedly, for `%252F`), the path still starts with a
        // single slash and holds no backslash or control character.
        var decoded = raw
        for _ in 0..<3 {
            guard let next = decoded.removingPercentEncoding else { return nil }
            if next == decoded { break }
            decoded = next
        }
        let d = Array(decoded.utf8)
        guard d.first == UInt8(ascii: "/"), d.count < 2 || (d[1] != UInt8(ascii: "/") && d[1] != UInt8(ascii: "\\")),
              !d.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: " ") })
        else { return nil }
        return raw
    }
}
