import SharakaCore
import Testing

@Suite struct MonitoringTests {
    let end = Day(year: 2026, month: 6, day: 30)!

    func m(_ weight: Int, _ status: MilestoneStatus, _ percent: Int = 0) -> MilestoneFacts {
        MilestoneFacts(weight: weight, status: status, percent: percent, ends: end)
    }

    @Test func completionIsWeightedAndCountsCompletedAsWhole() {
        #expect(Completion.percent([]) == 0)
        #expect(Completion.percent([m(1, .notStarted, 80)]) == 0)      // not started counts nothing, whatever was typed
        #expect(Completion.percent([m(1, .completed, 10), m(1, .notStarted)]) == 50)
        #expect(Completion.percent([m(3, .inProgress, 50), m(1, .completed)]) == 62) // (150 + 100) / 4 = 62.5, rounded down
        #expect(Completion.percent([m(1, .completed), m(5, .cancelled, 0)]) == 100) // cancelled leaves the weighting
        #expect(Completion.percent([m(1, .cancelled, 40)]) == 0)
        #expect(Completion.percent([m(1, .inProgress, 100), m(1, .completed)]) == 99) // complete only when every milestone is
        #expect(Completion.percent([m(0, .completed), m(2, .inProgress, 30)]) == 30) // weight 0 does not count
    }

    @Test func irmLevelsFollowThePercentage() {
        #expect(IRMCompletion.level(percent: 0) == .notStarted)
        #expect(IRMCompletion.level(percent: 1) == .limited)
        #expect(IRMCompletion.level(percent: 49) == .limited)
        #expect(IRMCompletion.level(percent: 50) == .substantial)
        #expect(IRMCompletion.level(percent: 99) == .substantial)
        #expect(IRMCompletion.level(percent: 100) == .complete)
        #expect(Completion.level([m(1, .completed), m(1, .completed)]) == .complete)
        #expect(Completion.level([m(1, .inProgress, 20), m(1, .notStarted)]) == .limited)
    }

    @Test func delayedIsComputedFromTheEndDate() {
        let before = Day(year: 2026, month: 6, day: 30)!, after = Day(year: 2026, month: 7, day: 1)!
        #expect(!m(1, .inProgress).isDelayed(today: before))   // due today is not late
        #expect(m(1, .inProgress).isDelayed(today: after))
        #expect(m(1, .notStarted).isDelayed(today: after))
        #expect(!m(1, .completed).isDelayed(today: after))
        #expect(!m(1, .cancelled).isDelayed(today: after))
    }

    @Test func everyMilestoneStandsInExactlyOneGroup() {
        let before = Day(year: 2026, month: 6, day: 30)!, after = Day(year: 2026, month: 7, day: 1)!
        #expect(m(1, .inProgress).standing(today: before) == .onTime)
        #expect(m(1, .notStarted).standing(today: after) == .delayed)
        #expect(m(1, .completed).standing(today: after) == .completed)
        #expect(m(1, .cancelled).standing(today: after) == .cancelled)
        let all = [m(1, .inProgress), m(1, .notStarted), m(1, .completed), m(1, .cancelled), m(1, .inProgress)]
        #expect(MilestoneStanding.tally(all, today: after) == [.onTime: 0, .delayed: 3, .completed: 1, .cancelled: 1])
        #expect(MilestoneStanding.tally(all, today: before) == [.onTime: 3, .delayed: 0, .completed: 1, .cancelled: 1])
        #expect(MilestoneStanding.tally([], today: before).values.reduce(0, +) == 0)
    }

    @Test func milestoneStatusChanges() {
        #expect(MilestoneStatus.notStarted.canMove(to: .completed))
        #expect(MilestoneStatus.inProgress.canMove(to: .cancelled))
        #expect(!MilestoneStatus.inProgress.canMove(to: .notStarted))
        #expect(!MilestoneStatus.completed.canMove(to: .cancelled))
        #expect(MilestoneStatus.completed.canMove(to: .inProgress))
    }

    @Test func planLifecycleFreezesOnAdoption() {
        #expect(PlanStatus.draft.canMove(to: .consultation))
        #expect(PlanStatus.consultation.canMove(to: .draft))
        #expect(!PlanStatus.draft.canMove(to: .adopted))
        #expect(!PlanStatus.closed.canMove(to: .draft))
        #expect(PlanStatus.allCases.filter(\.isFrozen) == [.adopted, .implementation, .closed])
        #expect(!PlanStatus.draft.isPublic && PlanStatus.consultation.isPublic)
    }
}

