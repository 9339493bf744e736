import Crypto
import Fluent
import SharakaCore
import Vapor

/// Where uploaded bytes live. Both kinds keep the metadata row in `files`; they
/// differ only in where the content goes.
protocol FileStore: Sendable {
    func write(_ data: Data, sha256: String, on db: any Database) async throws -> Bool
    func read(sha256: String, on db: any Database) async throws -> Data?
}

enum FileUploadError: Error, Equatable {
    case empty, tooLarge(limit: Int), typeNotAllowed
}

extension FileStore {
    /// Checks size and real type, then stores. The same content uploaded twice is stored once.
    func store(_ data: Data, originalName: String, allowed: Set<FileKind>, maxBytes: Int, on db: any Database) async throws -> StoredFile {
        guard !data.isEmpty else { throw FileUploadError.empty }
        guard data.count <= maxBytes else { throw FileUploadError.tooLarge(limit: maxBytes) }
        guard let kind = FileKind.sniff(Array(data.prefix(8192)), declaredName: originalName), allowed.contains(kind) else {
            throw FileUploadError.typeNotAllowed
        }
        let sha = SHA256.hash(data: data).hex
        if let existing = try await StoredFile.find(sha, on: db) { return existing }
        let inDatabase = try await write(data, sha256: sha, on: db)
        let safeName = DownloadName.make(originalName, kind: kind, fallback: String(sha.prefix(12)))
        let row = StoredFile(sha256: sha, size: data.count, kind: kind.rawValue, originalName: safeName, content: inDatabase ? data : nil)
        try await row.create(on: db)
        return row
    }
}

/// Files on disk under `SHARAKA_FILES_PATH/ab/abcdef…`. Suits one instance with SQLite.
struct DirectoryFileStore: FileStore {
    let root: String

    private func path(_ sha: String) -> String { "\(root)/\(sha.prefix(2))/\(sha)" }

    func write(_ data: Data, sha256: String, on db: any Database) async throws -> Bool {
        let dir = "\(root)/\(sha256.prefix(2))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // Write then rename, so that a reader never sees half a file.
        let temp = "\(dir)/.\(sha256).\(UUID().uuidString)"
        try data.write(to: URL(fileURLWithPath: temp))
        _ = try? FileManager.default.removeItem(atPath: path(sha256))
        try FileManager.default.moveItem(atPath: temp, toPath: path(sha256))
        return false
    }

    func read(sha256: String, on db: any Database) async throws -> Data? {
        FileManager.default.contents(atPath: path(sha256))
    }
}

/// Files inside the database, so that every instance behind one PostgreSQL sees them.
struct DatabaseFileStore: FileStore {
    func write(_ data: Data, sha256: String, on db: any Database) async throws -> Bool { true }

    func read(sha256: String, on db: any Database) async throws -> Data? {
        try await StoredFile.find(sha256, on: db)?.content
    }
}

extension Application {
    private struct FileStoreKey: StorageKey { typealias Value = any FileStore }

    var fileStore: any FileStore {
        get { storage[FileStoreKey.self] ?? DirectoryFileStore(root: settings.filesPath) }
        set { storage[FileStoreKey.self] = newValue }
    }
}

extension Sequence where Element == UInt8 {
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
extension SHA256.Digest {
    var hex: String { Array(self).hex }
}
