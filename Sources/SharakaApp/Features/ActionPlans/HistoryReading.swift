import Foundation
import SharakaCore

/// How the public reads an entry of the log: field names in the reader's language, values
/// as the pages show them (names rather than ids, local dates, statuses and levels
/// translated, amounts in dirhams), people's text in its own language and direction. The
/// stored record itself is untouched; "verify this record" shows it as hashed.
struct HistoryReading {
    let t: Localizer
    let names: HistoryNames
    let provinces: [String: LocalizedText]

    struct FieldChange {
        let label: String
        let before: HNode
        let after: HNode
    }

    // MARK: who, when, what

    func when(_ item: AuditItem) -> String {
        guard let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(item.recordedAt) else { return item.recordedAt }
        return t.dateTime(date)
    }

    func who(_ item: AuditItem) -> HNode {
        if let name = item.publicActorName { return H.bdi(name) }
        switch item.actor {
        case "import": return H.text(t(.historyActorImport))
        case "system", "demo", "bench": return H.text(t(.historyActorPlatform))
        default: return H.text(item.actorRole == nil && UUID(uuidString: item.actor) != nil ? t(.historyActorDeleted) : t(.historyActorParticipant))
        }
    }

    func action(_ item: AuditItem) -> String {
        let keys: [String: L10nKey] = [
            "create": .historyActionCreate, "update": .historyActionUpdate, "import": .historyActionImport, "progress": .historyActionProgress,
            "completion": .historyActionCompletion, "publish": .historyActionPublish, "status": .historyActionStatus, "document": .historyActionDocument,
            "answer": .historyActionAnswer, "revise": .historyActionRevise, "moderate": .historyActionModerate, "merge": .historyActionMerge,
            "withdraw": .historyActionWithdraw,
        ]
        return keys[item.action].map { t($0) } ?? item.action
    }

    /// The thing changed, by its kind and its name ("Milestone · Training of officials").
    func object(_ item: AuditItem) -> HNode {
        let kinds: [String: L10nKey] = [
            "plan": .historyObjectPlan, "commitment": .historyObjectCommitment, "milestone": .historyObjectMilestone,
            "assessment": .historyObjectAssessment, "proposal_answer": .historyObjectAnswer, "proposal": .historyObjectProposal,
        ]
        let kind = kinds[item.objectKind].map { t($0) } ?? item.objectKind
        guard let id = UUID(uuidString: item.objectID) else { return H.text(kind) }
        let name: HNode? = switch item.objectKind {
        case "milestone": names.milestones[id].map { LangText.node($0.resolve(for: t.language), page: t.language, t, tag: "bdi") }
        case "plan": names.plans[id].map { LangText.node($0.resolve(for: t.language), page: t.language, t, tag: "bdi") }
        case "commitment": names.commitments[id].map { H.bdi($0) }
        default: nil
        }
        return name.map { H.group([H.text(kind + " · "), $0]) } ?? H.text(kind)
    }

    // MARK: fields

    func changes(_ item: AuditItem) -> [FieldChange] {
        let before = item.beforeFields, after = item.afterFields
        return Self.ordered(Set(before.keys).union(after.keys)).map { key in
            FieldChange(label: label(key), before: value(key, before[key], kind: item.objectKind), after: value(key, after[key], kind: item.objectKind))
        }
    }

    /// Fields in the order a reader meets them on the commitment's page, languages in the
    /// site's order; anything else after, alphabetically.
    static func ordered(_ keys: Set<String>) -> [String] {
        let order = ["reference", "title", "status", "percent", "completion", "report", "evidence", "cancel_reason", "decision", "problem", "causes",
                     "solution", "changes", "description", "deliverable", "ogp_values", "theme", "lead_organisation", "lead_body", "responsible_organisation",
                     "responsible_body", "adopting_body", "supporting_actors", "provinces", "period", "starts", "ends", "weight", "budget", "contact",
                     "process", "commitment", "verifiable", "relevance", "potential_impact", "did_it_open", "narrative", "sources", "reason"]
        func rank(_ key: String) -> (Int, Int, String) {
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            let base = order.firstIndex(of: parts[0]) ?? order.count
            let lang = parts.count > 1 ? (Language(rawValue: parts[1]).flatMap { Language.allCases.firstIndex(of: $0) } ?? 9) : 0
            return (base, lang, key)
        }
        return keys.sorted { rank($0) < rank($1) }
    }

