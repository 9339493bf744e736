import SharakaCore
import Vapor

enum MeetingPages {
    static func kindLabel(_ t: Localizer, _ k: MeetingKind) -> String {
        switch k { case .inPerson: t(.meetingInPerson); case .online: t(.meetingOnline); case .hybrid: t(.meetingHybrid) }
    }

    static func when(_ t: Localizer, starts: Date, ends: Date) -> String {
        let s = MoroccoTime.format(starts), e = MoroccoTime.format(ends)
        let startDay = t.date(starts)
        let sameDay = s.prefix(10) == e.prefix(10)
        return sameDay ? "\(startDay)\(t.comma)\(s.suffix(5)) – \(e.suffix(5))" : "\(startDay) \(s.suffix(5)) – \(t.date(ends)) \(e.suffix(5))"
    }

    static func index(_ t: Localizer, process: ProcessView, meetings: [MeetingListItem], now: Date, canEdit: Bool) -> Page {
        let lang = t.language
        let upcoming = meetings.filter { $0.endsAt >= now }, past = meetings.filter { $0.endsAt < now }.reversed()
        func list(_ ms: [MeetingListItem]) -> HNode {
            H.el("ul", [.cls("meeting-list")], ms.map { m in
                H.el("li", [.cls("card")], [
                    H.el("h3", [], [H.a(t.text(m.title), href: SiteURL.meeting(m.id).path(lang))]),
                    H.p("\(when(t, starts: m.startsAt, ends: m.endsAt)) · \(kindLabel(t, m.kind))", [.cls("muted")]),
                    m.address.isEmpty ? H.empty : H.p(m.address, [.cls("muted")]),
                ])
            })
        }
        return Page(title: t(.meetingsTitle), content: H.group([
            H.p([], H.a(t.text(process.title), href: SiteURL.process(process.id).path(lang))),
            H.h1(t(.meetingsTitle)),
            H.p([.cls("actions")],
                canEdit ? H.a(t(.meetingNew), href: SiteURL.meetingNew(process.id).path(lang), [.cls("button")]) : H.empty,
                H.a(t(.calendarExport), href: SiteURL.processICS(process.id).path(lang), [.cls("button secondary")])),
            meetings.isEmpty ? H.p(t(.meetingsEmpty), [.cls("muted")]) : H.group([
                H.h2(t(.meetingsUpcoming)), upcoming.isEmpty ? H.p(t(.meetingsEmpty), [.cls("muted")]) : list(upcoming),
                past.isEmpty ? H.empty : H.group([H.h2(t(.meetingsPast)), list(Array(past))]),
            ]),
        ]))
    }

    static func form(_ t: Localizer, process: ParticipatoryProcess, meeting: Meeting?, form: MeetingForm, errors: [String: String],
                     organisers: [Organisation], status: HTTPStatus = .ok) -> Page {
        let lang = t.language
        let title = meeting == nil ? t(.meetingNew) : t(.meetingEdit)
        let action = meeting.map { SiteURL.meetingEdit($0.id!).path(lang) } ?? SiteURL.meetings(process.id!).path(lang)
        return Page(title: title, content: H.group([
            H.p([], H.a(t.text(process.title), href: SiteURL.process(process.id!).path(lang))),
            H.h1(title),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.el("form", [.action(action), .postMethod, .cls("stack")], [
                CSRFField(),
                MeetingForm.titles.inputs(t, value: form.title, errors: errors),
                MeetingForm.descriptions.inputs(t, value: form.description, errors: errors),
                FormField.select("kind", label: t(.fieldMeetingKind), options: MeetingKind.allCases.map { ($0.rawValue, kindLabel(t, $0)) }, selected: form.kind, error: errors["kind"]),
                FormField.input("address", label: t(.fieldAddress), value: form.address, error: errors["address"]),
                FormField.input("link", label: t(.fieldMeetingLink), value: form.link, type: "url", error: errors["link"], extra: [.dir("ltr")]),
                FormField.input("starts", label: t(.fieldStartsAt), value: form.starts, type: "datetime-local", error: errors["starts"], hint: t(.moroccoTimeHint), required: true),
                FormField.input("ends", label: t(.fieldEndsAt), value: form.ends, type: "datetime-local", error: errors["ends"], required: true),
                FormField.input("capacity", label: t(.fieldCapacity), value: form.capacity, type: "number", error: errors["capacity"], required: true, extra: [.attr("min", "1")]),
                FormField.checkbox("registration_open", label: t(.fieldRegistrationOpen), checked: form.registrationOpen),
                H.el("fieldset", [], [H.el("legend", [], [H.text(t(.fieldRegistrationTerms))]), H.p(t(.termsLanguagesHint), [.cls("hint")]),
                                      MeetingForm.termsFields.inputs(t, value: form.terms, errors: errors)]),
                FormField.select("organiser", label: t(.fieldOrganiser), options: organisers.map { ($0.id!.uuidString, t.text($0.name)) }, selected: form.organiser, error: errors["organiser"]),
                H.button(t(.save)),
            ]),
        ]), status: status)
    }

