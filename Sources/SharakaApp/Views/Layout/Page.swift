import SharakaCore
import Vapor

/// A full page: the layout (header with region identity, language switcher and
/// account menu; skip link; main landmark; footer) around a feature's content.
struct Page {
    var title: String
    var content: HNode
    var status: HTTPStatus = .ok

    func render(_ ctx: PageContext) -> Response {
        // Forms get the viewer's token as they are drawn; nothing is substituted afterwards.
        let html = RenderContext.drawing(csrfToken: ctx.csrfToken) { "<!DOCTYPE html>" + H.render(document(ctx)) }
        var headers = HTTPHeaders()
        headers.contentType = .html
        // Cache-Control and ETag are decided by `HTTPCachingMiddleware` (public for anonymous views).
        headers.replaceOrAdd(name: .contentLanguage, value: ctx.language.rawValue)
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    private func document(_ ctx: PageContext) -> HNode {
        let t = ctx.t
        return H.el("html", [.lang(ctx.language.rawValue), .dir(ctx.language.direction)], [
            H.el("head", [], [
                H.void("meta", [.attr("charset", "utf-8")]),
                H.void("meta", [.name("viewport"), .attr("content", "width=device-width, initial-scale=1")]),
                H.el("title", [], [H.text("\(title) · \(ctx.regionName)")]),
                H.void("meta", [.name("description"), .attr("content", t(.siteDescription))]),
                H.void("link", [.attr("rel", "icon"), .attr("type", "image/svg+xml"), .href(StaticAssets.icon.path)]),
                sharingCard(ctx),
                H.void("link", [.attr("rel", "stylesheet"), .href(StaticAssets.cssPath)]),
                H.el("script", [.attr("src", StaticAssets.jsPath), .flag("defer")], []),
            ]),
            H.el("body", [.attr("data-counter-left", t(.counterLeft))], [
                H.a(t(.skipToContent), href: "#main", [.cls("skip-link")]),
                header(ctx),
                ctx.isDemo ? H.p(t(.demoBanner), [.cls("demo-banner"), .attr("role", "note")]) : H.empty,
                H.el("main", [.id("main"), .attr("tabindex", "-1")], [
                    ctx.problem.map { H.p($0, [.cls("error-summary"), .attr("role", "alert")]) } ?? H.empty,
                    ctx.notice.map { H.p($0, [.cls("notice"), .attr("role", "status")]) } ?? H.empty,
                    content,
                ]),
                H.el("footer", [.cls("site-footer")], [
                    H.p(t(.footerAbout)),
                    H.el("nav", [.aria("label", t(.footerNav))], [H.ul([.cls("nav-list footer-links")], [
                        H.a(t(.footerTerms), href: ctx.url(.terms)),
                        H.a(t(.footerPrivacy), href: ctx.url(.privacy)),
                        H.a(t(.footerAccessibility), href: ctx.url(.accessibility)),
                        H.a(t(.footerApi), href: "/api/v1/openapi.json"),
                    ])]),
                ]),
            ]),
        ])
    }

    /// What WhatsApp, Facebook and X show for a shared link: the page's title, what the site
    /// is, the region's logo (or the platform's card), in the page's language.
    private func sharingCard(_ ctx: PageContext) -> HNode {
        let base = ctx.publicURL
        let image = base + (ctx.regionLogo.map { SiteURL.file($0) } ?? StaticAssets.card.path)
        let locale: [Language: String] = [.ar: "ar_MA", .fr: "fr_MA", .en: "en_GB", .zgh: "zgh_MA"]
        func property(_ name: String, _ value: String) -> HNode { H.void("meta", [.attr("property", name), .attr("content", value)]) }
        func named(_ name: String, _ value: String) -> HNode { H.void("meta", [.name(name), .attr("content", value)]) }
        return H.group([
            property("og:type", "website"),
            property("og:site_name", ctx.regionName),
            property("og:title", title),
            property("og:description", ctx.t(.siteDescription)),
            property("og:url", base + "/" + ctx.language.rawValue + "/" + ctx.relativePath),
            property("og:locale", locale[ctx.language] ?? "ar_MA"),
            property("og:image", image),
            property("og:image:alt", ctx.regionName),
            named("twitter:card", ctx.regionLogo == nil ? "summary_large_image" : "summary"),
            named("twitter:title", title),
            named("twitter:description", ctx.t(.siteDescription)),
            named("twitter:image", image),
        ])
    }

    private func header(_ ctx: PageContext) -> HNode {
        let t = ctx.t
        var account: [HNode] = []
        if let user = ctx.user {
            account.append(H.el("a", [.href(ctx.url(.account))], [H.bdi(user.name)]))
            account.append(H.a(user.unread > 0 ? t(.navNotificationsUnread, ["n": t.number(user.unread)]) : t(.navNotifications),
                               href: ctx.url(.notifications), user.unread > 0 ? [.cls("unread")] : []))
            if Policy.allows(user.role, .moderate) {
                account.append(H.a(t(.navModeration), href: ctx.url(.moderation)))
            }
            if Policy.allows(user.role, .listUsers) {
                account.append(H.a(t(.navAdmin), href: ctx.url(.adminUsers)))
            }
            account.append(H.el("form", [.action(ctx.url(.logout)), .postMethod, .cls("inline")], [
                CSRFField(), H.button(t(.navLogout), [.cls("link-button")]),
            ]))
        } else {
            account.append(H.a(t(.navLogin), href: ctx.url(.login)))
            account.append(H.a(t(.navRegister), href: ctx.url(.register)))
        }
        let switcher = Language.allCases.map { lang -> HNode in
            let path = "/\(lang.rawValue)/\(ctx.relativePath)"
            return lang == ctx.language
                ? H.el("span", [.lang(lang.rawValue), .aria("current", "true")], [H.text(lang.endonym)])
                : H.el("a", [.href(path), .lang(lang.rawValue), .attr("hreflang", lang.rawValue)], [H.text(lang.endonym)])
        }
        return H.el("header", [.cls("site-header")], [
            H.el("a", [.href(ctx.url(.home)), .cls("brand")], [
                ctx.regionLogo.map { H.void("img", [.attr("src", SiteURL.file($0)), .attr("alt", ""), .attr("width", "40"), .attr("height", "40")]) } ?? H.empty,
                H.el("span", [], [H.strong(t(.appName)), H.text(" · "), H.text(ctx.regionName)]),
            ]),
            H.el("nav", [.aria("label", t(.navMain))], [
                H.ul([.cls("nav-list")], [
                    H.a(t(.navHome), href: ctx.url(.home)),
                    H.a(t(.navProcesses), href: ctx.url(.processes)),
                    H.a(t(.navPlans), href: ctx.url(.plans)),
                    H.a(t(.navOrganisations), href: ctx.url(.organisations)),
                    H.a(t(.searchTitle), href: ctx.url(.search)),
                ]),
            ]),
            H.el("nav", [.aria("label", t(.navLanguages)), .cls("languages")], [H.ul([.cls("nav-list")], switcher)]),
            H.el("nav", [.aria("label", t(.navAccount)), .cls("account")], [H.ul([.cls("nav-list")], account)]),
        ])
    }
}
