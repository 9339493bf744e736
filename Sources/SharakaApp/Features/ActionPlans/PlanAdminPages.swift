import SharakaCore
import Vapor

enum PlanAdminPages {
    /// The amendment box, shown when the plan is frozen.
    private static func amendment(_ t: Localizer, _ plan: ActionPlan?, reason: String, errors: [String: String]) -> HNode {
        guard let plan, plan.statusValue.isFrozen else { return H.empty }
        return H.group([
            H.p(t(.planFrozenNote), [.cls("notice")]),
            FormField.textarea("amendment_reason", label: t(.fieldAmendmentReason), value: reason, error: errors["amendment_reason"], rows: 2, required: true,
                               hint: t.lengthHint(PlanAmendment.reasonLength.lowerBound, PlanAmendment.reasonLength.upperBound), maxLength: PlanAmendment.reasonLength.upperBound),
        ])
    }

    static func planForm(_ t: Localizer, plan: ActionPlan?, form: PlanForm, errors: [String: String], bodies: [Organisation],
                         processes: [ParticipatoryProcess], reason: String = "", status: HTTPStatus = .ok) -> Page {
        let lang = t.language
        let title = plan == nil ? t(.planNew) : t(.planEdit)
        let action = plan.map { SiteURL.planEdit($0.id!).path(lang) } ?? SiteURL.planNew.path(lang)
        return Page(title: title, content: H.group([
            H.h1(title),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.el("form", [.action(action), .postMethod, .cls("stack")], [
                CSRFField(),
                amendment(t, plan, reason: reason, errors: errors),
                PlanForm.titles.inputs(t, value: form.title, errors: errors),
                PlanForm.descriptions.inputs(t, value: form.description, errors: errors),
                FormField.input("period_start", label: t(.fieldPeriodStart), value: form.periodStart, type: "number", error: errors["period_start"], required: true),
                FormField.input("period_end", label: t(.fieldPeriodEnd), value: form.periodEnd, type: "number", required: true),
                FormField.select("adopting_body", label: t(.fieldAdoptingBody), options: bodies.map { ($0.id!.uuidString, $0.name.resolve(for: lang)?.text ?? "") },
                                 selected: form.adoptingBody, error: errors["adopting_body"]),
                FormField.select("process", label: t(.fieldProcess), options: processes.map { ($0.id!.uuidString, $0.title.resolve(for: lang)?.text ?? "") },
                                 selected: form.process, error: errors["process"], includeBlank: t(.choiceNone)),
                H.button(t(.save)),
            ]),
        ]), status: status)
    }

