import Fluent
import SharakaCore
import Vapor

/// Metadata of an uploaded file, addressed by the SHA-256 of its content. With the
/// database store the bytes live in `content` too, so every instance sees every file.
final class StoredFile: Model, @unchecked Sendable {
    static let schema = "files"

    @ID(custom: "sha256", generatedBy: .user) var id: String?
    @Field(key: "size") var size: Int
    @Field(key: "kind") var kind: String
    @Field(key: "original_name") var originalName: String
    @OptionalField(key: "content") var content: Data?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// The name an attachment of this file is shown and downloaded under: what the uploader
    /// called it, without invisible controls, with the extension of the real content.
    func attachmentName(_ uploaded: String) -> String {
        DownloadName.make(uploaded, kind: FileKind(rawValue: kind) ?? .plainText, fallback: String((id ?? "file").prefix(12)))
    }

    init(sha256: String, size: Int, kind: String, originalName: String, content: Data?) {
        self.id = sha256
        self.size = size
        self.kind = kind
        self.originalName = originalName
        self.content = content
        self.createdAt = Date()
    }
}
