import Fluent
import SharakaCore
import Vapor

/// The terms of use, the personal-data notice (Law 09-08, with the CNDP declaration number
/// as a setting) and the accessibility statement, linked from every page's footer. Their
/// long texts exist in Arabic, French and English; the Amazigh pages give the French text,
/// marked as such, rather than pass it off as Amazigh.
enum LegalPages {
    enum Kind: CaseIterable { case terms, privacy, accessibility }

    struct Sectioned {
        let title: L10nKey
        let intro: L10nKey
        let sections: [(heading: L10nKey, body: L10nKey)]
    }

    static func content(_ kind: Kind) -> Sectioned {
        switch kind {
        case .terms:
            Sectioned(title: .termsTitle, intro: .termsIntro, sections: [
                (.termsAccountTitle, .termsAccount), (.termsContributionsTitle, .termsContributions), (.termsModerationTitle, .termsModeration),
                (.termsAnswersTitle, .termsAnswers), (.termsLawTitle, .termsLaw),
            ])
        case .privacy:
            Sectioned(title: .privacyTitle, intro: .privacyIntro, sections: [
                (.privacyDataTitle, .privacyData), (.privacyPurposesTitle, .privacyPurposes), (.privacyRecipientsTitle, .privacyRecipients),
                (.privacyRetentionTitle, .privacyRetention), (.privacyRightsTitle, .privacyRights), (.privacyCookiesTitle, .privacyCookies),
            ])
        case .accessibility:
            Sectioned(title: .accessibilityTitle, intro: .accessibilityIntro, sections: [
                (.accessibilityStatusTitle, .accessibilityStatus), (.accessibilityLimitsTitle, .accessibilityLimits),
                (.accessibilityContactTitle, .accessibilityContact),
            ])
        }
    }

    static func page(_ t: Localizer, _ kind: Kind, region: String, contact: String, version: String, declaration: String?) -> Page {
        let c = content(kind)
        let values = ["region": region, "contact": contact]
        // Amazigh readers get the French text, said to be French, in its own language and direction.
        let bodyAttrs: [Attr] = t.language == .zgh ? [.lang("fr"), .dir("ltr")] : []
        var body: [HNode] = [H.p(t(c.intro, values))]
        for (heading, text) in c.sections {
            body.append(H.h2(t(heading)))
            body.append(H.p(t(text, values)))
        }
        if kind == .privacy {
            body.append(H.p(declaration.map { t(.privacyDeclaration, ["number": $0]) } ?? t(.privacyDeclarationPending), [.cls("notice-plain")]))
        }
        return Page(title: t(c.title), content: H.group([
            H.h1(t(c.title)),
            t.language == .zgh ? H.p(t(.writtenInFr), [.cls("lang-tag")]) : H.empty,
            H.el("div", [.cls("legal")] + bodyAttrs, body),
            H.p(t(.legalUpdated, ["version": version]), [.cls("muted")]),
        ]))
    }
}

enum LegalController {
    static func show(_ kind: LegalPages.Kind) -> @Sendable (Request) async throws -> Response {
        { req in
            let region = try await Region.query(on: req.db).first()
            let name = region.map { req.t.text($0.name) } ?? req.t(.appName)
            let contact = [region?.contactEmail, region?.contactPhone].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            return await req.render(LegalPages.page(req.t, kind, region: name, contact: contact.isEmpty ? "—" : contact,
                                                    version: req.settings.termsVersion, declaration: req.settings.cndpDeclaration))
        }
    }
}
