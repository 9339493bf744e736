import SharakaCore
import Vapor

private func dates(_ starts: String, _ ends: String, _ t: Localizer) -> [String: String] {
    var errors: [String: String] = [:]
    let s = Day(iso: starts), e = Day(iso: ends)
    if s == nil { errors["starts"] = t(.errDate) }
    if e == nil { errors["ends"] = t(.errDate) }
    if let s, let e, e < s { errors["ends"] = t(.errEndsBeforeStart) }
    return errors
}

/// An amendment's reason, required once the plan is frozen.
struct AmendmentReason {
    static func read(_ req: Request) -> String { req.formText("amendment_reason") }
    static func validate(_ reason: String, frozen: Bool, _ t: Localizer) -> [String: String] {
        guard frozen, AccountRules.checkText(reason, length: 10...1000) != nil else { return [:] }
        return ["amendment_reason": t(.errAmendmentReason)]
    }
}

/// A status move as typed: the target, the decision it records, and why it was refused.
struct PlanMoveForm: Equatable {
    var target: PlanStatus
    var decision = ""
    var errors: [String: String] = [:]
}

struct PlanForm {
    static let titles = MultilingualField(base: "title", atLeastOne: true, length: 5...200) { lang in
        switch lang { case .ar: .fieldTitleAr; case .fr: .fieldTitleFr; case .en: .fieldTitleEn; case .zgh: .fieldTitleZgh }
    }
    static let descriptions = MultilingualField.descriptions(length: 0...8000)

    var title = LocalizedText()
    var description = LocalizedText()
    var periodStart = ""
    var periodEnd = ""
    var adoptingBody: String?
    var process: String?

    init() {}
    init(_ p: ActionPlan) {
        title = p.title; description = p.description; periodStart = String(p.periodStart); periodEnd = String(p.periodEnd)
        adoptingBody = p.$adoptingBody.id.uuidString; process = p.$process.id?.uuidString
    }

    static func read(_ req: Request) -> PlanForm {
        var f = PlanForm()
        f.title = titles.read(req); f.description = descriptions.read(req)
        f.periodStart = req.formText("period_start"); f.periodEnd = req.formText("period_end")
        f.adoptingBody = req.formText("adopting_body"); f.process = req.formText("process")
        return f
    }

    func validate(_ t: Localizer, bodies: Set<String>, processes: Set<String>) -> [String: String] {
        var errors = Self.titles.validate(title, t).merging(Self.descriptions.validate(description, t)) { a, _ in a }
        if let s = Int(periodStart), let e = Int(periodEnd), (2000...2100).contains(s), (s...2100).contains(e) {} else { errors["period_start"] = t(.errPeriod) }
        if !bodies.contains(adoptingBody ?? "") { errors["adopting_body"] = t.problem(.unknownChoice) }
        if let process, !process.isEmpty, !processes.contains(process) { errors["process"] = t.problem(.unknownChoice) }
        return errors
    }

    func apply(to p: ActionPlan) {
        p.title = title; p.description = description; p.periodStart = Int(periodStart)!; p.periodEnd = Int(periodEnd)!
        p.$adoptingBody.id = UUID(uuidString: adoptingBody!)!
        p.$process.id = process.flatMap(UUID.init(uuidString:))
    }
}

struct CommitmentForm {
    static let titles = MultilingualField(base: "title", atLeastOne: true, length: 5...300) { lang in
        switch lang { case .ar: .fieldTitleAr; case .fr: .fieldTitleFr; case .en: .fieldTitleEn; case .zgh: .fieldTitleZgh }
    }
    static func text(_ base: String, _ ar: L10nKey, _ fr: L10nKey, required: Bool) -> MultilingualField {
        MultilingualField(base: base, languages: [.ar, .fr], atLeastOne: required, length: required ? 10...8000 : 0...8000, multiline: true) { $0 == .ar ? ar : fr }
    }
    static let problems = text("problem", .fieldProblemAr, .fieldProblemFr, required: true)
    static let causes = text("causes", .fieldCausesAr, .fieldCausesFr, required: false)
    static let solutions = text("solution", .fieldSolutionAr, .fieldSolutionFr, required: true)
    static let changes = text("changes", .fieldChangesAr, .fieldChangesFr, required: false)
    static let actorKinds: [(CommitmentActor, L10nKey)] = [(.government, .actorsGovernment), (.civilSociety, .actorsCivilSociety),
                                                           (.privateSector, .actorsPrivateSector), (.other, .actorsOther)]

