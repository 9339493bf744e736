/// A progress report on a milestone, decided against the milestone as it is when the report
/// is written (read under the lock), never as it was when the form was drawn: two reports
/// racing on one milestone are decided one after the other.
public enum MilestoneProgress {
    public static let textLength = 10...5000
    public static let cancelReasonLength = 10...1000

    /// A milestone's reported state.
    public struct State: Sendable, Equatable {
        public var status: MilestoneStatus
        public var percent: Int
        public var cancelReason: String

        public init(status: MilestoneStatus, percent: Int, cancelReason: String) {
            self.status = status; self.percent = percent; self.cancelReason = cancelReason
        }

        /// The audited fields, as text.
        public var fields: [String: String] { ["status": status.rawValue, "percent": String(percent), "cancel_reason": cancelReason] }
    }

    public struct Report: Sendable, Equatable {
        public var reportedOn: Day
        public var text: String
        public var percent: Int
        public var status: MilestoneStatus
        public var cancelReason: String
        /// Evidence as recorded in the audit entry (file hashes and links).
        public var evidence: [String]

        public init(reportedOn: Day, text: String, percent: Int, status: MilestoneStatus, cancelReason: String = "", evidence: [String] = []) {
            self.reportedOn = reportedOn; self.text = text; self.percent = percent; self.status = status
            self.cancelReason = cancelReason; self.evidence = evidence
        }
    }

    public enum Refusal: Error, Sendable, Equatable {
        case planNotRunning
        case statusMove(from: MilestoneStatus, to: MilestoneStatus)
        /// "Completed" with less than 100 % typed: which of the two is true is the reporter's to say.
        case completedBelowHundred(percent: Int)
        case reportedInFuture
        case cancelReasonRequired
    }

    public struct Decision: Sendable, Equatable {
        public var state: State
        /// The commitment's weighted completion after the report.
        public var completion: Int
        public var milestoneAudit: AuditFields
        public var completionAudit: AuditFields
    }

    /// - Parameters:
    ///   - milestone: the milestone's state and facts now; `others`: its commitment's other milestones.
    ///   - completion: the commitment's completion as stored, for the audit's "before".
    public static func decide(planStatus: PlanStatus, milestone: State, facts: MilestoneFacts, others: [MilestoneFacts],
                              completion: Int, report: Report, today: Day) -> Result<Decision, Refusal> {
        guard planStatus.acceptsProgress else { return .failure(.planNotRunning) }
        if today < report.reportedOn { return .failure(.reportedInFuture) }
        guard milestone.status.canMove(to: report.status) else { return .failure(.statusMove(from: milestone.status, to: report.status)) }
        if report.status == .completed, report.percent != 100 { return .failure(.completedBelowHundred(percent: report.percent)) }
        let reason = report.cancelReason.trimmingCharacters(in: .whitespacesAndNewlines)
        if report.status == .cancelled, AccountRules.checkText(reason, length: cancelReasonLength) != nil { return .failure(.cancelReasonRequired) }

        let state = State(status: report.status, percent: report.percent,
                          cancelReason: report.status == .cancelled ? reason : milestone.cancelReason)
        var now = facts
        now.status = state.status; now.percent = state.percent
        let newCompletion = Completion.percent(others + [now])
        var after = state.fields
        after["report"] = report.text
        if !report.evidence.isEmpty { after["evidence"] = report.evidence.joined(separator: " ") }
        return .success(Decision(state: state, completion: newCompletion,
                                 milestoneAudit: AuditFields(before: milestone.fields, after: after),
                                 completionAudit: AuditFields(before: ["completion": String(completion)], after: ["completion": String(newCompletion)])))
    }
}
