import SharakaCore
import Vapor

enum ProposalPages {
    /// Typed text with line breaks kept and web links made clickable; nothing else is interpreted.
    /// User text in its own language and direction (`UserText`): the recorded language where
    /// there is one, else a guess.
    static func body(_ text: String, language: Language?, cls: String = "proposal-body") -> HNode {
        UserText.block(text, language: language, cls: cls)
    }

    static func author(_ t: Localizer, _ p: Proposal) -> HNode {
        author(t, person: p.author.isDeleted ? nil : p.author.name, organisation: p.organisation?.name)
    }

    /// "Organisation (person)" or the person alone; nil for an account that was deleted.
    static func author(_ t: Localizer, person: String?, organisation: LocalizedText?) -> HNode {
        let name = person ?? t(.deletedUser)
        guard let organisation else { return H.bdi(name) }
        return H.group([H.bdi(t.text(organisation)), H.text(" ("), H.bdi(name), H.text(")")])
    }

    static func index(_ t: Localizer, process: ProcessView, proposals: [ProposalListItem], total: Int, page: PageRequest,
                      filter: ProposalListFilter, provinces: [ProvinceItem], canPropose: Bool) -> Page {
        let lang = t.language
        let base = SiteURL.processProposals(process.id).path(lang)
        let sorts: [(ProposalListFilter.Sort, L10nKey)] = [(.random, .sortRandom), (.supported, .sortSupported), (.commented, .sortCommented), (.newest, .sortNewest)]
        let families: [(String, String)] = Sector.Family.allCases.map { ($0.rawValue, t.family($0)) } + [("citizen", t.family(nil))]
        let answers: [(String, String)] = [("unanswered", t(.answerNone))]
        return Page(title: t(.proposalsTitle), content: H.group([
            H.p([], H.a(t.text(process.title), href: SiteURL.process(process.id).path(lang))),
            H.h1(t(.proposalsTitle)),
            canPropose ? H.p([], H.a(t(.proposalNew), href: SiteURL.proposalNew(process.id).path(lang), [.cls("button")])) : H.p(t(.refusalNotProposalPhase), [.cls("muted")]),
            H.el("form", [.action(base), .getMethod, .cls("filters"), .attr("role", "search")], [
                FormField.select("value", label: t(.fieldOGPValue), options: OGPValue.allCases.map { ($0.rawValue, t.ogpValue($0)) }, selected: filter.value?.rawValue, includeBlank: t(.choiceAll)),
                FormField.select("theme", label: t(.fieldTheme), options: ProposalTheme.allCases.map { ($0.rawValue, t.theme($0)) }, selected: filter.theme?.rawValue, includeBlank: t(.choiceAll)),
                FormField.select("province", label: t(.fieldProvince), options: provinces.map { ($0.code, t.text($0.name)) }, selected: filter.province, includeBlank: t(.choiceAll)),
                FormField.select("sector", label: t(.fieldAuthorSector), options: families, selected: filter.family, includeBlank: t(.choiceAll)),
                FormField.select("answer", label: t(.fieldAnswer), options: answers, selected: filter.answer, includeBlank: t(.choiceAll)),
                H.void("input", [.type("hidden"), .name("sort"), .value(filter.sort.rawValue)]),
                H.button(t(.filterSubmit)),
            ]),
            H.el("nav", [.aria("label", t(.sortLabel)), .cls("sorts")], [
                H.ul([.cls("nav-list")], sorts.map { sort, key in
                    sort == filter.sort ? H.el("span", [.aria("current", "true")], [H.text(t(key))]) : H.a(t(key), href: base + filter.query(sort: sort))
                }),
            ]),
            H.p(t.plural(.proposalsCount, total), [.attr("role", "status")]),
            proposals.isEmpty ? H.p(t(.proposalsEmpty), [.cls("muted")]) :
                H.el("ul", [.cls("proposal-list")], proposals.map { p in
                    H.el("li", [.cls("card")], [
                        H.el("h2", [], [H.el("a", [.href(SiteURL.proposal(p.id).path(lang)), .lang(p.language.rawValue), .dir("auto")], [H.text(p.title)])]),
                        H.p([.cls("muted")], author(t, person: p.authorName, organisation: p.organisationName), H.text(" · \(t.date(p.createdAt))")),
                        H.p("\(t.plural(.supportsCount, p.supports)) · \(t.plural(.commentsCount, p.comments))" +
                            (p.withdrawn ? " · \(t(.proposalWithdrawnMark))" : ""), [.cls("muted")]),
                    ])
                }),
            Pagination.nav(t, page: page, total: total,
                           next: filter.sort == .random || proposals.count < page.per ? nil : proposals.last.map {
                               base + filter.query(page: page.page + 1) + "&cursor=" + APICursor(sort: filter.sort.rawValue, after: $0.id).encoded
                           }) { base + filter.query(page: $0) },
        ]))
    }

