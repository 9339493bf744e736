import SharakaCore
import Vapor

enum PlanPages {
    /// The moves the plan may make from where it is. A move that cannot be undone asks for a
    /// confirmation and the decision it carries out; a refused one comes back with its message.
    static func statusMoves(_ t: Localizer, plan: PlanView, move: PlanMoveForm?) -> HNode {
        let lang = t.language
        var targets: [PlanStatus] = plan.status.next.map { [$0] } ?? []
        if plan.status == .consultation { targets.append(.draft) }
        guard !targets.isEmpty else { return H.empty }
        return H.el("section", [.cls("status-moves"), .aria("label", t(.fieldStatus))], targets.map { target in
            let errors = move?.target == target ? move!.errors : [:]
            let irreversible = PlanLifecycle.isIrreversible(from: plan.status, to: target)
            let suffix = target.rawValue
            return H.el("form", [.action(SiteURL.planStatus(plan.id).path(lang)), .postMethod, .cls(irreversible ? "stack" : "inline")], [
                CSRFField(), H.void("input", [.type("hidden"), .name("status"), .value(target.rawValue)]),
                errors["status"].map { H.p($0, [.cls("field-error"), .attr("role", "alert")]) } ?? H.empty,
                irreversible ? H.group([
                    H.p(t(.planMoveIrreversible), [.cls("muted")]),
                    FormField.textarea("decision", label: t(.planMoveDecision), value: move?.target == target ? move!.decision : "",
                                       error: errors["decision"], rows: 2, required: true, idSuffix: suffix),
                    FormField.checkbox("confirm", label: t(.planMoveConfirm), error: errors["confirm"], idSuffix: suffix),
                ]) : H.empty,
                H.button(t(.planMoveTo, ["status": t.planStatus(target)]), [.cls("secondary")]),
            ])
        })
    }

    static func index(_ t: Localizer, plans: [(plan: PlanView, commitments: Int)], canCreate: Bool) -> Page {
        let lang = t.language
        return Page(title: t(.plansTitle), content: H.group([
            H.h1(t(.plansTitle)),
            canCreate ? H.p([.cls("actions")], H.a(t(.planNew), href: SiteURL.planNew.path(lang), [.cls("button")])) : H.empty,
            plans.isEmpty ? H.p(t(.plansEmpty), [.cls("muted")]) : H.ul([.cls("cards")], plans.map { plan, count in
                H.group([
                    H.el("h2", [], [H.el("a", [.href(SiteURL.plan(plan.id).path(lang))], [LangText.node(plan.title.resolve(for: lang), page: lang, t)])]),
                    H.p("\(plan.period) · \(t.planStatus(plan.status)) · \(t.plural(.commitmentsCount, count))"),
                    H.p(plan.adoptingBodyName.resolve(for: lang)?.text ?? "", [.cls("muted")]),
                ])
            }),
        ]))
    }

