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
