import Foundation
import SharakaCore
import Testing

/// The whole role × action matrix, written out so that a change to the policy
/// must change this table too.
@Suite struct PolicyTests {
    static let expected: [Action: Set<Role>] = [
        .viewPublicPages: Set(Role.allCases),
        .register: [.visitor],
        .manageOwnAccount: [.citizen, .organisationMember, .reviewer, .official, .moderator, .administrator],
        .listUsers: [.moderator, .administrator],
        .blockUser: [.moderator, .administrator],
        .changeUserRole: [.administrator],
        .manageOrganisations: [.administrator],
        .editRegionSettings: [.administrator],
        .viewOutbox: [.administrator],
        .confirmAccount: [.administrator],
        .createProcess: [.official, .administrator],
        .report: [.citizen, .organisationMember, .reviewer, .official, .moderator, .administrator],
        .moderate: [.moderator, .administrator],
        .assess: [.reviewer, .administrator],
    ]

    @Test(arguments: Action.allCases)
    func matrix(action: Action) {
        let allowed = try! #require(Self.expected[action], "no expectation for \(action)")
        for role in Role.allCases {
            #expect(Policy.allows(role, action) == allowed.contains(role), "\(role) × \(action)")
        }
    }

    @Test func blockedAccountsMayOnlyRead() {
        for action in Action.allCases where action != .viewPublicPages {
            #expect(!Policy.allows(.administrator, action, blocked: true))
        }
        #expect(Policy.allows(.citizen, .viewPublicPages, blocked: true))
    }

    @Test func rolesAreOrdered() {
        #expect(Role.visitor < Role.citizen)
        #expect(Role.moderator < Role.administrator)
        #expect(!Role.assignable.contains(.visitor))
    }
}

/// The object-level rules: officials of a body, authors, moderators, reviewers.
@Suite struct ObjectPolicyTests {
    let council = UUID(), province = UUID()

    @Test func officialsActForTheirBodiesAdministratorsForAll() {
        #expect(Policy.isOfficial(.official, memberOf: [council], anyOf: [council]))
        #expect(Policy.isOfficial(.official, memberOf: [council], anyOf: [province, council]))
        #expect(!Policy.isOfficial(.official, memberOf: [council], anyOf: [province]))
        #expect(!Policy.isOfficial(.official, blocked: true, memberOf: [council], anyOf: [council]))
        #expect(Policy.isOfficial(.administrator, memberOf: [], anyOf: [province]))
        for role in [Role.visitor, .citizen, .organisationMember, .reviewer, .moderator] {
            #expect(!Policy.isOfficial(role, memberOf: [council], anyOf: [council]), "\(role)")
        }
    }

    @Test func authorsAndModeratorsRemoveContent() {
        #expect(Policy.mayRemove(.citizen, isAuthor: true))
        #expect(!Policy.mayRemove(.citizen, isAuthor: false))
        #expect(!Policy.mayRemove(.official, isAuthor: false))
        #expect(Policy.mayRemove(.moderator, isAuthor: false))
        #expect(!Policy.mayRemove(.citizen, isAuthor: true, blocked: true))
        #expect(Policy.isModerator(.administrator) && !Policy.isModerator(.official))
        #expect(Policy.isReviewer(.reviewer) && !Policy.isReviewer(.official))
    }

    @Test func blockingGoesDownwardsAndRolesOnlyRiseByJoining() {
        #expect(Policy.mayBlock(.moderator, .official) && !Policy.mayBlock(.moderator, .moderator) && !Policy.mayBlock(.moderator, .administrator))
        #expect(!Policy.mayBlock(.official, .citizen))
        #expect(Policy.mayBeBlockedByModeration(.official) && !Policy.mayBeBlockedByModeration(.moderator))
        #expect(Policy.roleAfterJoining(.citizen) == .organisationMember && Policy.roleAfterJoining(.official) == .official)
        #expect(Policy.granting(.administrator, to: .citizen) == .administrator && Policy.granting(.official, to: .administrator) == .administrator)
        #expect(!Policy.mayChangeRole(of: .oneself, to: .official) && Policy.mayChangeRole(of: .oneself, to: .administrator))
        #expect(Policy.mayChangeRole(of: .someoneElse, to: .citizen) && !Policy.mayChangeRole(of: .someoneElse, to: .visitor))
    }
}
