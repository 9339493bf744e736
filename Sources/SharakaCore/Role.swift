/// Platform-wide roles, from least to most trusted. A visitor has no account.
public enum Role: String, CaseIterable, Sendable, Codable, Comparable {
    /// `reviewer`: an independent researcher who assesses commitments, as OGP's IRM does.
    case visitor, citizen, organisationMember = "organisation_member", reviewer, official, moderator, administrator

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Roles an administrator may give to an account (visitor means "no account").
    public static var assignable: [Role] { allCases.filter { $0 != .visitor } }
}

/// Every action the platform guards. New features add their actions here and
/// their row in `Policy.allows`, and the role × action test matrix follows.
public enum Action: String, CaseIterable, Sendable {
    case viewPublicPages
    case register
    case manageOwnAccount
    case listUsers
    case changeUserRole
    case blockUser
    case manageOrganisations
    case editRegionSettings
    case viewOutbox
    /// Create participatory processes; editing one also needs membership of its organising body.
    case createProcess
    /// Report content to the moderators.
    case report
    /// Work the moderation queue: hide, restore, block.
    case moderate
    /// Draft and publish independent assessments of commitments.
    case assess
}

/// The one place that decides who may do what.
public enum Policy {
    public static func allows(_ role: Role, _ action: Action, blocked: Bool = false) -> Bool {
        if blocked { return action == .viewPublicPages }
        switch action {
        case .viewPublicPages: return true
        case .register: return role == .visitor
        case .manageOwnAccount: return role >= .citizen
        case .listUsers, .blockUser: return role >= .moderator
        case .changeUserRole, .manageOrganisations, .editRegionSettings, .viewOutbox:
            return role == .administrator
        case .createProcess:
            return role == .official || role == .administrator
        case .report: return role >= .citizen
        case .moderate: return role >= .moderator
        case .assess: return role == .reviewer || role == .administrator
        }
    }
}