    var reference = ""
    var title = LocalizedText(), problem = LocalizedText(), causes = LocalizedText(), solution = LocalizedText(), change = LocalizedText()
    var values: [String] = []
    var theme: String?
    var leadBody = ""
    var leadOrganisation: String?
    var actors: [CommitmentActor: String] = [:]
    var provinces: [String] = []
    var starts = "", ends = ""
    var budget = ""
    var contact = ""
    var proposals: [String] = []

    init() {}
    init(_ c: Commitment, proposals linked: [UUID]) {
        reference = c.reference; title = c.title; problem = c.problem; causes = c.causes; solution = c.solution; change = c.changes
        values = c.values.map(\.rawValue); theme = c.theme; leadBody = c.leadBody; leadOrganisation = c.$leadOrganisation.id?.uuidString
        for kind in CommitmentActor.allCases {
            actors[kind] = c.supportingActors.actors.filter { $0.kind == kind.rawValue }.map(\.name).joined(separator: "\n")
        }
        provinces = c.provinces.codes; starts = c.startsOn; ends = c.endsOn
        budget = c.budget.map { $0.description.replacingOccurrences(of: ".00", with: "") } ?? ""; contact = c.contact
        proposals = linked.map(\.uuidString)
    }

    static func read(_ req: Request) -> CommitmentForm {
        var f = CommitmentForm()
        f.reference = req.formText("reference"); f.title = titles.read(req); f.problem = problems.read(req); f.causes = causes.read(req)
        f.solution = solutions.read(req); f.change = changes.read(req)
        f.values = (try? req.content.get([String].self, at: "values")) ?? []
        f.theme = req.formText("theme"); f.leadOrganisation = req.formText("lead_organisation")
        for kind in CommitmentActor.allCases { f.actors[kind] = req.formText("actors_\(kind.rawValue)") }
        f.provinces = (try? req.content.get([String].self, at: "provinces")) ?? []
        f.starts = req.formText("starts"); f.ends = req.formText("ends"); f.budget = req.formText("budget"); f.contact = req.formText("contact")
        f.proposals = (try? req.content.get([String].self, at: "proposals")) ?? []
        return f
    }

    func validate(_ t: Localizer, takenReferences: Set<String>, provinces known: Set<String>, organisations: Set<String>, proposals candidates: Set<String>,
                  otherBudgets: [MAD], limits: BudgetLimits) -> [String: String] {
        var errors = Self.titles.validate(title, t)
        for f in [(Self.problems, problem), (Self.causes, causes), (Self.solutions, solution), (Self.changes, change)] {
            errors.merge(f.0.validate(f.1, t)) { a, _ in a }
        }
        let okReference = (2...30).contains(reference.count) && reference.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
        if !okReference || takenReferences.contains(reference) { errors["reference"] = t(.errReference) }
        if values.isEmpty || !values.allSatisfy({ OGPValue(rawValue: $0) != nil }) { errors["values"] = t(.errOneValue) }
        if ProposalTheme(rawValue: theme ?? "") == nil { errors["theme"] = t.problem(.unknownChoice) }
        if !organisations.contains(leadOrganisation ?? "") { errors["lead_organisation"] = t(.errLeadOrganisation) }
        for (kind, text) in actors where text.count > 2000 { errors["actors_\(kind.rawValue)"] = t.problem(.tooLong, max: 2000) }
        if !Set(provinces).isSubset(of: known) { errors["provinces"] = t.problem(.unknownChoice) }
        errors.merge(dates(starts, ends, t)) { a, _ in a }
        if !budget.isEmpty {
            switch MAD(parsing: budget).map({ limits.check($0, otherCommitments: otherBudgets) }) {
            case nil: errors["budget"] = t(.errBudget)
            case .commitmentTooLarge?: errors["budget"] = t(.errBudgetTooLarge, ["max": limits.maxCommitment.formatted(in: t.language)])
            case .planTotalTooLarge?: errors["budget"] = t(.errPlanBudgetTooLarge, ["max": limits.maxPlanTotal.formatted(in: t.language)])
            case .some(nil): break
            }
        }
        if let p = AccountRules.checkText(contact, length: 0...200, required: false) { errors["contact"] = t.problem(p, max: 200) }
        if !Set(proposals).isSubset(of: candidates) { errors["proposals"] = t.problem(.unknownChoice) }
        return errors
    }

