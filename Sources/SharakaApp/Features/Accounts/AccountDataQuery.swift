import Foundation
import SharakaCore
import SQLKit

/// Everything the platform holds about one person (right of access, Law 09-08): the
/// profile, and what they wrote, supported, registered for, follow and were told, their
/// memberships, reports, API tokens (names only — the secrets are not kept) and sign-in
/// attempts. One statement per kind of data, whatever the amounts; the JSON download and
/// the readable page draw the same value.
struct AccountData: Sendable, Encodable {
    struct Membership: Sendable, Encodable { let organisation: LocalizedText, role: String }
    struct Proposal: Sendable, Encodable { let id: UUID, title: String, language: String, status: String, createdAt: Date }
    struct Comment: Sendable, Encodable { let id: UUID, targetKind: String, targetID: UUID, body: String, createdAt: Date, editedAt: Date?, deleted: Bool }
    struct Support: Sendable, Encodable { let proposalID: UUID, proposalTitle: String, createdAt: Date }
    struct Registration: Sendable, Encodable { let meetingID: UUID, meeting: LocalizedText, status: String, attended: Bool, createdAt: Date }
    struct Follow: Sendable, Encodable { let targetKind: String, targetID: UUID, createdAt: Date }
    struct Notification: Sendable, Encodable { let kind: String, title: String, createdAt: Date, readAt: Date? }
    struct Report: Sendable, Encodable { let targetKind: String, targetID: UUID, reason: String, details: String, createdAt: Date }
    struct Token: Sendable, Encodable { let name: String, createdAt: Date?, lastUsedAt: Date?, revokedAt: Date? }
    struct Attempt: Sendable, Encodable { let at: Date, address: String, succeeded: Bool }

    let name: String
    let email: String
    let preferredLanguage: String
    let province: String?
    let role: String
    let emailNotifications: String
    let createdAt: Date?
    let confirmedAt: Date?
    let lastSignInAt: Date?
    let memberships: [Membership]
    let proposals: [Proposal]
    let comments: [Comment]
    let supports: [Support]
    let registrations: [Registration]
    let follows: [Follow]
    let notifications: [Notification]
    let reports: [Report]
    let apiTokens: [Token]
    let loginAttempts: [Attempt]
}

enum AccountDataQuery {
    private struct UserRow: Decodable {
        let name: String, email: String, preferred_language: String, province_code: String?, role: String, email_notifications: String
        let created_at: Date?, confirmed_at: Date?, last_sign_in_at: Date?
    }
    private struct MembershipRow: Decodable { let name: LocalizedText, role: String }
    private struct ProposalRow: Decodable { let id: UUID, title: String, language: String, status: String, created_at: Date }
    private struct CommentRow: Decodable { let id: UUID, target_kind: String, target_id: UUID, body: String, created_at: Date, edited_at: Date?, deleted_at: Date? }
    private struct SupportRow: Decodable { let proposal_id: UUID, title: String, created_at: Date }
    private struct RegistrationRow: Decodable { let meeting_id: UUID, title: LocalizedText, status: String, attended: Bool, created_at: Date }
    private struct FollowRow: Decodable { let target_kind: String, target_id: UUID, created_at: Date }
    private struct NotificationRow: Decodable { let kind: String, title: String, created_at: Date, read_at: Date? }
    private struct ReportRow: Decodable { let target_kind: String, target_id: UUID, reason: String, details: String, created_at: Date }
    private struct TokenRow: Decodable { let name: String, created_at: Date?, last_used_at: Date?, revoked_at: Date? }
    private struct AttemptRow: Decodable { let created_at: Date, address: String, succeeded: Bool }

    /// The most recent notifications and sign-in attempts only: older ones are of no use to
    /// anyone and the download stays a file one can open.
    static let recentLimit = 1_000

