import SharakaCore
import Vapor

enum AssessmentPages {
    private static func back(_ t: Localizer, _ plan: ActionPlan) -> HNode { back(t, id: plan.id!, title: plan.title) }

    private static func back(_ t: Localizer, id: UUID, title: LocalizedText) -> HNode {
        H.p([], H.el("a", [.href(SiteURL.plan(id).path(t.language))], [LangText.node(title.resolve(for: t.language), page: t.language, t)]))
    }

    static func workspace(_ t: Localizer, plan: ActionPlan, commitments: [Commitment], drafted: Set<UUID>, errors: [String: String],
                          title: String = "", status: HTTPStatus = .ok) -> Page {
        let lang = t.language
        return Page(title: t(.assessmentWorkspace), content: H.group([
            back(t, plan),
            H.h1(t(.assessmentWorkspace)),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.table(caption: t(.commitmentsTitle), headers: [t(.fieldReference), t(.fieldTitle), t(.fieldStatus), ""], rows: commitments.map { c in
                [H.text(c.reference), LangText.node(c.title.resolve(for: lang), page: lang, t),
                 H.text(drafted.contains(c.id!) ? t(.assessmentDraft) : t(.assessmentNone)),
                 H.a(t(.assessmentEdit), href: SiteURL.commitmentAssessment(c.id!).path(lang))]
            }),
            H.el("form", [.action(SiteURL.planAssessmentPublish(plan.id!).path(lang)), .postMethod, .cls("stack")], [
                CSRFField(),
                FormField.input("title", label: t(.fieldReportTitle), value: title, error: errors["title"], required: true),
                H.button(t(.reportPublish)),
            ]),
        ]), status: status)
    }

    static func form(_ t: Localizer, commitment c: Commitment, plan: ActionPlan, form: AssessmentForm, errors: [String: String], status: HTTPStatus = .ok) -> Page {
        let lang = t.language
        let title = "\(t(.assessmentTitle)) · \(c.reference)"
        return Page(title: title, content: H.group([
            H.p([], H.a(c.reference, href: SiteURL.commitment(c.id!).path(lang)), H.text(" · "), H.a(t(.assessmentWorkspace), href: SiteURL.planAssessment(plan.id!).path(lang))),
            H.h1(title),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.el("form", [.action(SiteURL.commitmentAssessment(c.id!).path(lang)), .postMethod, .cls("stack")], [
                CSRFField(),
                FormField.select("verifiable", label: t(.fieldVerifiable), options: [("yes", t(.yes)), ("no", t(.no))], selected: form.verifiable,
                                 error: errors["verifiable"], includeBlank: "—"),
                H.el("fieldset", [], [H.el("legend", [], [H.text(t(.fieldRelevance))]), errors["relevance"].map { H.span($0, [.cls("field-error")]) } ?? H.empty]
                     + OGPValue.allCases.map { FormField.checkbox("relevance[]", label: t.ogpValue($0), checked: form.relevance.contains($0.rawValue),
                                                                  idSuffix: "relevance-\($0.rawValue)", value: $0.rawValue) }),
                FormField.select("potential_impact", label: t(.fieldPotentialImpact), options: PotentialImpact.allCases.map { ($0.rawValue, t.impact($0)) },
                                 selected: form.impact, error: errors["potential_impact"], includeBlank: "—"),
                FormField.select("completion", label: t(.fieldCompletionLevel), options: IRMCompletion.allCases.map { ($0.rawValue, t.irm($0)) },
                                 selected: form.completion ?? c.level.rawValue, error: errors["completion"]),
                FormField.select("did_it_open", label: t(.fieldDidItOpen), options: DidItOpenGovernment.allCases.map { ($0.rawValue, t.openGovernment($0)) },
                                 selected: form.didItOpen, error: errors["did_it_open"], includeBlank: "—"),
                FormField.textarea("narrative", label: t(.fieldNarrative), value: form.narrative, error: errors["narrative"], rows: 10, required: true, hint: t.lengthHint(50, 20_000), maxLength: 20_000),
                FormField.textarea("sources", label: t(.fieldSources), value: form.sources, error: errors["sources"], rows: 4, maxLength: 5000),
                H.button(t(.save)),
            ]),
        ]), status: status)
    }

    static func reports(_ t: Localizer, plan: PlanView, reports: [AssessmentReportView]) -> Page {
        let lang = t.language
        return Page(title: t(.reportsTitle), content: H.group([
            back(t, id: plan.id, title: plan.title),
            H.h1(t(.reportsTitle)),
            reports.isEmpty ? H.p(t(.reportsEmpty), [.cls("muted")]) : H.ul([], reports.map { r in
                H.group([H.a(r.title, href: SiteURL.assessmentReport(r.id).path(lang), [.attr("dir", "auto")]),
                         H.text(" — \(t(.reportPublishedOn, ["date": t.date(r.publishedAt)])) · \(r.reviewerName)")])
            }),
        ]))
    }

    static func report(_ t: Localizer, plan: PlanView, report: AssessmentReportView, assessments: [PublishedAssessment]) -> Page {
        let lang = t.language
        return Page(title: report.title, content: H.group([
            back(t, id: plan.id, title: plan.title),
            H.el("h1", [.attr("dir", "auto")], [H.text(report.title)]),
            H.p("\(t(.reportPublishedOn, ["date": t.date(report.publishedAt)])) · \(t(.roleReviewer)): \(report.reviewerName)"),
            H.table(caption: t(.assessmentTitle),
                    headers: [t(.fieldReference), t(.fieldVerifiable), t(.fieldPotentialImpact), t(.fieldCompletionLevel), t(.fieldDidItOpen)],
                    rows: assessments.map { a in
                        [H.a(a.reference, href: "#a-\(a.reference)"), H.text(a.verifiable ? t(.yes) : t(.no)),
                         H.text(PotentialImpact(rawValue: a.potentialImpact).map { t.impact($0) } ?? a.potentialImpact),
                         H.text(IRMCompletion(rawValue: a.completion).map { t.irm($0) } ?? a.completion),
                         H.text(DidItOpenGovernment(rawValue: a.didItOpen).map { t.openGovernment($0) } ?? a.didItOpen)]
                    }),
            H.group(assessments.map { a in
                H.el("section", [.id("a-\(a.reference)")], [
                    H.el("h2", [], [H.a(a.reference, href: SiteURL.commitment(a.commitmentID).path(lang)), H.text(" — "),
                                    LangText.node(a.commitmentTitle.resolve(for: lang), page: lang, t)]),
                    H.p("\(t(.fieldRelevance)): " + a.relevance.split(separator: ",").compactMap { OGPValue(rawValue: String($0)) }.map { t.ogpValue($0) }.joined(separator: " · ")),
                    H.el("div", [.cls("prose"), .attr("dir", "auto")], a.narrative.split(separator: "\n", omittingEmptySubsequences: true).map { H.p(String($0)) }),
                    a.sources.isEmpty ? H.empty : H.group([H.h3(t(.fieldSources)), H.el("p", [.attr("dir", "auto"), .cls("sources")], [H.text(a.sources)])]),
                ])
            }),
        ]))
    }
}
