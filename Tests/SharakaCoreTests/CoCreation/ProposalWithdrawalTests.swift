import Foundation
import SharakaCore
import Testing

@Suite struct ProposalWithdrawalTests {
    @Test func theAuthorWithdrawsAPublishedProposalOnceConfirmed() {
        #expect(ProposalWithdrawal.decide(status: .published, isAuthor: true, confirmed: true)
            == .success(AuditFields(before: ["status": "published"], after: ["status": "withdrawn"])))
    }

    @Test func othersUnconfirmedAndSecondWithdrawalsAreRefused() {
        #expect(ProposalWithdrawal.decide(status: .published, isAuthor: false, confirmed: true) == .failure(.notAuthor))
        #expect(ProposalWithdrawal.decide(status: .withdrawn, isAuthor: true, confirmed: true) == .failure(.alreadyWithdrawn))
        #expect(ProposalWithdrawal.decide(status: .published, isAuthor: true, confirmed: false) == .failure(.notConfirmed))
    }
}

@Suite struct ProposalMergingTests {
    let process = UUID(), official = UUID(), citizen = UUID()
    func candidate(_ author: UUID? = nil, process p: UUID? = nil, mergedInto: UUID? = nil) -> ProposalMerging.Candidate {
        .init(id: UUID(), process: p ?? process, mergedInto: mergedInto, author: author ?? citizen)
    }

    @Test func chosenProposalsOfTheProcessAreMergedAndTheirAuthorsTold() throws {
        let target = candidate(official), a = candidate(), b = candidate(official)
        let d = try ProposalMerging.decide(target: target, chosen: [a.id, b.id, a.id, target.id], found: [a, b]).get()
        #expect(d.merged == [a.id, b.id])
        #expect(d.notify == [citizen]) // the target's own author is not told about their own proposals
        #expect(d.audit[a.id] == AuditFields(before: ["merged_into": ""], after: ["merged_into": target.id.uuidString]))
    }

    @Test func mergesThatWouldLeaveAChainOrCrossProcessesAreRefused() {
        let target = candidate()
        #expect(ProposalMerging.decide(target: candidate(mergedInto: UUID()), chosen: [UUID()], found: []) == .failure(.targetMerged))
        #expect(ProposalMerging.decide(target: target, chosen: [], found: []) == .failure(.nothingChosen))
        #expect(ProposalMerging.decide(target: target, chosen: [target.id], found: [target]) == .failure(.nothingChosen))
        let elsewhere = candidate(process: UUID()), merged = candidate(mergedInto: UUID()), ok = candidate()
        #expect(ProposalMerging.decide(target: target, chosen: [ok.id, elsewhere.id], found: [ok, elsewhere]) == .failure(.notMergeable))
        #expect(ProposalMerging.decide(target: target, chosen: [merged.id], found: [merged]) == .failure(.notMergeable))
        #expect(ProposalMerging.decide(target: target, chosen: [UUID()], found: []) == .failure(.notMergeable))
    }
}