    /// A registration the workshop refused, drawn again as it was sent.
    struct RegistrationAttempt {
        let onBehalf: String
        var errors: [String: String] = [:]
    }

    struct ShowData {
        let meeting: MeetingView
        let now: Date
        let signedIn: Bool
        let mine: MeetingPageQuery.Mine?
        let stats: MeetingStats
        let canEdit: Bool
        let files: [(name: String, sha256: String)]
        let proposals: [ProposalView.Link]
        /// The viewer's organisations, on whose behalf they may register.
        let organisations: [(id: UUID, name: LocalizedText)]
        let provinces: [ProvinceItem]
        let comments: CommentViews.Section
        let follow: HNode
        var registration: RegistrationAttempt? = nil
    }

    static func show(_ t: Localizer, _ d: ShowData) -> Page {
        let lang = t.language
        let m = d.meeting
        let id = m.id
        let free = max(0, m.capacity - d.stats.registered)
        let names = Dictionary(uniqueKeysWithValues: d.provinces.map { ($0.code, t.text($0.name)) })
        return Page(title: t.text(m.title), content: H.group([
            H.p([], H.a(t(.meetingsTitle), href: SiteURL.meetings(m.processID).path(lang))),
            H.el("h1", [], [LangText.node(m.title.resolve(for: lang), page: lang, t)]),
            H.p([.cls("actions")],
                d.canEdit ? H.a(t(.meetingEdit), href: SiteURL.meetingEdit(id).path(lang), [.cls("button")]) : H.empty,
                d.canEdit ? H.a(t(.attendanceTitle), href: SiteURL.meetingAttendance(id).path(lang), [.cls("button secondary")]) : H.empty,
                d.canEdit ? H.a(t(.attendeesExport), href: SiteURL.meetingAttendees(id).path(lang), [.cls("button secondary")]) : H.empty,
                d.canEdit && d.now >= m.startsAt ? H.a(t(.minutesWrite), href: SiteURL.meetingMinutes(id).path(lang), [.cls("button secondary")]) : H.empty,
                H.a(t(.calendarAdd), href: SiteURL.meetingICS(id).path(lang), [.cls("button secondary")]),
                d.follow),
            H.dl([
                (t(.fieldDate), H.text(when(t, starts: m.startsAt, ends: m.endsAt))),
                (t(.fieldMeetingKind), H.text(kindLabel(t, m.kind))),
                (t(.fieldAddress), m.address.isEmpty ? H.text("—") : H.text(m.address)),
                (t(.fieldMeetingLink), m.link.isEmpty ? H.text("—") : H.el("a", [.href(SafeURL.http(m.link) ?? "#"), .attr("rel", "nofollow noopener")], [H.el("bdi", [], [H.text(m.link)])])),
                (t(.fieldOrganiser), H.a(t.text(m.organiserName), href: SiteURL.organisation(m.organiserID).path(lang))),
                (t(.fieldCapacity), H.text(t(.meetingPlaces, ["free": t.number(free), "capacity": t.number(m.capacity)]))),
            ]),
            ProcessPages.paragraphs(m.description.resolve(for: lang), t),
            registration(t, d, free: free),
            H.el("section", [.aria("labelledby", "balance-title")], [
                H.h2(t(.meetingBalance), [.id("balance-title")]),
                H.p(t(.meetingCounts, ["registered": t.number(d.stats.registered), "waiting": t.number(d.stats.waiting), "attended": t.number(d.stats.attended)])),
                d.stats.registered == 0 ? H.empty : H.group([
                    H.table(caption: t(.dashboardBySector), headers: [t(.fieldSector), t(.registrationRegistered), t(.attendanceAttended)],
                            rows: (Sector.Family.allCases.map(\.rawValue) + ["citizen"]).compactMap { f in
                                d.stats.byFamily[f].map { [H.text(t.family(Sector.Family(rawValue: f))), H.text(t.number($0.registered)), H.text(t.number($0.attended))] }
                            }),
                    H.table(caption: t(.dashboardByProvince), headers: [t(.fieldProvince), t(.registrationRegistered), t(.attendanceAttended)],
                            rows: d.stats.byProvince.sorted { ($0.key ?? "~") < ($1.key ?? "~") }.map { code, v in
                                [H.text(code.flatMap { names[$0] } ?? t(.provinceUnknown)), H.text(t.number(v.registered)), H.text(t.number(v.attended))]
                            }),
                ]),
            ]),
            minutes(t, d),
            CommentViews.section(t, d.comments),
        ]), status: d.registration == nil ? .ok : .unprocessableEntity)
    }