    static func show(_ t: Localizer, plan: PlanView, commitments: [PlanCommitmentRow], canManage: Bool, canAssess: Bool = false,
                     documents: [(name: String, sha256: String)] = [], move: PlanMoveForm? = nil, documentError: String? = nil) -> Page {
        let lang = t.language
        let title = plan.title.resolve(for: lang)?.text ?? ""
        let fromProposals = commitments.filter(\.fromProposals).count
        let rows: [[HNode]] = commitments.map { c in
            [H.text(c.reference),
             H.el("a", [.href(SiteURL.commitment(c.id).path(lang))], [LangText.node(c.title.resolve(for: lang), page: lang, t)]),
             H.el("bdi", [], [H.text(c.leadBody.name(in: lang))]),
             H.text("\(c.completion) % — \(t.irm(c.level))"),
             H.text(c.fromProposals ? t(.fromProposals) : "—")]
        }
        return Page(title: title, content: H.group([
            H.p([], H.a(t(.plansTitle), href: SiteURL.plans.path(lang))),
            H.el("h1", [], [LangText.node(plan.title.resolve(for: lang), page: lang, t)]),
            canManage && plan.status != .closed ? H.el("div", [.cls("actions")], [
                H.a(t(.planEdit), href: SiteURL.planEdit(plan.id).path(lang), [.cls("button")]),
                H.a(t(.commitmentNew), href: SiteURL.commitmentNew(plan.id).path(lang), [.cls("button secondary")]),
            ]) : H.empty,
            canManage ? statusMoves(t, plan: plan, move: move) : H.empty,
            H.dl([
                (t(.fieldPeriod), H.text(plan.period)),
                (t(.fieldStatus), H.text(t.planStatus(plan.status))),
                (t(.fieldAdoptingBody), LangText.node(plan.adoptingBodyName.resolve(for: lang), page: lang, t)),
            ]),
            LangText.node(plan.description.resolve(for: lang), page: lang, t, tag: "p"),
            H.el("section", [.id("documents"), .aria("labelledby", "documents-title")], [
                H.el("h2", [.id("documents-title")], [H.text(t(.planDocuments))]),
                documents.isEmpty ? H.p(t(.planDocumentsEmpty), [.cls("muted")]) : H.ul([], documents.map { H.a($0.name, href: SiteURL.file($0.sha256, name: $0.name), [.attr("dir", "auto")]) }),
                canManage && plan.status != .closed ? H.el("form", [.action(SiteURL.planDocuments(plan.id).path(lang)), .postMethod, .cls("stack"), .attr("enctype", "multipart/form-data")], [
                    CSRFField(), FormField.input("document", label: t(.fieldDocument), type: "file", error: documentError, required: true),
                    H.button(t(.documentAdd), [.cls("secondary")]),
                ]) : H.empty,
            ]),
            H.h2(t(.commitmentsTitle)),
            H.p(t(.planFromProposals, ["n": t.number(fromProposals), "total": t.number(commitments.count)])),
            H.p([.cls("actions")], H.a(t(.planDashboard), href: SiteURL.planDashboard(plan.id).path(lang), [.cls("button secondary")]),
                H.a(t(.reportsTitle), href: SiteURL.planReports(plan.id).path(lang), [.cls("button secondary")]),
                canAssess ? H.a(t(.assessmentWorkspace), href: SiteURL.planAssessment(plan.id).path(lang), [.cls("button secondary")]) : H.empty),
            H.el("nav", [.aria("label", t(.exportsTitle)), .cls("exports")], [H.ul([.cls("nav-list")], [
                H.a(t(.exportCommitmentsCSV), href: SiteURL.planCommitmentsCSV(plan.id).path(lang)),
                H.a(t(.exportCommitmentsCSV) + " — " + t(.exportExcel), href: SiteURL.planCommitmentsCSV(plan.id).path(lang) + "?excel=1"),
                H.a(t(.exportMilestonesCSV), href: SiteURL.planMilestonesCSV(plan.id).path(lang)),
                H.a(t(.exportJSON), href: "/api/v1/plans/\(plan.id)"),
                H.a(t(.exportFeed), href: SiteURL.planFeed(plan.id).path(lang)),
                H.a(t(.exportPrint), href: SiteURL.planPrint(plan.id).path(lang)),
            ])]),
            plan.revision > 0 ? H.p([], H.a(t(.revisionsTitle) + " (\(plan.revision))", href: SiteURL.planRevisions(plan.id).path(lang))) : H.empty,
            commitments.isEmpty ? H.empty : H.table(caption: t(.commitmentsTitle),
                                                    headers: [t(.fieldReference), t(.fieldTitle), t(.fieldLeadBody), t(.completionLabel), t(.fromProposals)],
                                                    rows: rows),
        ]), status: move == nil && documentError == nil ? .ok : .unprocessableEntity)
    }

    /// The published independent assessment of a commitment, as its page summarises it.
    struct AssessmentSummary: Sendable {
        let completion: String
        let potentialImpact: String
        let didItOpen: String
        let reportID: UUID
        let reportTitle: String
    }

