#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Replaces every occurrence of an ASCII marker in a rendered page.
enum ByteReplace {
    /// The text with each `marker` replaced, or nil when the marker is absent (so that the
    /// replacement, which may create a session, is only asked for when needed).
    static func all(_ marker: String, in text: String, with replacement: () -> String) -> String? {
        var source = text
        let needle = Array(marker.utf8)
        return source.withUTF8 { hay -> String? in
            guard let base = hay.baseAddress, !needle.isEmpty else { return nil }
            var out: [UInt8] = []
            var cursor = 0
            var insert: [UInt8]?
            while let at = find(needle, in: base, count: hay.count, from: cursor) {
                if insert == nil { insert = Array(replacement().utf8); out.reserveCapacity(hay.count + 64) }
                out.append(contentsOf: hay[cursor..<at])
                out.append(contentsOf: insert!)
                cursor = at + needle.count
            }
            guard insert != nil else { return nil }
            out.append(contentsOf: hay[cursor...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// memchr for the first byte, memcmp for the rest (memmem is a GNU extension Glibc's module hides).
    private static func find(_ needle: [UInt8], in base: UnsafePointer<UInt8>, count: Int, from start: Int) -> Int? {
        var i = start
        while count - i >= needle.count {
            guard let p = memchr(base + i, Int32(needle[0]), count - i) else { return nil }
            let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            guard count - at >= needle.count else { return nil }
            if needle.withUnsafeBytes({ memcmp(base + at, $0.baseAddress!, needle.count) }) == 0 { return at }
            i = at + 1
        }
        return nil
    }
}
