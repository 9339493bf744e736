import Foundation
import SharakaCore
import Vapor

/// Every page path in one place: routes are registered from `pattern` and links are
/// built from `path(_:)`, so no path string is written twice.
enum SiteURL: Hashable {
    case home
    case register, confirmEmail, confirmResend, login, logout, passwordForgot, passwordReset, loginLink, loginLinkUse
    case account, accountProfile, accountPassword, accountDelete, accountExport, accountData, accountTokens, accountTokenRevoke(UUID)
    case organisations, organisation(UUID)
    case adminUsers, adminUserRole(UUID), adminUserBlock(UUID), adminUserConfirm(UUID)
    case adminOrganisations, adminOrganisationNew, adminOrganisation(UUID)
    case adminOrganisationMembers(UUID), adminOrganisationMemberRemove(UUID, UUID)
    case adminRegion, adminProvince(UUID), adminOutbox
    case processes, processNew, process(UUID), processEdit(UUID), processPhases(UUID), processPhaseRemove(UUID, UUID)
    case processProposals(UUID), proposalNew(UUID), proposal(UUID), proposalEdit(UUID), proposalWithdraw(UUID)
    case proposalSupport(UUID), proposalUnsupport(UUID), proposalAnswer(UUID), proposalMerge(UUID), processDashboard(UUID)
    case comments, commentEdit(UUID), commentDelete(UUID), commentVote(UUID)
    case notifications, notification(UUID), notificationsRead, notificationsPreferences, follow, unfollow
    case meetings(UUID), meetingNew(UUID), meeting(UUID), meetingEdit(UUID), meetingRegister(UUID), meetingCancel(UUID)
    case meetingAttendance(UUID), meetingAttendees(UUID), meetingMinutes(UUID), meetingICS(UUID), processICS(UUID)
    case search, moderation, report, moderationDecide(UUID)
    case terms, privacy, accessibility
    case plans, plan(UUID), commitment(UUID), commitmentHistory(UUID), milestoneProgress(UUID), auditGuide
    case planNew, planEdit(UUID), planStatus(UUID), planRevisions(UUID), planCompare(UUID), planDashboard(UUID)
    case progressUpdate(UUID), planDocuments(UUID)
    case planAssessment(UUID), planAssessmentPublish(UUID), commitmentAssessment(UUID), planReports(UUID), assessmentReport(UUID)
    case planCommitmentsCSV(UUID), planMilestonesCSV(UUID), planFeed(UUID), commitmentFeed(UUID), planPrint(UUID)
    case commitmentNew(UUID), commitmentEdit(UUID), milestoneNew(UUID), milestoneEdit(UUID)

