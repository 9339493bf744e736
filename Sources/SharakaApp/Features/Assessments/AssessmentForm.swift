import SharakaCore
import Vapor

struct AssessmentForm {
    var verifiable: String?
    var relevance: [String] = []
    var impact: String?
    var completion: String?
    var didItOpen: String?
    var narrative = ""
    var sources = ""

    init() {}
    init(_ a: Assessment) {
        verifiable = a.verifiable ? "yes" : "no"; relevance = a.relevance.split(separator: ",").map(String.init)
        impact = a.potentialImpact; completion = a.completion; didItOpen = a.didItOpen; narrative = a.narrative; sources = a.sources
    }

    static func read(_ req: Request) -> AssessmentForm {
        let field = req.formText
        var f = AssessmentForm()
        f.verifiable = field("verifiable"); f.relevance = (try? req.content.get([String].self, at: "relevance")) ?? []
        f.impact = field("potential_impact"); f.completion = field("completion"); f.didItOpen = field("did_it_open")
        f.narrative = field("narrative"); f.sources = field("sources")
        return f
    }

    func validate(_ t: Localizer) -> [String: String] {
        var errors: [String: String] = [:]
        if verifiable != "yes" && verifiable != "no" { errors["verifiable"] = t(.errChoose) }
        if !relevance.allSatisfy({ OGPValue(rawValue: $0) != nil }) { errors["relevance"] = t.problem(.unknownChoice) }
        if PotentialImpact(rawValue: impact ?? "") == nil { errors["potential_impact"] = t(.errChoose) }
        if IRMCompletion(rawValue: completion ?? "") == nil { errors["completion"] = t(.errChoose) }
        if DidItOpenGovernment(rawValue: didItOpen ?? "") == nil { errors["did_it_open"] = t(.errChoose) }
        if let p = AccountRules.checkText(narrative, length: 50...20_000) { errors["narrative"] = t.problem(p, min: 50, max: 20_000) }
        if let p = AccountRules.checkText(sources, length: 0...5000, required: false) { errors["sources"] = t.problem(p, max: 5000) }
        return errors
    }

    func apply(to a: Assessment) {
        a.verifiable = verifiable == "yes"; a.relevance = OGPValue.allCases.map(\.rawValue).filter { relevance.contains($0) }.joined(separator: ",")
        a.potentialImpact = impact!; a.completion = completion!; a.didItOpen = didItOpen!; a.narrative = narrative; a.sources = sources
        a.updatedAt = Date()
    }

    static func fields(_ a: Assessment) -> [String: String] {
        ["verifiable": a.verifiable ? "yes" : "no", "relevance": a.relevance, "potential_impact": a.potentialImpact, "completion": a.completion,
         "did_it_open": a.didItOpen, "narrative": a.narrative, "sources": a.sources]
    }
}

extension Localizer {
    func impact(_ i: PotentialImpact) -> String {
        switch i { case .none: self(.impactNone); case .minor: self(.impactMinor); case .moderate: self(.impactModerate); case .transformative: self(.impactTransformative) }
    }

    func openGovernment(_ o: DidItOpenGovernment) -> String {
        switch o {
        case .worsened: self(.openWorsened); case .didNotChange: self(.openDidNotChange); case .marginal: self(.openMarginal)
        case .major: self(.openMajor); case .outstanding: self(.openOutstanding)
        }
    }
}
