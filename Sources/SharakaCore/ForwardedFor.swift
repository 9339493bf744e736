import Foundation

/// Reading X-Forwarded-For behind proxies we trust.
public enum ForwardedFor {
    /// Each proxy appends the address it received the connection from, so with `hops`
    /// trusted proxies the client is the `hops`-th entry from the right. Several header
    /// lines count as one list. Nil when the header is missing, too short or not an address.
    public static func clientAddress(_ values: [String], hops: Int) -> String? {
        let entries = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        guard hops >= 1, entries.count >= hops else { return nil }
        let candidate = entries[entries.count - hops]
        guard !candidate.isEmpty, candidate.count <= 45,
              candidate.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else { return nil }
        return candidate
    }
}
