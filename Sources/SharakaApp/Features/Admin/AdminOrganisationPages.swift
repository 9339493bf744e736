import SharakaCore
import Vapor

enum AdminOrganisationPages {
    struct Member { let id: UUID; let name: String; let email: String; let role: String }

    static func index(_ t: Localizer, orgs: [OrganisationItem], total: Int, page: PageRequest, q: String, actor: Role) -> Page {
        let lang = t.language
        let base = SiteURL.adminOrganisations.path(lang)
        return Page(title: t(.adminOrganisationsTitle), content: H.group([
            AdminNav.node(t, actor: actor),
            H.h1(t(.adminOrganisationsTitle)),
            H.p([], H.a(t(.adminNewOrganisation), href: SiteURL.adminOrganisationNew.path(lang), [.cls("button")])),
            H.el("form", [.action(base), .getMethod, .cls("stack"), .attr("role", "search")], [
                FormField.input("q", label: t(.organisationsSearchLabel), value: q, type: "search"), H.button(t(.filterSubmit)),
            ]),
            H.p(t.plural(.organisationsCount, total), [.attr("role", "status")]),
            orgs.isEmpty ? H.p(t(.organisationsEmpty), [.cls("muted")]) :
                H.table(caption: t(.adminOrganisationsTitle), headers: [t(.fieldName), t(.fieldSector)], rows: orgs.map { o in
                    [H.el("a", [.href(SiteURL.adminOrganisation(o.id).path(lang))], [LangText.node(o.name.resolve(for: lang), page: lang, t)]), H.text(t.sector(o.sector))]
                }),
            Pagination.nav(t, page: page, total: total) { base + "?page=\($0)" + (q.isEmpty ? "" : "&q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") },
        ]))
    }

    static func form(_ t: Localizer, org: Organisation?, form: OrganisationForm, errors: [String: String],
                     provinces: [(value: String, label: String)], members: [Member], actor: Role,
                     memberEmail: String = "", status: HTTPStatus = .ok) -> Page {
        let lang = t.language
        let title = org == nil ? t(.adminNewOrganisation) : t(.adminEditOrganisation)
        let action = org.map { SiteURL.adminOrganisation($0.id!).path(lang) } ?? SiteURL.adminOrganisations.path(lang)
        var content: [HNode] = [
            AdminNav.node(t, actor: actor),
            H.h1(title),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.el("form", [.action(action), .postMethod, .cls("stack")], [
                CSRFField(),
                OrganisationForm.names.inputs(t, value: form.name, errors: errors),
                FormField.select("sector", label: t(.fieldSector), options: Sector.allCases.map { ($0.rawValue, t.sector($0)) }, selected: form.sector, error: errors["sector"]),
                FormField.select("province", label: t(.fieldProvinceOptional), options: provinces, selected: form.province, error: errors["province"], includeBlank: t(.wholeRegion)),
                FormField.input("website", label: t(.fieldWebsite), value: form.website ?? "", type: "url", error: errors["website"]),
                OrganisationForm.descriptions.inputs(t, value: form.description, errors: errors),
                H.button(t(.save)),
            ]),
        ]
        if let org {
            content.append(H.h2(t(.fieldMembers)))
            content.append(members.isEmpty ? H.p(t(.adminNoMembers), [.cls("muted")]) :
                H.table(caption: t(.fieldMembers), headers: [t(.fieldName), t(.fieldEmail), t(.fieldRole), t(.fieldActions)], rows: members.map { m in
                    [H.el("bdi", [], [H.text(m.name)]), H.el("bdi", [], [H.text(m.email)]), H.text(t.membership(m.role)),
                     H.el("form", [.action(SiteURL.adminOrganisationMemberRemove(org.id!, m.id).path(lang)), .postMethod, .cls("inline"), .attr("data-confirm", t(.adminRemoveMemberConfirm))], [
                        CSRFField(), H.button(t(.adminRemoveMember), [.cls("danger")]),
                     ])]
                }))
            content.append(H.h3(t(.adminAddMember)))
            content.append(H.el("form", [.action(SiteURL.adminOrganisationMembers(org.id!).path(lang)), .postMethod, .cls("stack")], [
                CSRFField(),
                FormField.input("email", label: t(.fieldEmail), value: memberEmail, type: "email", error: errors["email"], required: true),
                FormField.select("role", label: t(.fieldRole), options: MembershipRole.allCases.map { ($0.rawValue, t.membership($0.rawValue)) }, selected: "member"),
                H.button(t(.adminAddMember)),
            ]))
        }
        return Page(title: title, content: H.group(content), status: status)
    }
}