    /// What the public sees of a proposal the moderators hid: the place stays, the text goes.
    static func hidden(_ t: Localizer, processID: UUID) -> Page {
        Page(title: t(.hiddenPlaceholder), content: H.group([
            H.p([], H.a(t(.proposalsTitle), href: SiteURL.processProposals(processID).path(t.language))),
            H.h1(t(.kindProposal)),
            H.p(t(.hiddenPlaceholder), [.cls("placeholder")]),
        ]))
    }

    static func show(_ t: Localizer, proposal p: ProposalView, processID: UUID, viewer: User?, supported: Bool, canSupport: Bool,
                     mergedFrom: [ProposalView.Link], comments: CommentViews.Section, answer: HNode, follow: HNode, editable: Bool = false) -> Page {
        let lang = t.language
        let isAuthor = viewer?.id == p.authorID
        // Supporting comes first, beside the count, right under the title: on a phone it is on
        // the first screen, not below the whole text.
        var support: [HNode] = []
        if p.status == .published, let viewer, viewer.id != p.authorID, canSupport {
            support.append(H.el("form", [.action((supported ? SiteURL.proposalUnsupport(p.id) : SiteURL.proposalSupport(p.id)).path(lang)), .postMethod, .cls("inline")], [
                CSRFField(), H.button(supported ? t(.supportRemove) : t(.supportAdd), [.cls(supported ? "secondary" : "")]),
            ]))
        } else if viewer == nil && canSupport && p.status == .published {
            support.append(H.a(t(.supportLoginToSupport), href: SiteURL.login.path(lang) + "?next=" + SiteURL.proposal(p.id).path(lang), [.cls("button")]))
        }
        var actions: [HNode] = []
        if isAuthor && editable {
            actions.append(H.a(t(.proposalEdit), href: SiteURL.proposalEdit(p.id).path(lang), [.cls("button secondary")]))
        }
        actions.append(follow)
        if let viewer, !isAuthor, Policy.allows(viewer.roleValue, .report) { actions.append(ModerationPages.reportForm(t, .proposal, p.id)) }
        if isAuthor && p.status == .published {
            actions.append(H.el("form", [.action(SiteURL.proposalWithdraw(p.id).path(lang)), .postMethod, .cls("stack"), .attr("data-confirm", t(.proposalWithdrawConfirm))], [
                CSRFField(), FormField.checkbox("confirm", label: t(.proposalWithdrawConfirm)), H.button(t(.proposalWithdraw), [.cls("danger")]),
            ]))
        }
        return Page(title: p.title, content: H.group([
            H.p([], H.a(t(.proposalsTitle), href: SiteURL.processProposals(processID).path(lang))),
            H.el("article", [.cls("proposal")], [
                H.el("h1", [.lang(p.language.rawValue), .dir("auto")], [H.text(p.title)]),
                UserText.mark(t, p.title, recorded: p.language),
                p.status == .withdrawn ? H.p(t(.proposalWithdrawnMark), [.cls("notice")]) : H.empty,
                p.mergedInto.map { m in H.p([.cls("notice")], H.text(t(.proposalMergedInto) + " "), H.a(m.title, href: SiteURL.proposal(m.id).path(lang))) } ?? H.empty,
                H.div([.cls("support-bar")], children: [H.strong(t.plural(.supportsCount, p.supports))] + support),
                H.dl([
                    (t(.fieldAuthor), author(t, person: p.authorName, organisation: p.organisationName)),
                    (t(.fieldDate), H.text(t.date(p.createdAt))),
                    (t(.fieldOGPValue), H.text(OGPValue(rawValue: p.ogpValue).map { t.ogpValue($0) } ?? p.ogpValue)),
                    (t(.fieldTheme), H.text(ProposalTheme(rawValue: p.theme).map { t.theme($0) } ?? p.theme)),
                    (t(.fieldProvince), H.text(p.provinceName.map { t.text($0) } ?? t(.wholeRegion))),
                ]),
                body(p.body, language: p.language),
                p.attachment.map { f in H.p([], H.a("\(t(.fieldAttachment)): \(f.name) (\(t.number(max(1, f.size / 1024))) KB)", href: SiteURL.file(f.sha256, name: f.name))) } ?? H.empty,
            ]),
            actions.isEmpty ? H.empty : H.div([.cls("actions")], children: actions),
            mergedFrom.isEmpty ? H.empty : H.group([H.h2(t(.proposalMergedFrom)), H.ul([], mergedFrom.map { H.a($0.title, href: SiteURL.proposal($0.id).path(lang)) })]),
            answer,
            CommentViews.section(t, comments),
        ]))
    }