    private static func registration(_ t: Localizer, _ d: ShowData, free: Int) -> HNode {
        let lang = t.language
        let m = d.meeting
        let id = m.id
        var body: [HNode] = [H.h2(t(.registrationTitle), [.id("registration-title")])]
        let open = m.processStatus == .published && MeetingRules.canRegister(open: m.registrationOpen, starts: m.startsAt, now: d.now)
        if let mine = d.mine {
            body.append(mine.status == .registered
                ? H.p([.cls("notice")], H.text(t(.registrationYours) + " "), H.strong(mine.code))
                : H.p(t(.registrationWaitingPosition, ["n": t.number(mine.waitingPosition ?? 1)]), [.cls("notice")]))
            if d.now < m.startsAt {
                body.append(H.el("form", [.action(SiteURL.meetingCancel(id).path(lang)), .postMethod], [CSRFField(), H.button(t(.registrationCancel), [.cls("secondary")])]))
            }
        } else if !open {
            body.append(H.p(t(.registrationClosedText), [.cls("muted")]))
        } else if !d.signedIn {
            body.append(H.p([], H.a(t(.registrationLogin), href: SiteURL.login.path(lang) + "?next=" + SiteURL.meeting(id).path(lang))))
        } else {
            body.append(H.p(free > 0 ? t(.meetingPlaces, ["free": t.number(free), "capacity": t.number(m.capacity)]) : t(.registrationFullText), [.cls("muted")]))
            let errors = d.registration?.errors ?? [:]
            body.append(FormField.errorSummary(errors, title: t(.formHasErrors),
                                               fields: [("on_behalf", t(.fieldRegisterAs)), ("accept_terms", t(.registrationAcceptTerms))]))
            body.append(H.el("form", [.action(SiteURL.meetingRegister(id).path(lang)), .postMethod, .cls("stack")], [
                CSRFField(),
                d.organisations.isEmpty ? H.empty : FormField.select("on_behalf", label: t(.fieldRegisterAs), options: d.organisations.map { ($0.id.uuidString, t.text($0.name)) },
                                                                     selected: d.registration?.onBehalf, error: errors["on_behalf"], includeBlank: t(.onBehalfMyself)),
                m.terms.resolve(for: lang).map { terms in H.group([
                    UserText.mark(t, terms.text, recorded: terms.language),
                    H.el("div", [.cls("terms")], [ProposalPages.body(terms.text, language: terms.language, cls: "terms-text")]),
                    FormField.checkbox("accept_terms", label: t(.registrationAcceptTerms), error: errors["accept_terms"]),
                ]) } ?? H.empty,
                H.button(free > 0 ? t(.registrationSubmit) : t(.registrationJoinWaiting)),
            ]))
        }
        return H.el("section", [.id("registration"), .aria("labelledby", "registration-title")], body)
    }

