import Foundation

/// Platform-wide roles, from least to most trusted. A visitor has no account.
public enum Role: String, CaseIterable, Sendable, Codable, Comparable {
    /// `reviewer`: an independent researcher who assesses commitments, as OGP's IRM does.
    case visitor, citizen, organisationMember = "organisation_member", reviewer, official, moderator, administrator

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Whether what the role does is done in a public capacity: the public history names
    /// officials, reviewers, moderators and administrators; it does not spread the names of
    /// citizens and members acting for themselves.
    public var actsPublicly: Bool { self >= .reviewer }

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
    /// Confirm an account whose owner cannot receive the confirmation e-mail.
    case confirmAccount
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
        case .changeUserRole, .manageOrganisations, .editRegionSettings, .viewOutbox, .confirmAccount:
            return role == .administrator
        case .createProcess:
            return role == .official || role == .administrator
        case .report: return role >= .citizen
        case .moderate: return role >= .moderator
        case .assess: return role == .reviewer || role == .administrator
        }
    }
}

/// The rules about one object: who is an official of which body, the author, a moderator, a
/// reviewer. The app asks these (never compares roles itself), with the facts it read.
extension Policy {
    /// An official of the platform: may act for the public bodies they belong to.
    public static func isOfficial(_ role: Role) -> Bool { role == .official || role == .administrator }

    /// Administrators act for every body; officials for those they are members of.
    public static func actsForEveryBody(_ role: Role) -> Bool { role == .administrator }

    /// "An official of the organising (adopting, responsible …) body": an official who belongs
    /// to one of `bodies`, or an administrator.
    public static func isOfficial(_ role: Role, blocked: Bool = false, memberOf memberships: Set<UUID>, anyOf bodies: [UUID]) -> Bool {
        isOfficial(role, blocked: blocked, memberOfBody: bodies.contains(where: memberships.contains))
    }

    /// The same, when the membership was read with the page's other facts.
    public static func isOfficial(_ role: Role, blocked: Bool = false, memberOfBody: Bool) -> Bool {
        guard !blocked, isOfficial(role) else { return false }
        return actsForEveryBody(role) || memberOfBody
    }

    /// The author of a piece of content, or a moderator, may take it down.
    public static func mayRemove(_ role: Role, isAuthor: Bool, blocked: Bool = false) -> Bool {
        !blocked && (isAuthor || allows(role, .moderate))
    }

    public static func isModerator(_ role: Role) -> Bool { allows(role, .moderate) }
    public static func isReviewer(_ role: Role) -> Bool { allows(role, .assess) }

    /// Blocking goes downwards only: nobody blocks their equal or their superior.
    public static func mayBlock(_ actor: Role, _ target: Role) -> Bool { allows(actor, .blockUser) && target < actor }

    /// Moderation may block an author only if that author is not a moderator themselves.
    public static func mayBeBlockedByModeration(_ author: Role) -> Bool { author < .moderator }

    /// Joining an organisation makes a plain citizen an organisation member; any other role stays.
    public static func roleAfterJoining(_ role: Role) -> Role { role == .citizen ? .organisationMember : role }

    public enum Whose: Sendable { case oneself, someoneElse }

    /// An administrator cannot demote themself: the region must never be left without one.
    public static func mayChangeRole(of whose: Whose, to role: Role) -> Bool {
        Role.assignable.contains(role) && (whose == .someoneElse || actsForEveryBody(role))
    }

    /// Granting a role never lowers one already held (the command line's create-admin).
    public static func granting(_ role: Role, to current: Role) -> Role { max(role, current) }
}
