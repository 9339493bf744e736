import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// Terms of use, the personal-data notice and the accessibility statement: linked from every
/// page, in each language, the CNDP declaration number a setting.
@Suite struct LegalPagesTests {
    @Test(arguments: Engine.all)
    func eachPageIsLinkedFromTheFooterInEachLanguage(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            for lang in Language.allCases {
                let t = Localizer(lang)
                let home = try await Client(app).get("/\(lang.rawValue)/").body.string
                for path in ["terms", "privacy", "accessibility"] {
                    #expect(home.contains("href=\"/\(lang.rawValue)/\(path)\""), "\(lang) footer → \(path)")
                    #expect(try await Client(app).get("/\(lang.rawValue)/\(path)").status == .ok)
                }
                let privacy = try await Client(app).get("/\(lang.rawValue)/privacy").body.string
                #expect(privacy.contains(t(.privacyRightsTitle)) && privacy.contains(t(.privacyDeclarationPending)))
                #expect(privacy.contains("09-08"))
            }
            // the Amazigh page says its text is French and marks it so
            let zgh = try await Client(app).get("/zgh/terms").body.string
            #expect(zgh.contains("class=\"legal\" lang=\"fr\" dir=\"ltr\"") && zgh.contains(Localizer(.zgh)(.writtenInFr)))
            let accessibility = try await Client(app).get("/fr/accessibility").body.string
            #expect(accessibility.contains("WCAG 2.1") && accessibility.contains("axe-core"))
        }
    }

    @Test func theDeclarationNumberIsASetting() {
        var env = ["SHARAKA_CNDP_DECLARATION": "D-GC-123/2026"]
        #expect(Settings.fromEnvironment(env).cndpDeclaration == "D-GC-123/2026")
        env = [:]
        #expect(Settings.fromEnvironment(env).cndpDeclaration == nil)
        let page = LegalPages.page(Localizer(.ar), .privacy, region: "جهة الشرق", contact: "ogp@oriental.ma", version: "2026-12", declaration: "D-GC-123/2026")
        let html = H.render(page.content)
        #expect(html.contains("D-GC-123/2026") && html.contains("جهة الشرق") && html.contains("ogp@oriental.ma"))
    }
}
