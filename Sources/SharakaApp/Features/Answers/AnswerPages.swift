import SharakaCore
import Vapor

enum AnswerPages {
    static func stateLabel(_ t: Localizer, _ s: AnswerState?) -> String {
        switch s {
        case nil: t(.answerNone)
        case .underEvaluation: t(.answerUnderEvaluation)
        case .accepted: t(.answerAccepted)
        case .acceptedInCommitment: t(.answerAcceptedInCommitment)
        case .partiallyAccepted: t(.answerPartiallyAccepted)
        case .rejected: t(.answerRejected)
        case .outOfScope: t(.answerOutOfScope)
        }
    }

    /// The answer block of a proposal page: current answer, public history, and for
    /// officials of the organising body the form to answer or revise.
    static func section(_ t: Localizer, proposalID: UUID, history: [AnswerItem], canAnswer: Bool, commitments: [AnswerCommitments.Item] = []) -> HNode {
        let lang = t.language
        let current = history.first
        return H.el("section", [.id("answer"), .cls("answer"), .aria("labelledby", "answer-title")], [
            H.h2(t(.answerTitle), [.id("answer-title")]),
            current.map { a in
                H.div([.cls("card answer-current")],
                      H.p([], H.strong(stateLabel(t, a.state))),
                      a.reasoning.isEmpty ? H.empty : ProposalPages.body(a.reasoning, language: nil, cls: "answer-body"),
                      H.p([.cls("muted")], t.sentence(.answerBy, ["organisation": H.bdi(t.text(a.organisationName)), "date": H.text(t.date(a.createdAt))])))
            } ?? H.p(t(.answerWaiting), [.cls("muted")]),
            history.count > 1 ? H.el("details", [], [
                H.el("summary", [], [H.text("\(t(.answerHistory)) (\(t.number(history.count)))")]),
                H.el("ol", [.cls("answer-history")], history.map { a in
                    H.el("li", [], [
                        H.p([.cls("muted")], H.text("\(t.date(a.createdAt)) · \(stateLabel(t, a.state)) · "), H.bdi(t.text(a.organisationName))),
                        a.reasoning.isEmpty ? H.empty : ProposalPages.body(a.reasoning, language: nil, cls: "answer-body"),
                    ])
                }),
            ]) : H.empty,
            canAnswer ? H.group([
                H.el("details", [.cls("answer-form")], [
                    H.el("summary", [], [H.text(current == nil ? t(.answerSubmit) : t(.answerRevise))]),
                    answerForm(t, proposalID: proposalID, state: current?.state?.rawValue, reasoning: "", errors: [:], commitments: commitments, commitment: nil),
                ]),
                H.p([], H.a(t(.mergeTitle), href: SiteURL.proposalMerge(proposalID).path(lang))),
            ]) : H.empty,
        ])
    }

    private static func answerForm(_ t: Localizer, proposalID: UUID, state: String?, reasoning: String, errors: [String: String],
                                   commitments: [AnswerCommitments.Item], commitment: UUID?) -> HNode {
        H.el("form", [.action(SiteURL.proposalAnswer(proposalID).path(t.language)), .postMethod, .cls("stack")], [
            CSRFField(),
            FormField.select("state", label: t(.fieldAnswerState), options: AnswerState.allCases.map { ($0.rawValue, stateLabel(t, $0)) },
                             selected: state, error: errors["state"]),
            // Required with "included in a commitment": the answer says which one, and the proposal is linked to it.
            FormField.select("commitment", label: t(.fieldAnswerCommitment),
                             options: commitments.map { ($0.id.uuidString, "\($0.reference) — \($0.title.resolve(for: t.language)?.text ?? "")") },
                             selected: commitment?.uuidString, error: errors["commitment"], includeBlank: "—"),
            FormField.textarea("reasoning", label: t(.fieldReasoning), value: reasoning, error: errors["reasoning"], rows: 6,
                               hint: t(.reasoningHint) + " " + t.lengthHint(AnswerRules.reasoningLength.lowerBound, AnswerRules.reasoningLength.upperBound), maxLength: AnswerRules.reasoningLength.upperBound),
            H.button(t(.answerSubmit)),
        ])
    }

