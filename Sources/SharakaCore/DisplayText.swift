import Foundation

/// Invisible characters that change how text is shown without being seen: bidi embeddings,
/// overrides and isolates (a name that reverses the text after it: "Trojan Source"), and
/// zero-width characters (two names that look the same but are not). Names and file names
/// lose them; long text keeps its marks, which Arabic and French writing use.
public enum DisplayText {
    public static func isInvisibleControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0x061C: true
        default: false
        }
    }

    /// A name as it is kept: invisible controls and control characters removed, white
    /// space runs folded to one space, trimmed.
    public static func name(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for s in raw.unicodeScalars where !isInvisibleControl(s) && !(s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") && s.value != 0x7F {
            if s.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            out.append(s)
        }
        return String(out)
    }
}

/// The name a stored file is downloaded under: the attachment's own name, cleaned, with the
/// extension of what the content really is. `invoice.html` holding markup is text and is
/// downloaded as `invoice.txt`; a document keeps `.xlsx` or `.odt` when that is what it is.
public enum DownloadName {
    public static func make(_ name: String, kind: FileKind, fallback: String) -> String {
        let cleaned = DisplayText.name(name).unicodeScalars.filter { !"/\\\"<>:|?*".unicodeScalars.contains($0) }
        var base = String(String.UnicodeScalarView(cleaned))
        var given = ""
        if let dot = base.lastIndex(of: "."), dot != base.startIndex {
            given = String(base[base.index(after: dot)...]).lowercased()
            base = String(base[..<dot])
        }
        base = String(base.trimmingCharacters(in: CharacterSet(charactersIn: ". ")).prefix(120))
        if base.isEmpty { base = fallback }
        let ext = kind.extensions.contains(given) ? given : kind.fileExtension
        return base + "." + ext
    }
}

extension FileKind {
    /// Every extension the kind may be downloaded with; the first is the default.
    public var extensions: [String] {
        switch self {
        case .jpeg: ["jpg", "jpeg"]
        case .officeDocument: ["docx", "xlsx", "pptx", "doc", "xls", "ppt", "odt", "ods", "odp"]
        default: [fileExtension]
        }
    }
}