@Suite struct MoneyTests {
    @Test(arguments: [
        ("1250000", 125_000_000), ("1 250 000", 125_000_000), ("1 250 000,50", 125_000_050), ("1.250.000,5", 125_000_050),
        ("1,250,000.50", 125_000_050), ("1250000.50", 125_000_050), ("٣٠٠٠٠٠", 30_000_000), ("2 500 000 MAD", 250_000_000),
        ("12,5", 1_250), ("0", 0), ("450 000 درهم", 45_000_000), ("1\u{202F}000", 100_000),
    ] as [(String, Int64)])
    func parsesWhatPeopleType(_ raw: String, _ centimes: Int64) {
        #expect(MAD(parsing: raw)?.centimes == centimes, "\(raw)")
    }

    @Test(arguments: ["", "abc", "-5", "1,2,3", "12 34", "1.250,000.5", "1 250.000", "1e6", "1000000000000000000", "12.345.6", ".5"])
    func refusesWhatIsNotAnAmount(_ raw: String) {
        #expect(MAD(parsing: raw) == nil, "\(raw)")
    }

    @Test func formatsExactly() {
        let amount = MAD(parsing: "1 250 000,50")!
        #expect(amount.description == "1250000.50")
        #expect(amount.formatted(in: .fr) == "1\u{202F}250\u{202F}000,50 MAD")
        #expect(amount.formatted(in: .en) == "1,250,000.50 MAD")
        #expect(MAD(centimes: 30_000_000).formatted(in: .ar) == "300.000 درهم")
        // sums stay exact where floating point would not: 0.1 + 0.2
        #expect(MAD(parsing: "0,10")!.adding(MAD(parsing: "0,20")!) == MAD(parsing: "0,30")!)
    }
}

@Suite struct AuditChainTests {
    func chain(_ n: Int) -> [(record: AuditRecord, storedHash: String)] {
        var out: [(record: AuditRecord, storedHash: String)] = []
        var previous = AuditChain.genesis
        for i in 1...n {
            let r = AuditRecord(sequence: i, recordedAt: "2026-11-24T10:00:0\(i % 10).000Z", actor: "official-\(i)", action: "update",
                                objectKind: "milestone", objectID: "M\(i)", before: AuditChain.canonical(["status": "not_started"]),
                                after: AuditChain.canonical(["status": "in_progress", "percent": "\(i * 10)"]), previousHash: previous)
            out.append((r, r.hash))
            previous = r.hash
        }
        return out
    }

    @Test func anIntactChainVerifies() {
        #expect(AuditChain.verify(chain(5)) == nil)
        #expect(AuditChain.verify([]) == nil)
        #expect(chain(1)[0].storedHash.count == 64)
    }

    @Test func anyChangeIsFoundAtItsEntry() {
        var altered = chain(5)
        altered[2].record.after = AuditChain.canonical(["status": "completed"])
        #expect(AuditChain.verify(altered) == .alteredEntry(sequence: 3))

        var rehashed = chain(5)   // a forger who also rewrites the stored hash breaks the next link
        rehashed[2].record.actor = "someone-else"
        rehashed[2].storedHash = rehashed[2].record.hash
        #expect(AuditChain.verify(rehashed) == .brokenLink(sequence: 4))

        var removed = chain(5)
        removed.remove(at: 1)
        #expect(AuditChain.verify(removed) == .gap(sequence: 3))
    }

    @Test func canonicalJSONSortsKeys() {
        #expect(AuditChain.canonical(["b": "2", "a": "/x"]) == #"{"a":"/x","b":"2"}"#)
        #expect(AuditChain.canonical([:]) == "{}")
        // the length prefixes keep field boundaries apart
        let a = AuditRecord(sequence: 1, recordedAt: "t", actor: "ab", action: "c", objectKind: "k", objectID: "i", before: "{}", after: "{}", previousHash: AuditChain.genesis)
        var b = a; b.actor = "a"; b.action = "bc"
        #expect(a.hash != b.hash)
    }
}

@Suite struct RevisionDiffTests {
    @Test func comparesFieldByField() {
        let old = [("plan/title/fr", "Plan 2025"), ("commitment OR-1/title/fr", "Budget ouvert"), ("commitment OR-2/title/fr", "Justice")]
        let new = [("plan/title/fr", "Plan 2025"), ("commitment OR-1/title/fr", "Budget ouvert et citoyen"), ("commitment OR-3/title/fr", "Données")]
        #expect(RevisionDiff.compare(old, new) == [
            .changed(path: "commitment OR-1/title/fr", from: "Budget ouvert", to: "Budget ouvert et citoyen"),
            .added(path: "commitment OR-3/title/fr", value: "Données"),
            .removed(path: "commitment OR-2/title/fr", value: "Justice"),
        ])
        #expect(RevisionDiff.compare(old, old).isEmpty)
    }
}
