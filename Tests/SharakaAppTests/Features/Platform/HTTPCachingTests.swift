import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor
import VaporTesting

@Suite struct HTTPCachingTests {
    static func get(_ app: Application, _ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var captured: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: headers, afterResponse: { captured = $0 })
        return captured!
    }

    @Test(arguments: Engine.all)
    func anonymousPagesAndPublicJSONRevalidateWithStrongETags(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // the first visit sets the language cookie: kept by the browser only
            let visit = try await Self.get(app, "/fr/")
            #expect(visit.headers.first(name: .cacheControl) == "private, no-cache" && visit.headers.first(name: .eTag) != nil)
            for (path, lang) in [("/fr/", "fr"), ("/ar/organisations", "ar"), ("/fr/plans", "fr"), ("/api/v1/organisations", "fr"), ("/api/v1/region", "fr")] {
                // then: a strong validator and public, revalidated caching
                let first = try await Self.get(app, path, headers: ["Cookie": "sharaka_lang=\(lang)"])
                #expect(first.status == .ok, "\(path)")
                let tag = try #require(first.headers.first(name: .eTag), "\(path) has no ETag")
                #expect(tag.hasPrefix("\"") && !tag.hasPrefix("W/"))
                #expect(first.headers.first(name: .cacheControl) == "public, no-cache")
                // the same version again: 304 and no body
                let again = try await Self.get(app, path, headers: ["If-None-Match": tag])
                #expect(again.status == .notModified, "\(path)")
                #expect(again.body.readableBytes == 0)
                #expect(try await Self.get(app, path, headers: ["If-None-Match": "W/\(tag), \"other\""]).status == .notModified)
                #expect(try await Self.get(app, path, headers: ["If-None-Match": "\"stale\""]).status == .ok)
            }
            // a change of the data changes the tag
            let before = try await Self.get(app, "/api/v1/organisations").headers.first(name: .eTag)
            try await Organisation(name: .init([.fr: "Nouvelle association"]), sector: .association, provinceCode: nil).create(on: app.db)
            #expect(try await Self.get(app, "/api/v1/organisations").headers.first(name: .eTag) != before)
        }
    }

    @Test(arguments: Engine.all)
    func personalAnswersAreNeverStored(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            try await TestFixtures.user(app, email: "me@example.ma")
            let client = Client(app)
            // a page that sets the session cookie (it has a form) is personal
            let login = try await client.get("/fr/login")
            #expect(login.headers.first(name: .cacheControl) == "private, no-store")
            #expect(login.headers.first(name: .eTag) == nil)
            try await client.login("me@example.ma", lang: "fr")
            for path in ["/fr/", "/fr/account", "/fr/organisations"] {
                let res = try await client.get(path)
                #expect(res.headers.first(name: .cacheControl) == "private, no-store", "\(path)")
                #expect(res.headers.first(name: .eTag) == nil)
            }
            // errors and health checks are not kept either
            #expect(try await Self.get(app, "/fr/no-such-page").headers.first(name: .cacheControl) == "no-store")
            #expect(try await Self.get(app, "/healthz").headers.first(name: .cacheControl) == "no-store")
        }
    }
}
