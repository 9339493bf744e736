import SharakaCore
import Testing

@Suite struct TimelineTests {
    func d(_ s: String) -> Day { Day(iso: s)! }

    var timeline: Timeline {
        Timeline([
            PhaseWindow(kind: .proposals, starts: d("2025-03-01"), ends: d("2025-04-15")),
            PhaseWindow(kind: .information, starts: d("2025-02-01"), ends: d("2025-02-28")),
            PhaseWindow(kind: .workshops, starts: d("2025-04-16"), ends: d("2025-05-31")),
        ])
    }

    @Test func daysParseAndCompare() {
        #expect(Day(iso: "2025-02-29") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2025-13-01") == nil)
        #expect(Day(iso: "25-01-01") == nil)
        #expect(Day(iso: "nonsense") == nil)
        #expect(d("2025-01-31") < d("2025-02-01"))
        #expect(d("2025-01-31").adding(days: 1) == d("2025-02-01"))
        #expect(d("2025-12-31").adding(days: 1).iso == "2026-01-01")
    }

    @Test func currentPhaseFollowsTheCalendar() {
        #expect(timeline.phases.first?.kind == .information) // sorted by start
        #expect(timeline.current(on: d("2025-01-15")) == nil)
        #expect(timeline.current(on: d("2025-03-01"))?.kind == .proposals)
        #expect(timeline.current(on: d("2025-04-15"))?.kind == .proposals) // end day included
        #expect(timeline.current(on: d("2025-04-16"))?.kind == .workshops)
        #expect(timeline.current(on: d("2025-06-01")) == nil)
    }

    @Test func proposalsOnlyDuringTheProposalsPhaseOfAPublishedProcess() {
        #expect(timeline.allows(.propose, on: d("2025-03-10"), status: .published))
        #expect(!timeline.allows(.propose, on: d("2025-03-10"), status: .draft))
        #expect(!timeline.allows(.propose, on: d("2025-03-10"), status: .closed))
        #expect(!timeline.allows(.propose, on: d("2025-02-10"), status: .published))
        #expect(!timeline.allows(.propose, on: d("2025-05-10"), status: .published))
        #expect(timeline.allows(.registerForMeeting, on: d("2025-05-10"), status: .published))
        #expect(timeline.allows(.comment, on: d("2025-02-10"), status: .published))
    }

    @Test func problemsAreFound() {
        #expect(timeline.problems().isEmpty)
        let bad = Timeline([
            PhaseWindow(kind: .information, starts: d("2025-02-01"), ends: d("2025-03-05")),
            PhaseWindow(kind: .proposals, starts: d("2025-03-01"), ends: d("2025-02-15")),
        ])
        #expect(bad.problems().count == 2)
        #expect(bad.problems().contains(.endsBeforeStart(index: 1)))
        #expect(bad.problems().contains(.overlaps(index: 1)))
    }

    @Test func statusMoves() {
        #expect(ProcessStatus.draft.canMove(to: .published))
        #expect(!ProcessStatus.draft.canMove(to: .closed))
        #expect(ProcessStatus.published.canMove(to: .closed))
        #expect(!ProcessStatus.published.canMove(to: .draft))
        #expect(!ProcessStatus.draft.isPublic)
    }
}
