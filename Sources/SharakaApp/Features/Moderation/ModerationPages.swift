import SharakaCore
import Vapor

enum ModerationPages {
    struct Item {
        let content: ModeratedContent
        let reports: [Report]
        let author: User?
    }

    static func reasonLabel(_ t: Localizer, _ r: ReportReason?) -> String {
        switch r {
        case .spam: t(.reportSpam)
        case .offensive: t(.reportOffensive)
        case .offTopic: t(.reportOffTopic)
        case .personalData: t(.reportPersonalData)
        case .other, nil: t(.reportOther)
        }
    }

    static func actionLabel(_ t: Localizer, _ a: ModerationAction?) -> String {
        switch a {
        case .hide, nil: t(.moderationHide)
        case .restore: t(.moderationRestore)
        case .block: t(.moderationBlock)
        }
    }

    /// A report as it was sent, with what was wrong with it, field by field.
    struct ReportAttempt {
        var reason = ""
        var details = ""
        var errors: [String: String] = [:]
    }

    /// The "report" disclosure under a proposal or a comment; works without JavaScript.
    static func reportForm(_ t: Localizer, _ kind: ReportTarget, _ id: UUID) -> HNode {
        H.el("details", [.cls("report")], [
            H.el("summary", [], [H.text(t(.reportTitle))]),
            reportFields(t, kind, id, suffix: "\(kind.rawValue)-\(id.uuidString.prefix(8))", attempt: .init()),
        ])
    }

    /// A refused report on a page of its own: the content it is about, the form as it was
    /// sent and the reason beside each field, so that nothing typed is lost.
    static func refusedReport(_ t: Localizer, _ content: ModeratedContent, attempt: ReportAttempt) -> Page {
        let lang = t.language
        return Page(title: t(.reportTitle), content: H.group([
            H.h1(t(.reportTitle)),
            FormField.errorSummary(attempt.errors, title: t(.formHasErrors),
                                   fields: [("reason", t(.fieldReportReason)), ("details", t(.fieldReportDetails))]),
            H.p([.cls("muted")], H.text(kindLabel(t, content.kind) + " : "),
                H.a(content.excerpt, href: content.page.path(lang) + content.anchor, UserText.attributes(content.excerpt, recorded: nil))),
            reportFields(t, content.kind, content.id, suffix: nil, attempt: attempt),
        ]), status: .unprocessableEntity)
    }

    private static func reportFields(_ t: Localizer, _ kind: ReportTarget, _ id: UUID, suffix: String?, attempt: ReportAttempt) -> HNode {
        H.el("form", [.action(SiteURL.report.path(t.language)), .postMethod, .cls("stack")], [
            CSRFField(),
            H.void("input", [.type("hidden"), .name("target_kind"), .value(kind.rawValue)]),
            H.void("input", [.type("hidden"), .name("target_id"), .value(id.uuidString)]),
            // Nothing chosen in advance: a report says what the reporter saw, not a default.
            FormField.select("reason", label: t(.fieldReportReason), options: ReportReason.allCases.map { ($0.rawValue, reasonLabel(t, $0)) },
                             selected: attempt.reason, error: attempt.errors["reason"], includeBlank: t(.choiceChoose), idSuffix: suffix, required: true),
            FormField.textarea("details", label: t(.fieldReportDetails), value: attempt.details, error: attempt.errors["details"], rows: 2, idSuffix: suffix,
                               hint: t.lengthHint(0, ModerationRules.detailsLength.upperBound), maxLength: ModerationRules.detailsLength.upperBound),
            H.button(t(.reportSubmit), [.cls("secondary")]),
        ])
    }

    static func kindLabel(_ t: Localizer, _ k: ReportTarget) -> String { k == .proposal ? t(.kindProposal) : t(.kindComment) }

    static func queue(_ t: Localizer, items: [Item], total: Int, page: PageRequest, log: [ModerationDecision]) -> Page {
        let lang = t.language
        return Page(title: t(.moderationTitle), content: H.group([
            H.h1(t(.moderationTitle)),
            H.p(t(.moderationIntro), [.cls("muted")]),
            items.isEmpty ? H.p(t(.moderationEmpty), [.cls("empty")]) : H.el("ol", [.cls("cards")], items.map { item in
                let c = item.content
                let reasons = Dictionary(grouping: item.reports, by: \.reason).map { "\(reasonLabel(t, ReportReason(rawValue: $0.key))) × \(t.number($0.value.count))" }.sorted()
                return H.el("li", [.cls("card")], [
                    H.p([.cls("muted")], H.text("\(kindLabel(t, c.kind)) · "), H.bdi(item.author.map { $0.isDeleted ? t(.deletedUser) : $0.name } ?? "—"), H.text(" · "),
                        H.strong(c.hiddenAt == nil ? t(.moderationStateVisible) : t(.moderationStateHidden))),
                    H.p(UserText.attributes(c.excerpt, recorded: nil), H.a(c.excerpt, href: c.page.path(lang) + c.anchor)),
                    H.p("\(t.plural(.reportsCount, item.reports.count)) — \(t.list(reasons))"),
                    H.el("ul", [.cls("report-details")], item.reports.filter { !$0.details.isEmpty }.map { H.el("li", UserText.attributes($0.details, recorded: nil), [H.text($0.details)]) }),
                    H.el("form", [.action(SiteURL.moderationDecide(c.id).path(lang)), .postMethod, .cls("stack")], [
                        CSRFField(),
                        H.void("input", [.type("hidden"), .name("target_kind"), .value(c.kind.rawValue)]),
                        FormField.textarea("reason", label: t(.fieldDecisionReason), rows: 2, required: true, idSuffix: String(c.id.uuidString.prefix(8)), maxLength: ModerationRules.decisionReasonLength.upperBound),
                        H.div([.cls("actions")], children: ModerationAction.allCases.map { a in
                            H.el("button", [.type("submit"), .name("action"), .value(a.rawValue), .cls(a == .restore ? "secondary" : "")], [H.text(actionLabel(t, a))])
                        }),
                    ]),
                ])
            }),
            Pagination.nav(t, page: page, total: total) { SiteURL.moderation.path(lang) + "?page=\($0)" },
            H.h2(t(.moderationLog)),
            log.isEmpty ? H.p(t(.moderationEmpty), [.cls("muted")]) :
                H.table(caption: t(.moderationLog), headers: [t(.fieldDate), t(.moderationDecision), t(.fieldDecisionReason), t(.moderationBy)],
                        rows: log.map { d in
                            [H.text(t.date(d.createdAt)), H.text("\(actionLabel(t, ModerationAction(rawValue: d.action))) · \(ReportTarget(rawValue: d.targetKind).map { kindLabel(t, $0) } ?? "")"),
                             d.moderator == nil ? H.text(t(.moderationAuto)) : UserText.line("span", d.reason), H.bdi(d.moderator?.name ?? "—")]
                        }),
        ]))
    }
}
