import Foundation

/// An independent reviewer publishes their draft assessments as one report: decided on the
/// drafts as they are under the lock, so that a second click (or a second tab) cannot publish
/// the same drafts twice.
public enum AssessmentPublication {
    public static let titleLength = 5...200

    public struct Draft: Sendable, Equatable {
        public var id: UUID
        public var commitment: UUID
        public init(id: UUID, commitment: UUID) { self.id = id; self.commitment = commitment }
    }

    public enum Refusal: Error, Sendable, Equatable {
        case title(FieldProblem)
        case noDrafts
    }

    public struct Decision: Sendable, Equatable {
        public var title: String
        /// Per draft published: its audit fields, scoped to its commitment.
        public var published: [(draft: Draft, audit: AuditFields)]

        public static func == (a: Decision, b: Decision) -> Bool {
            a.title == b.title && a.published.map(\.draft) == b.published.map(\.draft) && a.published.map(\.audit) == b.published.map(\.audit)
        }
    }

    public static func decide(title raw: String, drafts: [Draft], report: UUID) -> Result<Decision, Refusal> {
        let title = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !drafts.isEmpty else { return .failure(.noDrafts) }
        if let p = AccountRules.checkText(title, length: titleLength) { return .failure(.title(p)) }
        return .success(Decision(title: title, published: drafts.map {
            ($0, AuditFields(before: ["report": ""], after: ["report": report.uuidString, "title": title]))
        }))
    }
}