    private static func minutes(_ t: Localizer, _ d: ShowData) -> HNode {
        let lang = t.language
        guard d.meeting.minutesAt != nil else { return H.empty }
        return H.el("section", [.id("minutes"), .aria("labelledby", "minutes-title")], [
            H.h2(t(.minutesTitle), [.id("minutes-title")]),
            ProposalPages.body(d.meeting.minutes, language: nil, cls: "minutes-body"),
            d.meeting.decisions.isEmpty ? H.empty : H.group([H.h3(t(.fieldDecisions)), ProposalPages.body(d.meeting.decisions, language: nil, cls: "minutes-body")]),
            d.files.isEmpty ? H.empty : H.group([H.h3(t(.fieldAttachment)), H.ul([], d.files.map { H.a($0.name, href: SiteURL.file($0.sha256, name: $0.name)) })]),
            d.proposals.isEmpty ? H.empty : H.group([H.h3(t(.minutesProposals)), H.ul([], d.proposals.map { H.a($0.title, href: SiteURL.proposal($0.id).path(lang)) })]),
        ])
    }

    static func attendance(_ t: Localizer, meeting: Meeting, process: ParticipatoryProcess, registrations: [MeetingRegistration]) -> Page {
        let lang = t.language
        let registered = registrations.filter { $0.statusValue == .registered }
        let waiting = registrations.filter { $0.statusValue == .waiting }
        return Page(title: t(.attendanceTitle), content: H.group([
            H.p([], H.a(t.text(meeting.title), href: SiteURL.meeting(meeting.id!).path(lang))),
            H.h1(t(.attendanceTitle)),
            H.p([], H.a(t(.attendeesExport), href: SiteURL.meetingAttendees(meeting.id!).path(lang))),
            registered.isEmpty ? H.p(t(.attendanceEmpty), [.cls("muted")]) :
                H.el("form", [.action(SiteURL.meetingAttendance(meeting.id!).path(lang)), .postMethod, .cls("stack")], [
                    CSRFField(),
                    H.el("fieldset", [], [H.el("legend", [], [H.text(t(.attendanceAttended))])] + registered.map { r in
                        H.div([.cls("field")], H.el("label", [.for("a-\(r.id!)")], [
                            H.void("input", [.id("a-\(r.id!)"), .type("checkbox"), .name("attended[]"), .value(r.id!.uuidString), .flag("checked", r.attended)]),
                            H.text(" "), H.bdi(r.user.isDeleted ? t(.deletedUser) : r.user.name), H.text(" · "),
                            H.bdi(r.organisation.map { t.text($0.name) } ?? t.family(nil)), H.text(" · "),
                            H.el("code", [], [H.text(r.code)]),
                        ]))
                    }),
                    H.button(t(.save)),
                ]),
            waiting.isEmpty ? H.empty : H.group([
                H.h2(t(.registrationWaitingShort)),
                H.el("ol", [], waiting.map { H.el("li", [], [H.bdi($0.user.isDeleted ? t(.deletedUser) : $0.user.name)]) }),
            ]),
        ]))
    }

    static func minutes(_ t: Localizer, meeting: Meeting, process: ParticipatoryProcess, minutes: String, decisions: String,
                        candidates: [ProposalCandidates.Item], linked: Set<UUID>, errors: [String: String], status: HTTPStatus = .ok) -> Page {
        let lang = t.language
        return Page(title: t(.minutesTitle), content: H.group([
            H.p([], H.a(t.text(meeting.title), href: SiteURL.meeting(meeting.id!).path(lang))),
            H.h1(t(.minutesTitle)),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.el("form", [.action(SiteURL.meetingMinutes(meeting.id!).path(lang)), .postMethod, .cls("stack"), .attr("enctype", "multipart/form-data")], [
                CSRFField(),
                FormField.textarea("minutes", label: t(.minutesTitle), value: minutes, error: errors["minutes"], rows: 12, required: true, hint: t.lengthHint(10, 20_000), maxLength: 20_000),
                FormField.textarea("decisions", label: t(.fieldDecisions), value: decisions, error: errors["decisions"], rows: 6, maxLength: 10_000),
                FormField.input("attachment", label: t(.fieldAttachmentOptional), type: "file", error: errors["attachment"], hint: t(.attachmentHint)),
                candidates.isEmpty ? H.empty : PickList.fieldset(t, name: "proposals", legend: t(.minutesProposals), options: candidates.map { $0.option(t) },
                                                                 checked: Set(linked.map(\.uuidString)), error: errors["proposals"]),
                H.button(t(.save)),
            ]),
        ]), status: status)
    }
}