    func apply(to c: Commitment) {
        c.reference = reference; c.title = title; c.problem = problem; c.causes = causes; c.solution = solution; c.changes = change
        c.ogpValues = OGPValue.allCases.filter { values.contains($0.rawValue) }.map(\.rawValue).joined(separator: ",")
        c.theme = theme!; c.$leadOrganisation.id = leadOrganisation.flatMap(UUID.init(uuidString:))
        c.supportingActors = SupportingActors(actors: CommitmentActor.allCases.flatMap { kind in
            (actors[kind] ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { SupportingActors.Actor(kind: kind.rawValue, name: $0) }
        })
        c.provinces = ProvinceCodes(codes: provinces.sorted()); c.startsOn = starts; c.endsOn = ends
        c.budgetCentimes = budget.isEmpty ? nil : MAD(parsing: budget)!.centimes; c.contact = contact
    }
}

struct MilestoneForm {
    static let titles = MultilingualField(base: "title", languages: [.ar, .fr], atLeastOne: true, length: 5...300) { $0 == .ar ? .fieldTitleAr : .fieldTitleFr }
    static let deliverables = MultilingualField(base: "deliverable", languages: [.ar, .fr], length: 0...2000, multiline: true) { $0 == .ar ? .fieldDeliverableAr : .fieldDeliverableFr }

    var title = LocalizedText(), deliverable = LocalizedText()
    var responsibleBody = ""
    var responsibleOrganisation: String?
    var starts = "", ends = ""
    var weight = "1"

    init() {}
    init(_ m: Milestone) {
        title = m.title; deliverable = m.deliverable; responsibleBody = m.responsibleBody
        responsibleOrganisation = m.$responsibleOrganisation.id?.uuidString; starts = m.startsOn; ends = m.endsOn; weight = String(m.weight)
    }

    static func read(_ req: Request) -> MilestoneForm {
        var f = MilestoneForm()
        f.title = titles.read(req); f.deliverable = deliverables.read(req); f.responsibleBody = req.formText("responsible_body")
        f.responsibleOrganisation = req.formText("responsible_organisation"); f.starts = req.formText("starts"); f.ends = req.formText("ends")
        f.weight = req.formText("weight")
        return f
    }

    func validate(_ t: Localizer, organisations: Set<String>) -> [String: String] {
        var errors = Self.titles.validate(title, t).merging(Self.deliverables.validate(deliverable, t)) { a, _ in a }
        if let p = AccountRules.checkText(responsibleBody, length: 2...200) { errors["responsible_body"] = t.problem(p, min: 2, max: 200) }
        if let o = responsibleOrganisation, !o.isEmpty, !organisations.contains(o) { errors["responsible_organisation"] = t.problem(.unknownChoice) }
        errors.merge(dates(starts, ends, t)) { a, _ in a }
        if Int(weight).map({ (1...100).contains($0) }) != true { errors["weight"] = t(.errWeight) }
        return errors
    }

    func apply(to m: Milestone) {
        m.title = title; m.deliverable = deliverable; m.responsibleBody = responsibleBody
        m.$responsibleOrganisation.id = responsibleOrganisation.flatMap(UUID.init(uuidString:))
        m.startsOn = starts; m.endsOn = ends; m.weight = Int(weight)!
    }
}