    /// Path below the language prefix.
    var relative: String {
        switch self {
        case .home: ""
        case .register: "register"
        case .confirmEmail: "confirm"
        case .confirmResend: "confirm/again"
        case .login: "login"
        case .logout: "logout"
        case .passwordForgot: "password/forgot"
        case .passwordReset: "password/reset"
        case .loginLink: "login/link"
        case .loginLinkUse: "login/link/use"
        case .account: "account"
        case .accountProfile: "account/profile"
        case .accountPassword: "account/password"
        case .accountDelete: "account/delete"
        case .accountExport: "account/export"
        case .accountData: "account/data"
        case .accountTokens: "account/tokens"
        case .accountTokenRevoke(let id): "account/tokens/\(id)/revoke"
        case .organisations: "organisations"
        case .organisation(let id): "organisations/\(id)"
        case .adminUsers: "admin/users"
        case .adminUserRole(let id): "admin/users/\(id)/role"
        case .adminUserBlock(let id): "admin/users/\(id)/block"
        case .adminUserConfirm(let id): "admin/users/\(id)/confirm"
        case .adminOrganisations: "admin/organisations"
        case .adminOrganisationNew: "admin/organisations/new"
        case .adminOrganisation(let id): "admin/organisations/\(id)"
        case .adminOrganisationMembers(let id): "admin/organisations/\(id)/members"
        case .adminOrganisationMemberRemove(let o, let m): "admin/organisations/\(o)/members/\(m)/remove"
        case .adminRegion: "admin/region"
        case .adminProvince(let id): "admin/region/provinces/\(id)"
        case .adminOutbox: "admin/outbox"
        case .processes: "processes"
        case .processNew: "processes/new"
        case .process(let id): "processes/\(id)"
        case .processEdit(let id): "processes/\(id)/edit"
        case .processPhases(let id): "processes/\(id)/phases"
        case .processPhaseRemove(let p, let phase): "processes/\(p)/phases/\(phase)/remove"
        case .processProposals(let id): "processes/\(id)/proposals"
        case .proposalNew(let id): "processes/\(id)/proposals/new"
        case .proposal(let id): "proposals/\(id)"
        case .proposalEdit(let id): "proposals/\(id)/edit"
        case .proposalWithdraw(let id): "proposals/\(id)/withdraw"
        case .proposalSupport(let id): "proposals/\(id)/support"
        case .proposalUnsupport(let id): "proposals/\(id)/unsupport"
        case .proposalAnswer(let id): "proposals/\(id)/answer"
        case .proposalMerge(let id): "proposals/\(id)/merge"
        case .processDashboard(let id): "processes/\(id)/dashboard"
        case .comments: "comments"
        case .notifications: "notifications"
        case .notification(let id): "notifications/\(id)"
        case .notificationsRead: "notifications/read"
        case .notificationsPreferences: "notifications/preferences"
        case .follow: "follow"
        case .unfollow: "unfollow"
        case .meetings(let id): "processes/\(id)/meetings"
        case .meetingNew(let id): "processes/\(id)/meetings/new"
        case .meeting(let id): "meetings/\(id)"
        case .meetingEdit(let id): "meetings/\(id)/edit"
        case .meetingRegister(let id): "meetings/\(id)/register"
        case .meetingCancel(let id): "meetings/\(id)/cancel"
        case .meetingAttendance(let id): "meetings/\(id)/attendance"
        case .meetingAttendees(let id): "meetings/\(id)/attendees.csv"
        case .meetingMinutes(let id): "meetings/\(id)/minutes"
        case .meetingICS(let id): "meetings/\(id)/calendar.ics"
        case .processICS(let id): "processes/\(id)/calendar.ics"
        case .search: "search"
        case .terms: "terms"
        case .privacy: "privacy"
        case .accessibility: "accessibility"
        case .moderation: "moderation"
        case .report: "report"
        case .moderationDecide(let id): "moderation/\(id)"
        case .plans: "plans"
        case .auditGuide: "audit"
        case .plan(let id): "plans/\(id)"
        case .commitment(let id): "commitments/\(id)"
        case .commitmentHistory(let id): "commitments/\(id)/history"
        case .milestoneProgress(let id): "milestones/\(id)/progress"
        case .planNew: "plans/new"
        case .planDashboard(let id): "plans/\(id)/dashboard"
        case .planAssessment(let id): "plans/\(id)/assessment"
        case .progressUpdate(let id): "progress/\(id)"
        case .planDocuments(let id): "plans/\(id)/documents"
        case .planAssessmentPublish(let id): "plans/\(id)/assessment/publish"
        case .commitmentAssessment(let id): "commitments/\(id)/assessment"
        case .planReports(let id): "plans/\(id)/reports"
        case .assessmentReport(let id): "reports/\(id)"
        case .planCommitmentsCSV(let id): "plans/\(id)/commitments.csv"
        case .planMilestonesCSV(let id): "plans/\(id)/milestones.csv"
        case .planFeed(let id): "plans/\(id)/progress.atom"
        case .commitmentFeed(let id): "commitments/\(id)/progress.atom"
        case .planPrint(let id): "plans/\(id)/print"
        case .planEdit(let id): "plans/\(id)/edit"
        case .planStatus(let id): "plans/\(id)/status"
        case .planRevisions(let id): "plans/\(id)/revisions"
        case .planCompare(let id): "plans/\(id)/compare"
        case .commitmentNew(let id): "plans/\(id)/commitments/new"
        case .commitmentEdit(let id): "commitments/\(id)/edit"
        case .milestoneNew(let id): "commitments/\(id)/milestones/new"
        case .milestoneEdit(let id): "milestones/\(id)/edit"
        case .commentEdit(let id): "comments/\(id)/edit"
        case .commentDelete(let id): "comments/\(id)/delete"
        case .commentVote(let id): "comments/\(id)/vote"
        }
    }

    func path(_ language: Language) -> String {
        relative.isEmpty ? "/\(language.rawValue)/" : "/\(language.rawValue)/\(relative)"
    }

    /// Route pattern below the language group; `:id` stands for a UUID parameter.
    static func pattern(_ url: SiteURL) -> [PathComponent] {
        url.relative.split(separator: "/").map { part in
            UUID(uuidString: String(part)) != nil ? PathComponent.parameter(part == "\(placeholderB)" ? "member" : "id") : PathComponent(stringLiteral: String(part))
        }
    }

    /// Placeholders used to build patterns from the same `relative` strings.
    static let placeholder = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    static let placeholderB = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!

    static func file(_ sha256: String) -> String { "/files/\(sha256)" }
    /// The file under the name of one attachment: the same content attached twice keeps each name.
    static func file(_ sha256: String, name: String) -> String {
        let clean = DisplayText.name(name)
        return clean.isEmpty ? file(sha256) : "/files/\(sha256)/" + (clean.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "file")
    }

    /// RFC 3986's unreserved characters, ASCII only: what a path segment or `filename*` keeps
    /// unescaped (`CharacterSet.alphanumerics` would let Arabic letters through raw).
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
