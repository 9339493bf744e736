import SharakaCore
import Vapor

enum ProcessPages {
    static func statusLabel(_ t: Localizer, _ s: ProcessStatus) -> String {
        switch s { case .draft: t(.processDraft); case .published: t(.processPublished); case .closed: t(.processClosed) }
    }

    static func phaseLabel(_ t: Localizer, _ k: PhaseKind) -> String {
        switch k {
        case .information: t(.phaseInformation)
        case .proposals: t(.phaseProposals)
        case .workshops: t(.phaseWorkshops)
        case .consolidation: t(.phaseConsolidation)
        case .response: t(.phaseResponse)
        case .adoption: t(.phaseAdoption)
        }
    }

    static func dayText(_ t: Localizer, _ iso: String) -> String {
        guard let d = Day(iso: iso) else { return iso }
        return LocalFormat.date(year: d.year, month: d.month, day: d.day, in: t.language)
    }

    /// Text with blank lines as paragraph breaks; nothing else is interpreted.
    static func paragraphs(_ text: (text: String, language: Language)?, _ t: Localizer) -> HNode {
        guard let text else { return H.empty }
        let paras = text.text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return H.div([.lang(text.language.rawValue), .dir(text.language.direction), .cls("prose")], children: paras.map { H.p($0) })
    }

    static func index(_ t: Localizer, processes: [ProcessView], total: Int, page: PageRequest, today: Day, canCreate: Bool) -> Page {
        let lang = t.language
        return Page(title: t(.processesTitle), content: H.group([
            H.h1(t(.processesTitle)),
            canCreate ? H.p([], H.a(t(.processNew), href: SiteURL.processNew.path(lang), [.cls("button")])) : H.empty,
            processes.isEmpty ? H.p(t(.processesEmpty), [.cls("muted")]) :
                H.el("ul", [.cls("cards")], processes.map { p in
                    let current = p.timeline.current(on: today)
                    return H.el("li", [.cls("card")], [
                        H.el("h2", [], [H.el("a", [.href(SiteURL.process(p.id).path(lang))], [LangText.node(p.title.resolve(for: lang), page: lang, t)])]),
                        LangText.node(p.summary.resolve(for: lang), page: lang, t, tag: "p"),
                        H.p(t.text(p.organiserName), [.cls("muted")]),
                        H.p("\(statusLabel(t, p.status))" + (current.map { " · \(t(.processCurrentPhase)): \(phaseLabel(t, $0.kind))" } ?? ""), [.cls("muted")]),
                    ])
                }),
            Pagination.nav(t, page: page, total: total) { SiteURL.processes.path(lang) + "?page=\($0)" },
        ]))
    }

    static func timeline(_ t: Localizer, _ p: ProcessView, today: Day) -> HNode {
        let phases = p.phases
        guard !phases.isEmpty else { return H.p(t(.processNoPhases), [.cls("muted")]) }
        let current = p.timeline.current(on: today)
        return H.el("ol", [.cls("timeline")], phases.map { phase in
            let isCurrent = current != nil && phase.window == current
            return H.el("li", [.cls(isCurrent ? "phase current" : "phase"), .attr("aria-current", isCurrent ? "step" : nil)], [
                H.strong(t.text(phase.name).isEmpty ? phaseLabel(t, phase.kind) : t.text(phase.name)),
                isCurrent ? H.span(" — " + t(.processCurrentPhase), [.cls("current-tag")]) : H.empty,
                H.p("\(dayText(t, phase.window.starts.iso)) – \(dayText(t, phase.window.ends.iso))", [.cls("muted")]),
            ])
        })
    }

    static func show(_ t: Localizer, process p: ProcessView, provinces: [ProvinceItem], today: Day, canEdit: Bool, comments: CommentViews.Section?, follow: HNode = H.empty) -> Page {
        let lang = t.language
        let names = Dictionary(uniqueKeysWithValues: provinces.map { ($0.code, t.text($0.name)) })
        let scope = p.scope.isEmpty ? t(.wholeRegion) : p.scope.compactMap { names[$0] }.joined(separator: t.comma)
        let current = p.timeline.current(on: today)
        let allowed = current.map { phase in ParticipationStep.allCases.filter { p.allows($0, on: today) && phase.kind.allows.contains($0) } } ?? []
        return Page(title: t.text(p.title), content: H.group([
            H.el("h1", [], [LangText.node(p.title.resolve(for: lang), page: lang, t)]),
            canEdit ? H.p([], H.a(t(.processEdit), href: SiteURL.processEdit(p.id).path(lang), [.cls("button")])) : H.empty,
            paragraphs(p.summary.resolve(for: lang), t),
            H.dl([
                (t(.fieldStatus), H.text(statusLabel(t, p.status))),
                (t(.fieldOrganiser), H.a(t.text(p.organiserName), href: SiteURL.organisation(p.organiserID).path(lang))),
                (t(.fieldScope), H.text(scope)),
                (t(.fieldContact), p.contact.isEmpty ? H.text("—") : H.el("bdi", [], [H.text(p.contact)])),
                (t(.fieldHashtag), p.hashtag.isEmpty ? H.text("—") : H.el("bdi", [], [H.text("#" + p.hashtag)])),
            ]),
            H.h2(t(.processTimeline), [.id("timeline")]),
            timeline(t, p, today: today),
            p.status.isPublic ? H.p([.cls("actions")], H.a(t(.proposalsTitle), href: SiteURL.processProposals(p.id).path(lang), [.cls("button")]),
                                         H.a(t(.meetingsTitle), href: SiteURL.meetings(p.id).path(lang), [.cls("button secondary")]),
                                         H.a(t(.dashboardTitle), href: SiteURL.processDashboard(p.id).path(lang), [.cls("button secondary")]),
                                         H.a(t(.calendarExport), href: SiteURL.processICS(p.id).path(lang), [.cls("button secondary")]),
                                         follow) : H.empty,
            H.h2(t(.processWhatNow)),
            allowed.isEmpty ? H.p(t(.processNothingNow), [.cls("muted")]) : H.ul([], allowed.map { H.text(stepLabel(t, $0)) }),
            H.h2(t(.fieldDescription)),
            paragraphs(p.description.resolve(for: lang), t),
            comments.map { CommentViews.section(t, $0) } ?? H.empty,
        ]))
    }