    func label(_ key: String) -> String {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        let labels: [String: L10nKey] = [
            "reference": .fieldReference, "title": .fieldTitle, "status": .fieldStatus, "percent": .historyFieldPercent, "completion": .completionLabel,
            "report": .historyFieldReport, "evidence": .historyFieldEvidence, "cancel_reason": .fieldCancelReason, "decision": .planMoveDecision,
            "problem": .fieldProblem, "causes": .fieldCauses, "solution": .fieldSolution, "changes": .fieldChanges, "description": .fieldDescription,
            "deliverable": .fieldDeliverable, "ogp_values": .fieldOGPValues, "theme": .fieldTheme, "lead_organisation": .fieldLeadOrganisation,
            "lead_body": .fieldLeadBody, "responsible_organisation": .fieldResponsible, "responsible_body": .fieldResponsible,
            "adopting_body": .fieldAdoptingBody, "supporting_actors": .fieldSupportingActors, "provinces": .historyFieldProvinces, "period": .fieldPeriod,
            "starts": .fieldStarts, "ends": .fieldEnds, "weight": .fieldWeight, "budget": .fieldBudget, "contact": .fieldContact, "process": .fieldProcess,
            "commitment": .historyFieldCommitment, "verifiable": .fieldVerifiable, "relevance": .fieldRelevance, "potential_impact": .fieldPotentialImpact,
            "did_it_open": .fieldDidItOpen, "narrative": .fieldNarrative, "sources": .fieldSources, "reason": .historyFieldReason,
            "state": .fieldAnswerState, "reasoning": .fieldReasoning, "hidden": .historyFieldHidden, "blocked": .historyFieldBlocked,
        ]
        let base = labels[parts[0]].map { t($0) } ?? parts[0].replacingOccurrences(of: "_", with: " ")
        guard parts.count > 1, let lang = Language(rawValue: parts[1]) else { return base }
        return t(.fieldInLanguage, ["field": base, "language": languageName(lang)])
    }

    func languageName(_ lang: Language) -> String {
        switch lang { case .ar: t(.languageAr); case .fr: t(.languageFr); case .en: t(.languageEn); case .zgh: t(.languageZgh) }
    }

    /// A value as the pages show it; an absent or empty one as "(empty)".
    func value(_ key: String, _ raw: String?, kind: String) -> HNode {
        guard let raw, !raw.isEmpty else { return H.span(t(.historyEmptyValue), [.cls("muted")]) }
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count > 1, let lang = Language(rawValue: parts[1]) {
            return H.el("span", [.cls("history-text"), .lang(lang.rawValue), .dir("auto")], [H.text(raw)])
        }
        switch parts[0] {
        case "status":
            if kind == "plan", let s = PlanStatus(rawValue: raw) { return H.text(t.planStatus(s)) }
            if let s = MilestoneStatus(rawValue: raw) { return H.text(t.milestoneStatus(s)) }
        case "percent", "weight":
            if let n = Int(raw) { return H.text(parts[0] == "percent" ? "\(n) %" : t.number(n)) }
        case "completion":
            if kind == "assessment", let level = IRMCompletion(rawValue: raw) { return H.text(t.irm(level)) }
            if let n = Int(raw) { return H.text("\(n) % — \(t.irm(IRMCompletion.level(percent: n)))") }
        case "starts", "ends":
            if let d = Day(iso: raw) { return H.text(t.day(d)) }
        case "budget":
            if let amount = MAD(parsing: raw) { return H.text(amount.formatted(in: t.language)) }
        case "ogp_values", "relevance":
            return H.text(t.list(raw.split(separator: ",").map { OGPValue(rawValue: String($0)).map { t.ogpValue($0) } ?? String($0) }))
        case "provinces":
            return H.text(t.list(raw.split(separator: ",").map { code in provinces[String(code)]?.resolve(for: t.language)?.text ?? String(code) }))
        case "lead_organisation", "responsible_organisation", "adopting_body":
            if let id = UUID(uuidString: raw), let name = names.organisations[id] {
                return H.el("a", [.href(SiteURL.organisation(id).path(t.language))], [LangText.node(name.resolve(for: t.language), page: t.language, t, tag: "bdi")])
            }
        case "process":
            if let id = UUID(uuidString: raw), let title = names.processes[id] {
                return H.el("a", [.href(SiteURL.process(id).path(t.language))], [LangText.node(title.resolve(for: t.language), page: t.language, t, tag: "bdi")])
            }
        case "commitment":
            if let id = UUID(uuidString: raw), let reference = names.commitments[id] {
                return H.el("a", [.href(SiteURL.commitment(id).path(t.language))], [H.bdi(reference)])
            }
        case "report" where kind == "assessment":
            if let id = UUID(uuidString: raw) {
                return H.el("a", [.href(SiteURL.assessmentReport(id).path(t.language))], [H.bdi(names.reports[id] ?? raw)])
            }
        case "verifiable", "hidden", "blocked":
            if raw == "yes" || raw == "true" { return H.text(t(.yes)) }
            if raw == "no" || raw == "false" { return H.text(t(.no)) }
        case "potential_impact":
            if let i = PotentialImpact(rawValue: raw) { return H.text(t.impact(i)) }
        case "did_it_open":
            if let o = DidItOpenGovernment(rawValue: raw) { return H.text(t.openGovernment(o)) }
        case "evidence":
            return H.el("span", [], raw.split(separator: " ").enumerated().flatMap { i, item -> [HNode] in
                let s = String(item)
                let link: HNode = s.count == 64 && s.allSatisfy(\.isHexDigit)
                    ? H.a(t(.historyFile, ["hash": String(s.prefix(8))]), href: SiteURL.file(s))
                    : H.el("a", [.href(SafeURL.http(s) ?? "#"), .attr("rel", "nofollow noopener")], [H.bdi(s)])
                return i == 0 ? [link] : [H.text(t.comma), link]
            })
        default: break
        }
        // People's text and anything else: in its own language and direction, lines kept.
        return H.el("span", [.cls("history-text")] + UserText.attributes(raw, recorded: nil), [H.text(raw)])
    }
}
