/// Control characters in what people send. Tab, line feed and carriage return are text;
/// every other C0 control and DEL is not, and NUL in particular is refused by PostgreSQL
/// ("invalid byte sequence") and cuts SQLite text short on display, which would slip
/// past length rules. They are refused in one place before anything reads a request.
public enum ControlCharacters {
    public static func isForbidden(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }

    /// Whether raw text holds a forbidden control.
    public static func inRaw<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.contains(where: isForbidden)
    }

    /// Whether percent-decoded form or query text (`a=b&c=%00`) holds a forbidden control.
    /// `+` is a space and does not matter here; a malformed escape is left for the decoder.
    public static func inPercentEncoded<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let b = bytes[i]
            if isForbidden(b) { return true }
            if b == UInt8(ascii: "%") {
                let h = bytes.index(after: i)
                guard h != bytes.endIndex else { return false }
                let l = bytes.index(after: h)
                guard l != bytes.endIndex else { return false }
                if let hi = hex(bytes[h]), let lo = hex(bytes[l]), isForbidden(hi << 4 | lo) { return true }
            }
            i = bytes.index(after: i)
        }
        return false
    }

    /// Whether JSON text holds a forbidden control, raw or as a `\u00XX` escape.
    public static func inJSON<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        let a = Array(bytes)
        var i = 0
        while i < a.count {
            if isForbidden(a[i]) { return true }
            if a[i] == UInt8(ascii: "\\"), i + 1 < a.count {
                if a[i + 1] == UInt8(ascii: "u"), i + 5 < a.count,
                   a[i + 2] == UInt8(ascii: "0"), a[i + 3] == UInt8(ascii: "0"),
                   let hi = hex(a[i + 4]), let lo = hex(a[i + 5]), isForbidden(hi << 4 | lo) {
                    return true
                }
                i += 2
                continue
            }
            i += 1
        }
        return false
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// RFC 2046's rule for a multipart boundary: 1 to 70 characters from a small set, not
/// ending in a space. An empty one makes MultipartKit stop the process (a precondition).
public enum MultipartBoundary {
    public static func isValid(_ boundary: String) -> Bool {
        let bytes = Array(boundary.utf8)
        guard (1...70).contains(bytes.count), bytes.last != UInt8(ascii: " ") else { return false }
        return bytes.allSatisfy { b in
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
            case UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"), UInt8(ascii: "_"), UInt8(ascii: ","),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "?"),
                 UInt8(ascii: " "): true
            default: false
            }
        }
    }

    /// The parts of a multipart body that are not files (no `filename` in their headers),
    /// as byte ranges of their content, for the control-character check.
    public static func textParts(_ body: [UInt8], boundary: String) -> [Range<Int>] {
        let delimiter = Array(("--" + boundary).utf8)
        var starts: [Int] = []
        var i = 0
        while let at = find(delimiter, in: body, from: i) {
            starts.append(at)
            i = at + delimiter.count
        }
        var parts: [Range<Int>] = []
        for (a, b) in zip(starts, starts.dropFirst()) {
            let partStart = a + delimiter.count
            guard let headerEnd = find(Array("\r\n\r\n".utf8), in: body, from: partStart), headerEnd < b else { continue }
            let headers = String(decoding: body[partStart..<headerEnd], as: UTF8.self).lowercased()
            if headers.contains("filename") { continue }
            parts.append((headerEnd + 4)..<max(headerEnd + 4, b))
        }
        return parts
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, hay.count >= needle.count else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == first && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