    static func stepLabel(_ t: Localizer, _ s: ParticipationStep) -> String {
        switch s {
        case .propose: t(.stepPropose)
        case .support: t(.stepSupport)
        case .comment: t(.stepComment)
        case .registerForMeeting: t(.stepRegister)
        }
    }

    static func form(_ t: Localizer, process: ParticipatoryProcess?, form: ProcessForm, errors: [String: String],
                     organisers: [Organisation], provinces: [Province], phaseForm: PhaseForm? = nil, status: HTTPStatus = .ok) -> Page {
        let lang = t.language
        let title = process == nil ? t(.processNew) : t(.processEdit)
        let statuses: [ProcessStatus] = process.map { p in ProcessStatus.allCases.filter { $0 == p.statusValue || p.statusValue.canMove(to: $0) } } ?? [.draft, .published]
        var organiserOptions = organisers.map { ($0.id!.uuidString, t.text($0.name)) }
        if let p = process, !organiserOptions.contains(where: { $0.0 == p.$organiser.id.uuidString }) {
            organiserOptions.insert((p.$organiser.id.uuidString, t.text(p.organiser.name)), at: 0)
        }
        var content: [HNode] = [
            H.h1(title),
            process.map { H.p([], H.a(t(.processView), href: SiteURL.process($0.id!).path(lang))) } ?? H.empty,
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.el("form", [.action(process.map { SiteURL.processEdit($0.id!).path(lang) } ?? SiteURL.processes.path(lang)), .postMethod, .cls("stack")], [
                CSRFField(),
                ProcessForm.titles.inputs(t, value: form.title, errors: errors),
                ProcessForm.summaries.inputs(t, value: form.summary, errors: errors),
                ProcessForm.descriptions.inputs(t, value: form.description, errors: errors),
                FormField.select("organiser", label: t(.fieldOrganiser), options: organiserOptions, selected: form.organiser, error: errors["organiser"]),
                H.el("fieldset", [.cls("field")], [
                    H.el("legend", [], [H.text(t(.fieldScope))]),
                    H.span(t(.scopeHint), [.cls("hint")]),
                    errors["scope"].map { H.span($0, [.cls("field-error"), .id("f-scope-error")]) } ?? H.empty,
                    H.group(provinces.map { p in
                        H.el("label", [.cls("check")], [
                            H.void("input", [.type("checkbox"), .name("scope[]"), .value(p.code), .flag("checked", form.scope.contains(p.code))]),
                            H.text(" " + t.text(p.name)),
                        ])
                    }),
                ]),
                FormField.input("contact", label: t(.fieldContact), value: form.contact, error: errors["contact"]),
                FormField.input("hashtag", label: t(.fieldHashtag), value: form.hashtag, error: errors["hashtag"], hint: t(.hashtagHint)),
                FormField.select("status", label: t(.fieldStatus), options: statuses.map { ($0.rawValue, statusLabel(t, $0)) }, selected: form.status, error: errors["status"]),
                H.button(t(.save)),
            ]),
        ]
        if let process {
            let phaseForm = phaseForm ?? PhaseForm()
            content.append(H.h2(t(.processTimeline), [.id("phases")]))
            content.append(H.el("ol", [.cls("timeline")], (process.$phases.value ?? []).sorted { $0.startsOn < $1.startsOn }.map { phase in
                H.el("li", [.cls("phase")], [
                    H.strong(t.text(phase.name)), H.text(" · " + phaseLabel(t, phase.kindValue)),
                    H.p("\(dayText(t, phase.startsOn)) – \(dayText(t, phase.endsOn))", [.cls("muted")]),
                    process.statusValue == .draft ? H.el("form", [.action(SiteURL.processPhaseRemove(process.id!, phase.id!).path(lang)), .postMethod, .cls("inline"), .attr("data-confirm", t(.phaseRemoveConfirm))], [
                        CSRFField(), H.button(t(.phaseRemove), [.cls("danger")]),
                    ]) : H.empty,
                ])
            }))
            content.append(H.h3(t(.phaseAdd)))
            content.append(H.el("form", [.action(SiteURL.processPhases(process.id!).path(lang)), .postMethod, .cls("stack")], [
                CSRFField(),
                FormField.select("kind", label: t(.fieldPhaseKind), options: PhaseKind.allCases.map { ($0.rawValue, phaseLabel(t, $0)) }, selected: phaseForm.kind, error: errors["kind"]),
                PhaseForm.names.inputs(t, value: phaseForm.name, errors: errors),
                FormField.input("starts", label: t(.fieldStarts), value: phaseForm.starts, type: "date", error: errors["starts"], required: true),
                FormField.input("ends", label: t(.fieldEnds), value: phaseForm.ends, type: "date", error: errors["ends"], required: true),
                H.button(t(.phaseAdd)),
            ]))
        }
        return Page(title: title, content: H.group(content), status: status)
    }
}
