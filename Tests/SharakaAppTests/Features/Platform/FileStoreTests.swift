import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct FileStoreTests {
    static let png: Data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 64))

    @Test(arguments: Engine.all)
    func storesByHashAndServesWithTheRightHeaders(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let stored = try await app.fileStore.store(Self.png, originalName: "شعار.png", allowed: [.png], maxBytes: 1024, on: app.db)
            #expect(stored.id?.count == 64)
            // same content, stored once
            let again = try await app.fileStore.store(Self.png, originalName: "other.png", allowed: [.png], maxBytes: 1024, on: app.db)
            #expect(again.id == stored.id)
            #expect(try await StoredFile.query(on: app.db).count() == 1)
            // with PostgreSQL the bytes live in the database, so every instance sees them
            #expect((stored.content != nil) == (engine == .postgres))

            let client = Client(app)
            let res = try await client.get("/files/\(stored.id!)")
            #expect(res.status == .ok)
            #expect(res.headers.first(name: .contentType) == "image/png")
            #expect(res.headers.first(name: .contentDisposition)?.hasPrefix("inline") == true)
            #expect(res.headers.first(name: .cacheControl)?.contains("immutable") == true)
            #expect(Data(buffer: res.body) == Self.png)
            #expect(try await client.get("/files/\(stored.id!)", headers: ["If-None-Match": "\"\(stored.id!)\""]).status == .notModified)
            #expect(try await client.get("/files/\(String(repeating: "0", count: 64))").status == .notFound)
            #expect(try await client.get("/files/..%2F..%2Fetc%2Fpasswd").status == .notFound)
        }
    }

    @Test(arguments: Engine.all)
    func refusesWrongTypeOversizeAndEmpty(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            await #expect(throws: FileUploadError.typeNotAllowed) {
                try await app.fileStore.store(Data("<html><script>x</script>".utf8), originalName: "logo.png", allowed: [.png], maxBytes: 1024, on: app.db)
            }
            await #expect(throws: FileUploadError.tooLarge(limit: 10)) {
                try await app.fileStore.store(Self.png, originalName: "a.png", allowed: [.png], maxBytes: 10, on: app.db)
            }
            await #expect(throws: FileUploadError.empty) {
                try await app.fileStore.store(Data(), originalName: "a.png", allowed: [.png], maxBytes: 10, on: app.db)
            }
            let stored = try await StoredFile.query(on: app.db).count()
            #expect(stored == 0)
        }
    }

    @Test(arguments: Engine.all)
    func regionLogoUploadIsChecked(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "admin@example.ma", role: .administrator)
            let client = Client(app)
            try await client.login("admin@example.ma", lang: "fr")
            try await client.get("/fr/admin/region")
            let form = ["name_ar": "جهة الشرق", "name_fr": "Oriental", "contact_email": "contact@oriental.ma"]
            let bad = try await client.postMultipart("/fr/admin/region", form, file: ("logo", "logo.png", "image/png", Data("MZ\u{0}\u{1}binary".utf8)))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains(Localizer(.fr)(.errFileType)))
            #expect(try await Region.query(on: app.db).first()?.logoSHA256 == nil)
            let ok = try await client.postMultipart("/fr/admin/region", form, file: ("logo", "logo.png", "image/png", Self.png))
            #expect(ok.status == .seeOther)
            let region = try #require(try await Region.query(on: app.db).first())
            #expect(region.logoSHA256 != nil && region.name[.fr] == "Oriental" && region.contactEmail == "contact@oriental.ma")
            #expect(try await client.get("/fr/").body.string.contains("/files/\(region.logoSHA256!)"))
        }
    }
}
