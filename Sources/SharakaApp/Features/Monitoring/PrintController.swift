import SharakaCore
import Vapor

/// The whole plan on one page, laid out like an OGP action plan document, with a print
/// stylesheet (one commitment per printed page).
enum PrintController {
    @Sendable static func show(req: Request) async throws -> Response {
        let plan = try await VisiblePlan.view(req.parameters.get("id", as: UUID.self), req)
        let commitments = try await CommitmentQuery.ofPlan(plan.id, on: req.sql)
        let milestones = Dictionary(grouping: try await CommitmentQuery.milestones(plan: plan.id, on: req.sql), by: \.commitmentID)
        let t = req.t, lang = req.language
        func text(_ l: LocalizedText) -> HNode { LangText.node(l.resolve(for: lang), page: lang, t, tag: "p") }
        func day(_ iso: String) -> String { Day(iso: iso).map { t.day($0) } ?? iso }
        let body = plan.adoptingBodyName.resolve(for: lang)?.text ?? ""
        let page = Page(title: plan.title.resolve(for: lang)?.text ?? "", content: H.el("article", [.cls("print-plan")], [
            H.el("h1", [], [LangText.node(plan.title.resolve(for: lang), page: lang, t)]),
            H.p(t(.printIntro, ["period": plan.period, "body": body])),
            text(plan.description),
            H.el("ol", [.cls("toc")], commitments.map { c in H.el("li", [], [H.a("\(c.reference) — \(c.title.resolve(for: lang)?.text ?? "")", href: "#c-\(c.reference)")]) }),
            H.group(commitments.map { c in
                H.el("section", [.id("c-\(c.reference)"), .cls("print-commitment")], [
                    H.el("h2", [], [H.text(c.reference + " — "), LangText.node(c.title.resolve(for: lang), page: lang, t)]),
                    H.dl([
                        (t(.fieldLeadBody), H.el("bdi", [], [H.text(c.lead.name(in: lang))])),
                        (t(.fieldSupportingActors), H.text(c.supportingActors.actors.map(\.name).joined(separator: t.comma))),
                        (t(.fieldOGPValues), H.text(c.values.map { t.ogpValue($0) }.joined(separator: " · "))),
                        (t(.fieldDates), H.text("\(day(c.startsOn)) – \(day(c.endsOn))")),
                        (t(.fieldBudget), H.text(c.budget.map { $0.formatted(in: lang) } ?? "—")),
                        (t(.completionLabel), H.text("\(c.completion) % — \(t.irm(c.level))")),
                    ]),
                    H.h3(t(.fieldProblem)), text(c.problem),
                    c.causes.isEmpty ? H.empty : H.group([H.h3(t(.fieldCauses)), text(c.causes)]),
                    H.h3(t(.fieldSolution)), text(c.solution),
                    c.changes.isEmpty ? H.empty : H.group([H.h3(t(.fieldChanges)), text(c.changes)]),
                    (milestones[c.id] ?? []).isEmpty ? H.empty : H.table(caption: t(.milestonesTitle),
                        headers: [t(.milestonesTitle), t(.fieldResponsible), t(.fieldStarts), t(.fieldEnds), t(.fieldStatus)],
                        rows: (milestones[c.id] ?? []).map { m in
                            [LangText.node(m.title.resolve(for: lang), page: lang, t), H.text(m.responsibleBody), H.text(day(m.startsOn)), H.text(day(m.endsOn)),
                             H.text(m.isDelayed() ? t(.delayedMark) : t.milestoneStatus(m.status))]
                        }),
                ])
            }),
        ]))
        return await req.render(page)
    }
}