    static func load(_ userID: UUID, on db: any SQLDatabase) async throws -> AccountData? {
        guard let u = try await db.raw("""
            SELECT name, email, preferred_language, province_code, role, email_notifications, created_at, confirmed_at, last_sign_in_at
            FROM users WHERE id = \(bind: userID)
            """).first(decoding: UserRow.self) else { return nil }
        let memberships = try await db.raw("""
            SELECT o.name, m.role FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = \(bind: userID) ORDER BY m.id
            """).all(decoding: MembershipRow.self)
        let proposals = try await db.raw("""
            SELECT id, title, language, status, created_at FROM proposals WHERE author_id = \(bind: userID) ORDER BY created_at DESC
            """).all(decoding: ProposalRow.self)
        let comments = try await db.raw("""
            SELECT id, target_kind, target_id, body, created_at, edited_at, deleted_at FROM comments WHERE author_id = \(bind: userID) ORDER BY created_at DESC
            """).all(decoding: CommentRow.self)
        let supports = try await db.raw("""
            SELECT s.proposal_id, p.title, s.created_at FROM supports s JOIN proposals p ON p.id = s.proposal_id
            WHERE s.user_id = \(bind: userID) ORDER BY s.created_at DESC
            """).all(decoding: SupportRow.self)
        let registrations = try await db.raw("""
            SELECT r.meeting_id, m.title, r.status, r.attended, r.created_at FROM meeting_registrations r JOIN meetings m ON m.id = r.meeting_id
            WHERE r.user_id = \(bind: userID) ORDER BY r.created_at DESC
            """).all(decoding: RegistrationRow.self)
        let follows = try await db.raw("""
            SELECT target_kind, target_id, created_at FROM follows WHERE user_id = \(bind: userID) ORDER BY created_at DESC
            """).all(decoding: FollowRow.self)
        let notifications = try await db.raw("""
            SELECT kind, title, created_at, read_at FROM notifications WHERE user_id = \(bind: userID) ORDER BY created_at DESC LIMIT \(literal: recentLimit)
            """).all(decoding: NotificationRow.self)
        let reports = try await db.raw("""
            SELECT target_kind, target_id, reason, details, created_at FROM reports WHERE reporter_id = \(bind: userID) ORDER BY created_at DESC
            """).all(decoding: ReportRow.self)
        let tokens = try await db.raw("""
            SELECT name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = \(bind: userID) ORDER BY created_at DESC
            """).all(decoding: TokenRow.self)
        let attempts = try await db.raw("""
            SELECT created_at, address, succeeded FROM login_attempts WHERE email = \(bind: u.email) ORDER BY created_at DESC LIMIT \(literal: recentLimit)
            """).all(decoding: AttemptRow.self)
        return AccountData(
            name: u.name, email: u.email, preferredLanguage: u.preferred_language, province: u.province_code, role: u.role,
            emailNotifications: u.email_notifications, createdAt: u.created_at, confirmedAt: u.confirmed_at, lastSignInAt: u.last_sign_in_at,
            memberships: memberships.map { .init(organisation: $0.name, role: $0.role) },
            proposals: proposals.map { .init(id: $0.id, title: $0.title, language: $0.language, status: $0.status, createdAt: $0.created_at) },
            // A deleted comment's text is no longer held: the place in the thread is.
            comments: comments.map { .init(id: $0.id, targetKind: $0.target_kind, targetID: $0.target_id, body: $0.deleted_at == nil ? $0.body : "",
                                           createdAt: $0.created_at, editedAt: $0.edited_at, deleted: $0.deleted_at != nil) },
            supports: supports.map { .init(proposalID: $0.proposal_id, proposalTitle: $0.title, createdAt: $0.created_at) },
            registrations: registrations.map { .init(meetingID: $0.meeting_id, meeting: $0.title, status: $0.status, attended: $0.attended, createdAt: $0.created_at) },
            follows: follows.map { .init(targetKind: $0.target_kind, targetID: $0.target_id, createdAt: $0.created_at) },
            notifications: notifications.map { .init(kind: $0.kind, title: $0.title, createdAt: $0.created_at, readAt: $0.read_at) },
            reports: reports.map { .init(targetKind: $0.target_kind, targetID: $0.target_id, reason: $0.reason, details: $0.details, createdAt: $0.created_at) },
            apiTokens: tokens.map { .init(name: $0.name, createdAt: $0.created_at, lastUsedAt: $0.last_used_at, revokedAt: $0.revoked_at) },
            loginAttempts: attempts.map { .init(at: $0.created_at, address: $0.address, succeeded: $0.succeeded) })
    }
}