    static func commitment(_ t: Localizer, commitment c: CommitmentView, plan: PlanView, milestones: [MilestoneView], updates: [ProgressItem],
                           proposals: [ProposalView.Link], reportable: Set<UUID>, today: Day, canManage: Bool, assessment: AssessmentSummary? = nil) -> Page {
        let lang = t.language
        func text(_ l: LocalizedText) -> HNode { LangText.node(l.resolve(for: lang), page: lang, t, tag: "p") }
        func day(_ iso: String) -> String { Day(iso: iso).map { t.day($0) } ?? iso }
        let byMilestone = Dictionary(grouping: updates, by: \.milestoneID)
        let history = updates.sorted { $0.createdAt < $1.createdAt }
        return Page(title: "\(c.reference) · \(c.title.resolve(for: lang)?.text ?? "")", content: H.group([
            H.p([], H.el("a", [.href(SiteURL.plan(plan.id).path(lang))], [LangText.node(plan.title.resolve(for: lang), page: lang, t)])),
            H.el("h1", [], [H.text(c.reference + " — "), LangText.node(c.title.resolve(for: lang), page: lang, t)]),
            canManage ? H.el("div", [.cls("actions")], [
                H.a(t(.commitmentEdit), href: SiteURL.commitmentEdit(c.id).path(lang), [.cls("button")]),
                H.a(t(.milestoneNew), href: SiteURL.milestoneNew(c.id).path(lang), [.cls("button secondary")]),
            ]) : H.empty,
            H.p([.cls("completion")], H.strong("\(t(.completionLabel)): \(c.completion) %"), H.text(" — " + t.irm(c.level))),
            H.el("progress", [.attr("max", "100"), .value(String(c.completion)), .aria("label", t(.completionLabel))], [H.text("\(c.completion) %")]),
            H.dl([
                (t(.fieldLeadBody), c.leadOrganisationID.map { o in H.a(c.leadOrganisationName?.resolve(for: lang)?.text ?? c.leadBody, href: SiteURL.organisation(o).path(lang)) } ?? H.text(c.leadBody)),
                (t(.fieldSupportingActors), H.text(c.supportingActors.actors.map(\.name).joined(separator: t.comma))),
                (t(.fieldOGPValues), H.text(c.values.map { t.ogpValue($0) }.joined(separator: " · "))),
                (t(.fieldDates), H.text("\(day(c.startsOn)) – \(day(c.endsOn))")),
                (t(.fieldBudget), H.text(c.budget.map { $0.formatted(in: lang) } ?? "—")),
                (t(.fieldContact), H.text(c.contact.isEmpty ? "—" : c.contact)),
            ]),
            H.h2(t(.fieldProblem)), text(c.problem),
            c.causes.isEmpty ? H.empty : H.group([H.h2(t(.fieldCauses)), text(c.causes)]),
            H.h2(t(.fieldSolution)), text(c.solution),
            c.changes.isEmpty ? H.empty : H.group([H.h2(t(.fieldChanges)), text(c.changes)]),
            proposals.isEmpty ? H.empty : H.group([
                H.h2(t(.fromProposals)),
                H.ul([], proposals.map { H.a($0.title, href: SiteURL.proposal($0.id).path(lang), [.attr("dir", "auto")]) }),
            ]),
            H.h2(t(.milestonesTitle)),
            H.el("ol", [.cls("milestones")], milestones.map { m in
                let delayed = m.isDelayed(today: today)
                return H.el("li", [.id("milestone-\(m.id)"), .cls(delayed ? "milestone delayed" : "milestone")], [
                    H.el("h3", [], [LangText.node(m.title.resolve(for: lang), page: lang, t)]),
                    H.p([], H.strong(t.milestoneStatus(m.status)), H.text(" · \(m.percent) % · \(day(m.startsOn)) – \(day(m.endsOn)) · \(t(.fieldWeight)) \(m.weight)"),
                        delayed ? H.span(" " + t(.delayedMark), [.cls("badge warning")]) : H.empty),
                    m.cancelReason.isEmpty ? H.empty : H.p("\(t(.fieldCancelReason)): \(m.cancelReason)", [.attr("dir", "auto")]),
                    H.p("\(t(.fieldDeliverable)): \(m.deliverable.resolve(for: lang)?.text ?? "—") · \(t(.fieldResponsible)): \(m.responsibleBody)", [.cls("muted")]),
                    reportable.contains(m.id) ? H.a(t(.progressNew), href: SiteURL.milestoneProgress(m.id).path(lang), [.cls("button secondary")]) : H.empty,
                    canManage ? H.a(t(.milestoneEdit), href: SiteURL.milestoneEdit(m.id).path(lang), [.cls("button secondary")]) : H.empty,
                    updatesList(t, byMilestone[m.id] ?? []),
                ])
            }),
            assessment.map { a in
                H.el("aside", [.cls("notice assessment")], [
                    H.h2(t(.assessmentTitle)),
                    H.p("\(t(.fieldCompletionLevel)): \(IRMCompletion(rawValue: a.completion).map { t.irm($0) } ?? a.completion) · \(t(.fieldPotentialImpact)): \(PotentialImpact(rawValue: a.potentialImpact).map { t.impact($0) } ?? "") · \(t(.fieldDidItOpen)) \(DidItOpenGovernment(rawValue: a.didItOpen).map { t.openGovernment($0) } ?? "")"),
                    H.a(a.reportTitle, href: SiteURL.assessmentReport(a.reportID).path(lang) + "#a-\(c.reference)", [.attr("dir", "auto")]),
                ])
            } ?? H.empty,
            H.h2(t(.completionHistory)),
            history.isEmpty ? H.p(t(.progressEmpty), [.cls("muted")]) : H.table(
                caption: t(.completionHistory), headers: [t(.fieldReportedOn), t(.completionLabel)],
                rows: history.map { [H.text(day($0.reportedOn)), H.text("\($0.commitmentCompletion) % — \(t.irm(IRMCompletion.level(percent: $0.commitmentCompletion)))")] }),
            H.p([], H.a(t(.historyTitle), href: SiteURL.commitmentHistory(c.id).path(lang)), H.text(" · "),
                H.a(t(.exportFeed), href: SiteURL.commitmentFeed(c.id).path(lang))),
        ]))
    }