    /// The form again, with its problems, when an answer was refused.
    static func form(_ t: Localizer, proposal: Proposal, state: String?, reasoning: String, errors: [String: String],
                     commitments: [AnswerCommitments.Item] = [], commitment: UUID? = nil) -> Page {
        Page(title: t(.answerTitle), content: H.group([
            H.p([], H.a(proposal.title, href: SiteURL.proposal(proposal.id!).path(t.language))),
            H.h1(t(.answerTitle)),
            FormField.errorSummary(errors, title: t(.formHasErrors)),
            answerForm(t, proposalID: proposal.id!, state: state, reasoning: reasoning, errors: errors, commitments: commitments, commitment: commitment),
        ]), status: .unprocessableEntity)
    }

    static func merge(_ t: Localizer, into proposal: Proposal, candidates: [ProposalCandidates.Item], error: String?) -> Page {
        let lang = t.language
        return Page(title: t(.mergeTitle), content: H.group([
            H.p([], H.a(proposal.title, href: SiteURL.proposal(proposal.id!).path(lang))),
            H.h1(t(.mergeTitle)),
            H.p(t(.mergeIntro)),
            error.map { H.div([.cls("error-summary"), .attr("role", "alert")], H.strong($0)) } ?? H.empty,
            candidates.isEmpty ? H.p(t(.proposalsEmpty), [.cls("muted")]) :
                H.el("form", [.action(SiteURL.proposalMerge(proposal.id!).path(lang)), .postMethod, .cls("stack")], [
                    CSRFField(),
                    PickList.fieldset(t, name: "merge", legend: t(.proposalsTitle), options: candidates.map { $0.option(t) }, checked: [], error: nil),
                    H.button(t(.mergeSubmit)),
                ]),
        ]), status: error == nil ? .ok : .unprocessableEntity)
    }

    static func dashboard(_ t: Localizer, process: ProcessView, figures f: DashboardData, provinces: [ProvinceItem]) -> Page {
        let lang = t.language
        let names = Dictionary(uniqueKeysWithValues: provinces.map { ($0.code, t.text($0.name)) })
        func bar(_ n: Int) -> HNode {
            H.group([H.text(t.number(n) + " "), H.el("progress", [.attr("max", String(max(f.total, 1))), .value(String(n)), .aria("hidden", "true")], [])])
        }
        return Page(title: t(.dashboardTitle), content: H.group([
            H.p([], H.a(t.text(process.title), href: SiteURL.process(process.id).path(lang))),
            H.h1(t(.dashboardTitle)),
            H.el("div", [.cls("figures")], [
                H.div([.cls("figure")], H.strong(t.plural(.proposalsCount, f.total))),
                H.div([.cls("figure")], H.strong("\(t.number(f.answeredPercent)) %"), H.span(" " + t(.dashboardAnswered)),
                      H.el("progress", [.attr("max", "100"), .value(String(f.answeredPercent)), .aria("label", t(.dashboardAnswered))], []),
                      H.small(t(.dashboardGoal), [.cls("muted")])),
                H.div([.cls("figure")], H.strong(f.medianDays.map { LocalFormat.decimal(minorUnits: Int(($0 * 10).rounded()), fractionDigits: 1, in: lang) } ?? t(.notApplicable)), H.span(" " + t(.dashboardMedian))),
            ]),
            f.total == 0 ? H.p(t(.dashboardNoData), [.cls("muted")]) : H.group([
                H.table(caption: t(.dashboardByState), headers: [t(.fieldAnswerState), t(.dashboardCount)],
                        rows: f.byState.map { [H.text(stateLabel(t, $0.state)), bar($0.count)] }),
                H.table(caption: t(.dashboardBySector), headers: [t(.fieldSector), t(.dashboardCount)],
                        rows: f.bySector.map { [H.text(t.family(Sector.Family(rawValue: $0.family))), bar($0.count)] }),
                H.table(caption: t(.dashboardByProvince), headers: [t(.fieldProvince), t(.dashboardCount)],
                        rows: f.byProvince.map { [H.text($0.code.flatMap { names[$0] } ?? t(.wholeRegion)), bar($0.count)] }),
            ]),
        ]))
    }
}
