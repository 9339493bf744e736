/// RFC 4180 CSV for exports opened in spreadsheets.
public enum CSV {
    public static func document(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// For spreadsheets set to a French (or Moroccan) locale, which split on semicolons
    /// and read UTF-8 only after a byte-order mark.
    public static func excelDocument(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map { v in
            let f = field(v)
            return f.hasPrefix("\"") || !f.contains(";") ? f : "\"" + f + "\""
        }.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes when needed, and defuses cells a spreadsheet would run as a formula
    /// (`=`, `+`, `-`, `@`, tab, carriage return at the start) by prefixing a quote mark.
    public static func field(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public struct ParseError: Error, Equatable, Sendable {
        public let line: Int
        public let message: String
        public init(line: Int, message: String) { self.line = line; self.message = message }
    }

    /// Reads RFC 4180 text (quoted fields, doubled quotes, CRLF or LF, a leading BOM).
    /// An unterminated quote is an error with the line it started on.
    public static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var line = 1, quoteLine = 1
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        chars.append("\n")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
            } else {
                switch c {
                case "\"" where field.isEmpty && !wasQuoted: quoted = true; wasQuoted = true; quoteLine = line
                case ",": row.append(field); field = ""; wasQuoted = false
                case "\n", "\r\n", "\r":
                    row.append(field); field = ""; wasQuoted = false
                    if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                    row = []
                    line += 1
                default: field.append(c)
                }
            }
            i += 1
        }
        if quoted { throw ParseError(line: quoteLine, message: "unterminated quoted field") }
        return rows
    }
}