    private static func updatesList(_ t: Localizer, _ updates: [ProgressItem]) -> HNode {
        guard !updates.isEmpty else { return H.empty }
        return H.el("ul", [.cls("progress-updates")], updates.map { u in
            H.el("li", [], [
                H.p([], H.strong(Day(iso: u.reportedOn).map { t.day($0) } ?? u.reportedOn),
                    // bdi: an Arabic name must not reorder the figures around it on a French page
                    H.text(" · "), H.el("bdi", [], [H.text(u.authorName)]),
                    H.text(" · \(u.percent) % · \(t.milestoneStatus(u.statusAfter))")),
                H.el("p", [.attr("dir", "auto"), .cls("prose")], [H.text(u.text)]),
                H.p([], H.a(t(.commentsOnReport), href: SiteURL.progressUpdate(u.id).path(t.language) + "#comments")),
                u.evidence.isEmpty ? H.empty : H.group([H.small(t(.evidenceTitle)), evidenceList(u.evidence)]),
            ])
        })
    }

    /// Files link to the file store; links become hrefs only when http(s).
    static func evidenceList(_ evidence: [EvidenceItem]) -> HNode {
        H.ul([], evidence.map { e in
            e.fileSHA256.map { H.a(e.name, href: SiteURL.file($0, name: e.name), [.attr("dir", "auto")]) }
                ?? H.el("a", [.href(SafeURL.http(e.url) ?? "#"), .attr("rel", "nofollow noopener")], [H.el("bdi", [], [H.text(e.url)])])
        })
    }
}