    static func commitmentForm(_ t: Localizer, plan: ActionPlan, commitment: Commitment?, form: CommitmentForm, errors: [String: String],
                               ctx: PlanAdminController.CommitmentContext, reason: String = "", status: HTTPStatus = .ok) -> Page {
        let lang = t.language
        let title = commitment == nil ? t(.commitmentNew) : t(.commitmentEdit)
        let action = commitment.map { SiteURL.commitmentEdit($0.id!).path(lang) } ?? SiteURL.commitmentNew(plan.id!).path(lang)
        func checkboxes(_ name: String, legend: String, _ options: [(String, String)], checked: [String], error: String?) -> HNode {
            H.el("fieldset", [], [H.el("legend", [], [H.text(legend)]), error.map { H.span($0, [.cls("field-error")]) } ?? H.empty]
                 + options.map { FormField.checkbox("\(name)[]", label: $0.1, checked: checked.contains($0.0), idSuffix: "\(name)-\($0.0)", value: $0.0) })
        }
        return Page(title: title, content: H.group([
            H.p([], H.el("a", [.href(SiteURL.plan(plan.id!).path(lang))], [LangText.node(plan.title.resolve(for: lang), page: lang, t)])),
            H.h1(title),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.el("form", [.action(action), .postMethod, .cls("stack")], [
                CSRFField(),
                amendment(t, plan, reason: reason, errors: errors),
                FormField.input("reference", label: t(.fieldReference), value: form.reference, error: errors["reference"], required: true, extra: [.dir("ltr")]),
                CommitmentForm.titles.inputs(t, value: form.title, errors: errors),
                CommitmentForm.problems.inputs(t, value: form.problem, errors: errors),
                CommitmentForm.causes.inputs(t, value: form.causes, errors: errors),
                CommitmentForm.solutions.inputs(t, value: form.solution, errors: errors),
                CommitmentForm.changes.inputs(t, value: form.change, errors: errors),
                checkboxes("values", legend: t(.fieldOGPValues), OGPValue.allCases.map { ($0.rawValue, t.ogpValue($0)) }, checked: form.values, error: errors["values"]),
                FormField.select("theme", label: t(.fieldTheme), options: ProposalTheme.allCases.map { ($0.rawValue, t.theme($0)) }, selected: form.theme, error: errors["theme"]),
                // The lead body is an organisation of the platform, so that one council is one body
                // on every page; a name written in an imported plan is shown until one is chosen.
                FormField.select("lead_organisation", label: t(.fieldLeadBody), options: ctx.organisations.map { ($0.id!.uuidString, $0.name.resolve(for: lang)?.text ?? "") },
                                 selected: form.leadOrganisation, error: errors["lead_organisation"], includeBlank: form.leadBody.isEmpty ? "—" : form.leadBody),
                H.group(CommitmentForm.actorKinds.map { kind, label in
                    FormField.textarea("actors_\(kind.rawValue)", label: t(label), value: form.actors[kind] ?? "", error: errors["actors_\(kind.rawValue)"], rows: 2)
                }),
                checkboxes("provinces", legend: t(.fieldProvince), ctx.provinces.map { ($0.code, $0.name.resolve(for: lang)?.text ?? $0.code) }, checked: form.provinces, error: errors["provinces"]),
                FormField.input("starts", label: t(.fieldStarts), value: form.starts, type: "date", error: errors["starts"], required: true),
                FormField.input("ends", label: t(.fieldEnds), value: form.ends, type: "date", error: errors["ends"], required: true),
                FormField.input("budget", label: t(.fieldBudget) + " (MAD)", value: form.budget, error: errors["budget"], extra: [.attr("inputmode", "decimal"), .dir("ltr")]),
                FormField.input("contact", label: t(.fieldContact), value: form.contact, error: errors["contact"]),
                ctx.proposals.isEmpty ? H.empty : PickList.fieldset(t, name: "proposals", legend: t(.fieldLinkedProposals), options: ctx.proposals.map { $0.option(t) },
                                                                    checked: Set(form.proposals), error: errors["proposals"]),
                H.button(t(.save)),
            ]),
        ]), status: status)
    }

    static func milestoneForm(_ t: Localizer, plan: ActionPlan, commitment c: Commitment, milestone: Milestone?, form: MilestoneForm,
                              errors: [String: String], organisations: [Organisation], reason: String = "", status: HTTPStatus = .ok) -> Page {
        let lang = t.language
        let title = milestone == nil ? t(.milestoneNew) : t(.milestoneEdit)
        let action = milestone.map { SiteURL.milestoneEdit($0.id!).path(lang) } ?? SiteURL.milestoneNew(c.id!).path(lang)
        return Page(title: title, content: H.group([
            H.p([], H.a(c.reference, href: SiteURL.commitment(c.id!).path(lang))),
            H.h1(title),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            H.el("form", [.action(action), .postMethod, .cls("stack")], [
                CSRFField(),
                amendment(t, plan, reason: reason, errors: errors),
                MilestoneForm.titles.inputs(t, value: form.title, errors: errors),
                MilestoneForm.deliverables.inputs(t, value: form.deliverable, errors: errors),
                FormField.input("responsible_body", label: t(.fieldResponsible), value: form.responsibleBody, error: errors["responsible_body"], required: true),
                FormField.select("responsible_organisation", label: t(.fieldLeadOrganisation), options: organisations.map { ($0.id!.uuidString, $0.name.resolve(for: lang)?.text ?? "") },
                                 selected: form.responsibleOrganisation, error: errors["responsible_organisation"], includeBlank: t(.choiceNone)),
                FormField.input("starts", label: t(.fieldStarts), value: form.starts, type: "date", error: errors["starts"], required: true),
                FormField.input("ends", label: t(.fieldEnds), value: form.ends, type: "date", error: errors["ends"], required: true),
                FormField.input("weight", label: t(.fieldWeight), value: form.weight, type: "number", error: errors["weight"], required: true,
                                extra: [.attr("min", "1"), .attr("max", "100")]),
                H.button(t(.save)),
            ]),
        ]), status: status)
    }

