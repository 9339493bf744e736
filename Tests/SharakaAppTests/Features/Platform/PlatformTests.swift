import Fluent
@testable import SharakaApp
import SharakaCore
import SQLKit
import Testing
import Vapor

@Suite struct PlatformTests {
    @Test(arguments: Engine.all)
    func healthAndReadiness(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let client = Client(app)
            #expect(try await client.get("/healthz").body.string == "ok")
            let ready = try await client.get("/readyz")
            #expect(ready.status == .ok)
            #expect(ready.headers.first(name: "X-Request-Id")?.isEmpty == false)
        }
    }

    @Test(arguments: Engine.all)
    func securityHeadersOnEveryKindOfResponse(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let client = Client(app)
            for path in ["/ar/", "/healthz", "/api/v1/region", "/ar/no-such-page", "/api/v1/nothing"] {
                let res = try await client.get(path)
                let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("frame-ancestors 'self'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "\(path)")
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(res.headers.first(name: "Referrer-Policy") != nil, "\(path)")
            }
        }
    }

    @Test(arguments: Engine.all)
    func rootRedirectsByCookieThenAcceptLanguage(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let client = Client(app)
            #expect(try await client.get("/").location == "/ar/")
            #expect(try await client.get("/", headers: ["Accept-Language": "fr-MA,fr;q=0.9"]).location == "/fr/")
            // visiting /en/ remembers English in a cookie, which wins over the header
            try await client.get("/en/")
            #expect(client.cookies["sharaka_lang"] == "en")
            #expect(try await client.get("/", headers: ["Accept-Language": "fr"]).location == "/en/")
        }
    }

    @Test(arguments: Engine.all, Language.allCases)
    func pagesDeclareLanguageAndDirection(engine: Engine, language: Language) async throws {
        try await withTestApp(engine) { app in
            let html = try await Client(app).get("/\(language.rawValue)/").body.string
            #expect(html.contains("<html lang=\"\(language.rawValue)\" dir=\"\(language.direction)\">"))
            #expect(html.contains("href=\"#main\""))
            #expect(html.contains("<main id=\"main\""))
            #expect(html.contains(Localizer(language)(.homeIntro)))
        }
    }

    @Test(arguments: Engine.all)
    func errorsSpeakTheUsersLanguage(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let client = Client(app)
            let fr = try await client.get("/fr/nulle-part")
            #expect(fr.status == .notFound)
            #expect(fr.body.string.contains(Localizer(.fr)(.error404Title)))
            let ar = try await client.get("/ar/organisations/not-a-uuid")
            #expect(ar.status == .notFound)
            #expect(ar.body.string.contains("dir=\"rtl\""))
            #expect(try await client.get("/xx/").status == .notFound)
            let forbidden = try await client.get("/fr/register")
            #expect(forbidden.status == .ok)
            let api = try await client.get("/api/v1/organisations/00000000-0000-0000-0000-000000000000")
            #expect(api.status == .notFound)
            #expect(api.headers.contentType?.description.contains("application/problem+json") == true)
            let problem = try JSONSerialization.jsonObject(with: Data(api.body.string.utf8)) as! [String: Any]
            #expect(problem["status"] as? Int == 404 && problem["title"] as? String == "Not Found")
            let bad = try await client.get("/api/v1/organisations?per_page=5000")
            #expect(bad.status == .badRequest)
        }
    }

    static func sessionCount(_ app: Application) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM sessions").first()!.decode(column: "n", as: Int.self)
    }

    @Test(arguments: Engine.all)
    func anonymousReadingCreatesNoSessionButFormsDo(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let client = Client(app)
            for path in ["/ar/", "/fr/organisations", "/api/v1/region", "/healthz"] { try await client.get(path) }
            #expect(client.cookies["sharaka_session"] == nil)
            #expect(try await Self.sessionCount(app) == 0)
            let login = try await client.get("/fr/login")
            let cookie = login.headers[.setCookie].first { $0.hasPrefix("sharaka_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))
            #expect(try await Self.sessionCount(app) == 1)
        }
    }

    @Test(arguments: Engine.all)
    func internalErrorsShowAPageWithoutDetails(engine: Engine) async throws {
        struct Secret: Error {}
        try await withTestApp(engine) { app in
            app.grouped(":lang").get("boom") { _ -> String in throw Secret() }
            app.get("api", "v1", "boom") { _ -> String in throw Secret() }
            let client = Client(app)
            let page = try await client.get("/fr/boom")
            #expect(page.status == .internalServerError)
            #expect(page.body.string.contains(Localizer(.fr)(.error500Title)) && !page.body.string.contains("Secret"))
            let api = try await client.get("/api/v1/boom")
            #expect(api.status == .internalServerError && !api.body.string.contains("Secret"))
        }
    }

    @Test(arguments: Engine.all)
    func staticAssetsAreSmallAndCachedForever(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let client = Client(app)
            let css = try await client.get(StaticAssets.cssPath)
            let js = try await client.get(StaticAssets.jsPath)
            #expect(css.status == .ok && js.status == .ok)
            #expect(css.headers.first(name: .cacheControl)?.contains("immutable") == true)
            #expect(css.body.readableBytes + js.body.readableBytes < 60 * 1024)
            // logical properties only, so that RTL mirrors for free
            for physical in ["margin-left", "margin-right", "padding-left", "padding-right", "text-align: left", "text-align: right", "float:", " left:", " right:"] {
                #expect(!css.body.string.contains(physical), "\(physical)")
            }
        }
    }

    @Test func everyCatalogueHasEveryKeyAndPluralForm() {
        for language in Language.allCases {
            let entries = Catalogue.all[language]!.entries
            for key in L10nKey.allCases {
                guard case .text(let s)? = entries[key.rawValue] else { Issue.record("\(language): missing \(key)"); continue }
                #expect(!s.isEmpty, "\(language): empty \(key)")
            }
            let needed = Set((0...200).map { PluralCategory.of($0, in: language).rawValue })
            for key in PluralKey.allCases {
                guard case .plural(let forms)? = entries[key.rawValue] else { Issue.record("\(language): missing plural \(key)"); continue }
                #expect(needed.isSubset(of: Set(forms.keys)), "\(language) \(key): needs \(needed.sorted())")
            }
            #expect(entries.count == L10nKey.allCases.count + PluralKey.allCases.count, "\(language) has keys no code uses")
        }
    }

    @Test func arabicPluralsReadNaturally() {
        let t = Localizer(.ar)
        #expect(t.plural(.organisationsCount, 0) == "لا هيئة")
        #expect(t.plural(.organisationsCount, 2) == "هيئتان")
        #expect(t.plural(.organisationsCount, 3) == "3 هيئات")
        #expect(t.plural(.organisationsCount, 11) == "11 هيئة")
        #expect(Localizer(.fr).plural(.organisationsCount, 1_500) == "1\u{202F}500 organisations")
        #expect(Localizer(.en).plural(.accountsCount, 1) == "1 account")
    }

    @Test func missingKeysFallBackToFrenchThenArabic() {
        // Catalogues are complete (see above), so check the chain on the catalogue data directly.
        #expect(Language.zgh.fallbackChain == [.zgh, .fr, .ar])
        #expect(Localizer(.zgh)(.appName) == "ⵛⴰⵔⴰⴽⴰ")
    }

    @Test func datesUseMoroccanMonthNames() {
        let date = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18
        #expect(Localizer(.ar).date(date) == "18 نونبر 2026")
        #expect(Localizer(.fr).date(date) == "18 novembre 2026")
    }
}
