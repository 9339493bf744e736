import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SharakaCore

/// What a support is decided on that rarely or never changes, kept in memory so that the
/// busiest write of the platform costs one statement of its own: a proposal's process and
/// author (fixed for its life) and a process's status and phases (kept for `lifetime` — the
/// page cache's, `SHARAKA_PAGE_CACHE_SECONDS` — and forgotten when a process is edited
/// through this instance). What can change at
/// any moment — a proposal withdrawn or hidden, a process closed — is checked again by the
/// INSERT itself; when it writes nothing, the facts are read afresh to say why.
final class SupportFacts: Sendable {
    struct ProposalFacts: Sendable { let process: UUID; let author: UUID }
    struct ProcessFacts: Sendable { let status: ProcessStatus; let timeline: Timeline; let readAt: NIODeadline }

    private struct State {
        var proposals: [UUID: ProposalFacts] = [:]
        var processes: [UUID: ProcessFacts] = [:]
    }

    private let state = NIOLockedValueBox(State())
    let lifetime: TimeAmount
    /// Bounds memory: past this many proposals the map starts again.
    let maxProposals: Int

    init(lifetime: TimeAmount, maxProposals: Int = 100_000) {
        self.lifetime = lifetime
        self.maxProposals = maxProposals
    }

    /// The facts that let a support go straight to the batch, or nil when they are not all
    /// known and fresh (the caller then reads them and decides the slow way).
    func known(_ proposal: UUID, now: NIODeadline = .now()) -> (ProposalFacts, ProcessFacts)? {
        state.withLockedValue { s in
            guard let p = s.proposals[proposal], let process = s.processes[p.process], now - process.readAt < lifetime else { return nil }
            return (p, process)
        }
    }

    func remember(_ proposal: UUID, _ facts: ProposalFacts, process: ProcessFacts) {
        state.withLockedValue { s in
            if s.proposals.count >= maxProposals { s.proposals.removeAll(keepingCapacity: true) }
            s.proposals[proposal] = facts
            s.processes[facts.process] = process
        }
    }

    /// Processes may have changed (a write went through this instance).
    func forgetProcesses() {
        state.withLockedValue { $0.processes.removeAll() }
    }
}
