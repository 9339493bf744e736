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

    func validate(_ t: Localizer, current: MilestoneStatus, today: Day) -> [String: String] {
        var errors: [String: String] = [:]
        if let day = Day(iso: reportedOn) { if today < day { errors["reported_on"] = t(.errDay) } } else { errors["reported_on"] = t(.errDay) }
        if let p = AccountRules.checkText(text, length: 10...5000) { errors["text"] = t.problem(p, min: 10, max: 5000) }
        if percentValue == nil { errors["percent"] = t(.errPercent) }
        if let status {
            if !current.canMove(to: status) { errors["status"] = t(.errStatusChange) }
            if status == .cancelled, let p = AccountRules.checkText(cancelReason, length: 10...1000) {
                errors["cancel_reason"] = p == .required ? t(.errCancelReason) : t.problem(p, min: 10, max: 1000)
            }
        } else {
            errors["status"] = t.problem(.unknownChoice)
        }
        if !link.isEmpty, SafeURL.http(link) == nil || link.count > 500 { errors["link"] = t(.errInvalidURL) }
        return errors
    }
}