    static func revisions(_ t: Localizer, plan: ActionPlan, revisions: [PlanRevision]) -> Page {
        let lang = t.language
        return Page(title: t(.revisionsTitle), content: H.group([
            H.p([], H.el("a", [.href(SiteURL.plan(plan.id!).path(lang))], [LangText.node(plan.title.resolve(for: lang), page: lang, t)])),
            H.h1(t(.revisionsTitle)),
            revisions.isEmpty ? H.p(t(.historyEmpty), [.cls("muted")]) : H.table(
                caption: t(.revisionsTitle), headers: ["#", t(.historyWhen), t(.historyWho), t(.fieldAmendmentReason), t(.revisionsCompare)],
                rows: revisions.map { r in
                    [H.text(t(.revisionLabel, ["n": String(r.number)])), H.text(t.date(r.createdAt)), H.text(r.author?.name ?? "—"),
                     H.el("span", [.attr("dir", "auto")], [H.text(r.reason)]),
                     r.number > 1 ? H.a("\(r.number - 1) → \(r.number)", href: SiteURL.planCompare(plan.id!).path(lang) + "?from=\(r.number - 1)&to=\(r.number)") : H.text("—")]
                }),
        ]))
    }

    static func compare(_ t: Localizer, plan: ActionPlan, from: PlanRevision, to: PlanRevision, changes: [RevisionDiff.Change], reading: HistoryReading) -> Page {
        let lang = t.language
        let title = "\(t(.revisionsCompare)): \(t(.revisionLabel, ["n": String(from.number)])) → \(t(.revisionLabel, ["n": String(to.number)]))"
        return Page(title: title, content: H.group([
            H.p([], H.a(t(.revisionsTitle), href: SiteURL.planRevisions(plan.id!).path(lang))),
            H.h1(title),
            H.p([.cls("history-text")] + UserText.attributes(to.reason, recorded: nil), H.text(to.reason)),
            changes.isEmpty ? H.p(t(.revisionsNoChange)) : H.el("div", [.cls("changes")], changes.map { change in
                let path = RevisionPath(change.path)
                let (what, before, after): (String, String?, String?) = switch change {
                case .added(_, let value): (t(.revisionAdded), nil, value)
                case .removed(_, let value): (t(.revisionRemoved), value, nil)
                case .changed(_, let a, let b): (t(.revisionChanged), a, b)
                }
                return H.el("div", [.cls("change")], [
                    H.el("p", [.cls("change-field")], [path.label(reading), H.text(" · " + what)]),
                    H.el("div", [.cls("change-before")], [H.span(t(.historyBefore), [.cls("change-tag")]),
                                                          before.map { H.el("del", [], [reading.value(path.key, $0, kind: path.kind)]) } ?? H.text("—")]),
                    H.el("div", [.cls("change-after")], [H.span(t(.historyAfter), [.cls("change-tag")]),
                                                         after.map { H.el("ins", [], [reading.value(path.key, $0, kind: path.kind)]) } ?? H.text("—")]),
                ])
            }),
        ]))
    }
}

/// A field's path in a plan revision ("plan/title/ar", "OR-2025-01/milestone 2/starts"): what
/// it belongs to and which field it is, read for the public.
struct RevisionPath {
    /// The commitment's reference, or nil for the plan itself.
    let commitment: String?
    let milestone: String?
    let key: String

    var kind: String { milestone != nil ? "milestone" : commitment == nil ? "plan" : "commitment" }

    init(_ path: String) {
        var parts = path.split(separator: "/").map(String.init)
        if parts.count >= 2, Language(rawValue: parts[parts.count - 1]) != nil {
            key = parts[parts.count - 2] + "/" + parts[parts.count - 1]
            parts.removeLast(2)
        } else {
            key = parts.popLast() ?? path
        }
        commitment = parts.first.flatMap { $0 == "plan" ? nil : $0 }
        milestone = parts.count > 1 ? parts[1].split(separator: " ").last.map(String.init) : nil
    }

    func label(_ reading: HistoryReading) -> HNode {
        let t = reading.t
        var parts: [HNode] = [H.text(commitment == nil ? t(.historyObjectPlan) : t(.historyObjectCommitment) + " "), commitment.map { H.bdi($0) } ?? H.empty]
        if let milestone { parts.append(H.text(" · " + t(.historyObjectMilestone) + " " + milestone)) }
        parts.append(H.text(" — " + reading.label(key)))
        return H.group(parts)
    }
}
