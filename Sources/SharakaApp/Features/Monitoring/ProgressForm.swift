import SharakaCore
import Vapor

/// A progress update as typed.
struct ProgressForm {
    var reportedOn = Day(Date()).iso
    var text = ""
    var percent = ""
    var status: MilestoneStatus?
    var cancelReason = ""
    var link = ""

    var percentValue: Int? { Int(ArabicText.westernDigits(percent).trimmingCharacters(in: .whitespaces)).flatMap { (0...100).contains($0) ? $0 : nil } }

    init() {}

    init(_ m: Milestone) {
        percent = String(m.percent); status = m.statusValue; cancelReason = m.cancelReason
    }

    static func read(_ req: Request) -> ProgressForm {
        let field = req.formText
        var f = ProgressForm()
        f.reportedOn = field("reported_on"); f.text = field("text"); f.percent = field("percent")
        f.status = MilestoneStatus(rawValue: field("status")); f.cancelReason = field("cancel_reason"); f.link = field("link")
        return f
    }

    /// What can be checked from the form alone; the rest (the status move, "completed" at
    /// less than 100 %) is decided against the milestone as it is when the report is written.
    func validate(_ t: Localizer, today: Day = Day(Date())) -> [String: String] {
        var errors: [String: String] = [:]
        if let day = Day(iso: reportedOn) { if today < day { errors["reported_on"] = t(.errDay) } } else { errors["reported_on"] = t(.errDay) }
        if let p = AccountRules.checkText(text, length: MilestoneProgress.textLength) { errors["text"] = t.problem(p, min: 10, max: 5000) }
        if percentValue == nil { errors["percent"] = t(.errPercent) }
        if let status {
            if status == .cancelled, let p = AccountRules.checkText(cancelReason, length: MilestoneProgress.cancelReasonLength) {
                errors["cancel_reason"] = p == .required ? t(.errCancelReason) : t.problem(p, min: 10, max: 1000)
            }
        } else {
            errors["status"] = t.problem(.unknownChoice)
        }
        if !link.isEmpty, SafeURL.http(link) == nil || link.count > 500 { errors["link"] = t(.errInvalidURL) }
        return errors
    }

    /// The report for `MilestoneProgress`, once the form is valid.
    var report: MilestoneProgress.Report? {
        guard let day = Day(iso: reportedOn), let percent = percentValue, let status else { return nil }
        return MilestoneProgress.Report(reportedOn: day, text: text.trimmingCharacters(in: .whitespacesAndNewlines), percent: percent, status: status,
                                        cancelReason: cancelReason)
    }
}

extension Localizer {
    func progressRefusal(_ refusal: MilestoneProgress.Refusal) -> (field: String, message: String) {
        switch refusal {
        case .planNotRunning: ("status", self(.errPlanNotRunning))
        case .statusMove: ("status", self(.errStatusChange))
        case .completedBelowHundred(let percent): ("percent", self(.errCompletedBelowHundred, ["percent": number(percent)]))
        case .reportedInFuture: ("reported_on", self(.errDay))
        case .cancelReasonRequired: ("cancel_reason", self(.errCancelReason))
        }
    }
}
