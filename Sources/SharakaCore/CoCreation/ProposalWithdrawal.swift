import Foundation

/// Its author takes a proposal back: only the author, only once, and only after confirming,
/// because a withdrawn proposal leaves the lists and its supports stop counting.
public enum ProposalWithdrawal {
    public enum Refusal: Error, Sendable, Equatable { case notAuthor, alreadyWithdrawn, notConfirmed }

    public static func decide(status: ProposalStatus, isAuthor: Bool, confirmed: Bool) -> Result<AuditFields, Refusal> {
        guard isAuthor else { return .failure(.notAuthor) }
        guard status == .published else { return .failure(.alreadyWithdrawn) }
        guard confirmed else { return .failure(.notConfirmed) }
        return .success(AuditFields(before: ["status": status.rawValue], after: ["status": ProposalStatus.withdrawn.rawValue]))
    }
}
