import SharakaCore
import Vapor

/// Public directory of the organisations taking part.
enum OrganisationController {
    @Sendable static func index(req: Request) async throws -> Response {
        let t = req.t
        let page = PageRequest(page: try? req.query.get(Int.self, at: "page"))
        let sector = (try? req.query.get(String.self, at: "sector")).flatMap(Sector.init(rawValue:))
        let q = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let list = try await OrganisationQuery.page(sector: sector, text: q, offset: page.offset, limit: page.per, on: req.sql)
        let items = list.items.map { OrganisationListPage.Item(id: $0.id, name: $0.name.resolve(for: t.language), sector: $0.sector, province: $0.provinceName.map { t.text($0) }) }
        return await req.render(OrganisationListPage.page(t, items: items, total: list.total, page: page, sector: sector, q: q))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let found = try await OrganisationQuery.one(id, on: req.sql) else { throw Abort(.notFound) }
        return await req.render(OrganisationShowPage.page(req.t, org: found.item, memberCount: found.members))
    }
}

/// A user-written text and, when it is not in the page language, a mark saying which language it is in.
enum LangText {
    static func node(_ resolved: (text: String, language: Language)?, page: Language, _ t: Localizer, tag: String = "span") -> HNode {
        guard let resolved else { return H.empty }
        let mark = resolved.language == page ? H.empty : H.span("(\(resolved.language.endonym))", [.cls("lang-tag")])
        return H.group([H.el(tag, [.lang(resolved.language.rawValue), .dir(resolved.language.direction)], [H.text(resolved.text)]), mark])
    }
}

enum OrganisationListPage {
    struct Item {
        let id: UUID
        let name: (text: String, language: Language)?
        let sector: Sector
        let province: String?
    }

    static func page(_ t: Localizer, items: [Item], total: Int, page: PageRequest, sector: Sector?, q: String) -> Page {
        let lang = t.language
        let base = SiteURL.organisations.path(lang)
        func link(_ p: Int) -> String {
            var parts = ["page=\(p)"]
            if let sector { parts.append("sector=\(sector.rawValue)") }
            if !q.isEmpty { parts.append("q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
            return base + "?" + parts.joined(separator: "&")
        }
        return Page(title: t(.organisationsTitle), content: H.group([
            H.h1(t(.organisationsTitle)),
            H.el("form", [.action(base), .getMethod, .cls("stack"), .attr("role", "search")], [
                FormField.input("q", label: t(.organisationsSearchLabel), value: q, type: "search"),
                FormField.select("sector", label: t(.fieldSector), options: Sector.allCases.map { ($0.rawValue, t.sector($0)) }, selected: sector?.rawValue, includeBlank: t(.choiceAll)),
                H.button(t(.filterSubmit)),
            ]),
            H.p(t.plural(.organisationsCount, total), [.attr("role", "status")]),
            items.isEmpty ? H.p(t(.organisationsEmpty), [.cls("muted")]) :
                H.el("ul", [.cls("cards")], items.map { item in
                    H.el("li", [.cls("card")], [
                        H.el("a", [.href(SiteURL.organisation(item.id).path(lang))], [LangText.node(item.name, page: lang, t)]),
                        H.p(t.sector(item.sector), [.cls("muted")]),
                        item.province.map { H.p($0, [.cls("muted")]) } ?? H.empty,
                    ])
                }),
            Pagination.nav(t, page: page, total: total, link: link),
        ]))
    }
}

enum OrganisationShowPage {
    static func page(_ t: Localizer, org: OrganisationItem, memberCount: Int) -> Page {
        let lang = t.language
        let name = org.name.resolve(for: lang)
        return Page(title: name?.text ?? t(.organisationsTitle), content: H.group([
            H.el("h1", [], [LangText.node(name, page: lang, t)]),
            H.dl([
                (t(.fieldSector), H.text(t.sector(org.sector))),
                (t(.fieldProvince), H.text(org.provinceName.map { t.text($0) } ?? t(.wholeRegion))),
                (t(.fieldMembers), H.text(t.plural(.membersCount, memberCount))),
                (t(.fieldWebsite), org.website.isEmpty ? H.text("—") : H.el("a", [.href(SafeURL.http(org.website) ?? "#"), .attr("rel", "nofollow noopener")], [H.el("bdi", [], [H.text(org.website)])])),
            ]),
            LangText.node(org.description.resolve(for: lang), page: lang, t, tag: "p"),
        ]))
    }
}
