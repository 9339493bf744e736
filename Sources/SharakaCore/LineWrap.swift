/// Breaks a label into lines at spaces, for drawings (SVG has no text wrapping): a long
/// organisation name is written on two or three lines instead of being cut mid-word.
public enum LineWrap {
    /// At most `maxLines` lines of at most `width` characters. A word longer than a line is
    /// split (there is nothing better to do with it); text beyond the last line is dropped at
    /// a word boundary and marked with "…", so the drawing says that its table has the rest.
    public static func lines(_ text: String, width: Int, maxLines: Int) -> [String] {
        precondition(width > 1 && maxLines > 0)
        var words: [Substring] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            var rest = word
            while rest.count > width {
                words.append(rest.prefix(width))
                rest = rest.dropFirst(width)
            }
            if !rest.isEmpty { words.append(rest) }
        }
        var lines: [String] = []
        var current = ""
        var index = 0
        while index < words.count {
            let word = words[index]
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.count <= width {
                current = candidate
                index += 1
                continue
            }
            lines.append(current)
            current = ""
            if lines.count == maxLines { break }
        }
        if lines.count < maxLines, !current.isEmpty { lines.append(current); current = "" }
        let truncated = index < words.count || !current.isEmpty
        if truncated, var last = lines.popLast() {
            // Room for the ellipsis, dropping whole words while the line is too long.
            while last.count + 1 > width, let space = last.lastIndex(of: " ") { last = String(last[..<space]) }
            if last.count + 1 > width { last = String(last.prefix(width - 1)) }
            lines.append(last + "…")
        }
        return lines.isEmpty ? [""] : lines
    }
}
