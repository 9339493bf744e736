import Fluent
import SharakaCore
import Vapor

/// Serves stored files by content hash: immutable, so cached forever; anything that
/// could carry script is sent as an attachment.
enum FileController {
    @Sendable static func show(req: Request) async throws -> Response {
        guard let sha = req.parameters.get("sha256"), sha.count == 64, sha.allSatisfy(\.isHexDigit),
              let meta = try await StoredFile.find(sha.lowercased(), on: req.db),
              let data = try await req.application.fileStore.read(sha256: meta.id!, on: req.db)
        else { throw Abort(.notFound) }
        let kind = FileKind(rawValue: meta.kind) ?? .plainText
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: kind.mimeType)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        headers.replaceOrAdd(name: .eTag, value: "\"\(meta.id!)\"")
        // The attachment's own name when the link carries one, the first uploader's otherwise;
        // the extension always that of the content.
        let given = req.parameters.get("name") ?? meta.originalName
        let name = DownloadName.make(given, kind: kind, fallback: String(sha.prefix(12)))
        let encoded = name.addingPercentEncoding(withAllowedCharacters: SiteURL.unreserved) ?? "file"
        headers.replaceOrAdd(name: .contentDisposition, value: "\(kind.isSafeInline ? "inline" : "attachment"); filename*=UTF-8''\(encoded)")
        if req.headers.first(name: .ifNoneMatch) == "\"\(meta.id!)\"" { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
