/// The real type of an upload, read from its first bytes: the name and the
/// browser's Content-Type are not trusted.
public enum FileKind: String, Sendable, CaseIterable, Codable {
    case pdf, png, jpeg, gif, webp, svg, zip, officeDocument = "office", csv, plainText = "text"

    public var mimeType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .svg: "image/svg+xml"
        case .zip: "application/zip"
        case .officeDocument: "application/vnd.openxmlformats-officedocument"
        case .csv: "text/csv; charset=utf-8"
        case .plainText: "text/plain; charset=utf-8"
        }
    }

    /// Whether a browser may show it inline; anything that can carry script is downloaded instead.
    public var isSafeInline: Bool {
        switch self {
        case .pdf, .png, .jpeg, .gif, .webp: true
        default: false
        }
    }

    /// What may be attached as evidence of progress: documents, pictures, tables.
    public var isEvidence: Bool {
        switch self {
        case .pdf, .png, .jpeg, .gif, .webp, .officeDocument, .csv: true
        case .svg, .zip, .plainText: false
        }
    }

    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .png: "png"
        case .jpeg: "jpg"
        case .gif: "gif"
        case .webp: "webp"
        case .svg: "svg"
        case .zip: "zip"
        case .officeDocument: "docx"
        case .csv: "csv"
        case .plainText: "txt"
        }
    }

    /// Sniffs the content. Returns nil for anything not on the list (executables, HTML …).
    public static func sniff(_ bytes: [UInt8], declaredName: String = "") -> FileKind? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && Array(bytes[offset..<offset + magic.count]) == magic
        }
        if starts([0x25, 0x50, 0x44, 0x46, 0x2D]) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        // Legacy Word/Excel/PowerPoint files are OLE compound documents.
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .officeDocument }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            // Office Open XML files are zips whose first entry names give them away;
            // OpenDocument files start with a stored "mimetype" entry.
            let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
            if head.contains("[Content_Types].xml") || head.contains("word/") || head.contains("xl/") || head.contains("ppt/")
                || head.contains("mimetypeapplication/vnd.oasis.opendocument") {
                return .officeDocument
            }
            return .zip
        }
        // Text: valid UTF-8 without NUL bytes. Markup is refused outright.
        let sample = Array(bytes.prefix(8192))
        guard !sample.isEmpty, !sample.contains(0), String(validating: sample, as: UTF8.self) != nil || sample.count == 8192 else { return nil }
        let text = String(decoding: sample, as: UTF8.self).lowercased()
        if text.contains("<svg") { return .svg }
        if text.contains("<html") || text.contains("<script") || text.contains("<!doctype") { return nil }
        if declaredName.lowercased().hasSuffix(".csv") { return .csv }
        return .plainText
    }
}
