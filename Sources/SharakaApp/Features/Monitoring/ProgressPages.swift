import SharakaCore
import Vapor

enum ProgressPages {
    static func form(_ t: Localizer, milestone m: Milestone, commitment c: Commitment, plan: ActionPlan, form: ProgressForm,
                     errors: [String: String], status: HTTPStatus = .ok) -> Page {
        let lang = t.language
        let title = t(.progressFor, ["title": m.title.resolve(for: lang)?.text ?? ""])
        let statuses = MilestoneStatus.allCases.filter { m.statusValue.canMove(to: $0) }
        return Page(title: title, content: H.group([
            H.p([], H.a(c.reference, href: SiteURL.commitment(c.id!).path(lang))),
            H.h1(title),
            H.p("\(t.milestoneStatus(m.statusValue)) · \(m.percent) %", [.cls("muted")]),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.el("form", [.action(SiteURL.milestoneProgress(m.id!).path(lang)), .postMethod, .cls("stack"), .attr("enctype", "multipart/form-data")], [
                CSRFField(),
                FormField.input("reported_on", label: t(.fieldReportedOn), value: form.reportedOn, type: "date", error: errors["reported_on"], required: true),
                FormField.textarea("text", label: t(.fieldProgressText), value: form.text, error: errors["text"], rows: 6, required: true,
                                   hint: t.lengthHint(MilestoneProgress.textLength.lowerBound, MilestoneProgress.textLength.upperBound), maxLength: MilestoneProgress.textLength.upperBound),
                FormField.input("percent", label: t(.fieldPercent), value: form.percent, type: "number", error: errors["percent"], required: true,
                                extra: [.attr("min", "0"), .attr("max", "100"), .attr("inputmode", "numeric")]),
                FormField.select("status", label: t(.fieldNewStatus), options: statuses.map { ($0.rawValue, t.milestoneStatus($0)) },
                                 selected: form.status?.rawValue, error: errors["status"]),
                FormField.textarea("cancel_reason", label: t(.fieldCancelReason), value: form.cancelReason, error: errors["cancel_reason"], rows: 2, maxLength: MilestoneProgress.cancelReasonLength.upperBound),
                FormField.input("evidence", label: t(.fieldEvidenceFile), type: "file", error: errors["evidence"],
                                extra: [.attr("accept", ".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.csv")]),
                FormField.input("link", label: t(.fieldEvidenceLink), value: form.link, type: "url", error: errors["link"], extra: [.dir("ltr")]),
                H.button(t(.progressNew)),
            ]),
        ]), status: status)
    }

    static func show(_ t: Localizer, _ p: ProgressView, comments: CommentViews.Section) -> Page {
        let lang = t.language
        let u = p.item
        let title = t(.progressFor, ["title": p.milestoneTitle.resolve(for: lang)?.text ?? ""])
        return Page(title: title, content: H.group([
            H.p([], H.a(p.commitmentReference, href: SiteURL.commitment(p.commitmentID).path(lang) + "#milestone-\(u.milestoneID)")),
            H.h1(title),
            H.p([], H.text("\(Day(iso: u.reportedOn).map { t.day($0) } ?? u.reportedOn) · "), H.el("bdi", [], [H.text(u.authorName)]),
                H.text(" · \(u.percent) % · \(t.milestoneStatus(u.statusAfter))")),
            H.el("p", [.attr("dir", "auto"), .cls("prose")], [H.text(u.text)]),
            u.evidence.isEmpty ? H.empty : H.group([H.h2(t(.evidenceTitle)), PlanPages.evidenceList(u.evidence)]),
            H.p("\(t(.completionLabel)): \(u.commitmentCompletion) % — \(t.irm(IRMCompletion.level(percent: u.commitmentCompletion)))"),
            CommentViews.section(t, comments),
        ]))
    }
}