    static func form(_ t: Localizer, process: ParticipatoryProcess, proposal: Proposal?, form: ProposalForm, errors: [String: String],
                     provinces: [Province], organisations: [Organisation], status: HTTPStatus = .ok) -> Page {
        let lang = t.language
        let title = proposal == nil ? t(.proposalNew) : t(.proposalEdit)
        let action = proposal.map { SiteURL.proposalEdit($0.id!).path(lang) } ?? SiteURL.processProposals(process.id!).path(lang)
        return Page(title: title, content: H.group([
            H.p([], H.a(t.text(process.title), href: SiteURL.process(process.id!).path(lang))),
            H.h1(title),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.el("form", [.action(action), .postMethod, .cls("stack"), .attr("enctype", "multipart/form-data")], [
                CSRFField(),
                FormField.input("title", label: t(.fieldTitle), value: form.title, error: errors["title"],
                                hint: t.lengthHint(10, 150), required: true, extra: [.dir("auto"), .attr("maxlength", "150")]),
                FormField.textarea("body", label: t(.fieldBody), value: form.body, error: errors["body"], rows: 10, required: true,
                                   hint: t.lengthHint(ProposalRules.bodyLength.lowerBound, ProposalRules.bodyLength.upperBound), maxLength: ProposalRules.bodyLength.upperBound),
                H.span(t(.bodyHint), [.cls("hint")]),
                FormField.select("language", label: t(.fieldWrittenIn), options: Language.allCases.map { ($0.rawValue, $0.endonym) }, selected: form.language, error: errors["language"]),
                FormField.select("ogp_value", label: t(.fieldOGPValue), options: OGPValue.allCases.map { ($0.rawValue, t.ogpValue($0)) }, selected: form.ogpValue, error: errors["ogp_value"]),
                FormField.select("theme", label: t(.fieldTheme), options: ProposalTheme.allCases.map { ($0.rawValue, t.theme($0)) }, selected: form.theme, error: errors["theme"]),
                FormField.select("province", label: t(.fieldProvinceOptional), options: provinces.map { ($0.code, t.text($0.name)) }, selected: form.province, error: errors["province"], includeBlank: t(.wholeRegion)),
                organisations.isEmpty ? H.empty : FormField.select("on_behalf", label: t(.fieldOnBehalf), options: organisations.map { ($0.id!.uuidString, t.text($0.name)) },
                                                                   selected: form.onBehalf, error: errors["on_behalf"], includeBlank: t(.onBehalfMyself)),
                proposal == nil ? FormField.input("attachment", label: t(.fieldAttachmentOptional), type: "file", error: errors["attachment"], hint: t(.attachmentHint)) : H.empty,
                H.button(proposal == nil ? t(.proposalSubmit) : t(.save)),
            ]),
        ]), status: status)
    }
}
