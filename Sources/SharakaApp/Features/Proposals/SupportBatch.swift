import Foundation
import NIOCore
import SQLKit
import Vapor

/// Group commit for supports: the supports that arrive while one batch is being written go
/// together into the next, as one multi-row INSERT … SELECT that re-checks each proposal as
/// it writes and skips pairs already stored (ON CONFLICT DO NOTHING). Each waiting request
/// learns from RETURNING whether its own pair was written. Under load this turns hundreds of
/// single-row writes (on SQLite, one at a time behind the file lock) into a few statements a
/// second; alone, a support is written at once as a batch of one. The proposals' counters
/// are then read once for the whole batch, not once per request.
actor SupportBatch {
    /// Whether this request's pair was written, and its proposal's count just after.
    struct Outcome: Sendable, Equatable { let written: Bool; let supports: Int }

    private struct Pair: Hashable { let proposal: UUID; let user: UUID }
    private struct Waiting { let pair: Pair; let continuation: CheckedContinuation<Outcome, any Error> }

    private var queue: [Waiting] = []
    private var writing = false
    /// Asked at each write, so that the statements go to the application's current logger.
    private let database: @Sendable () -> any SQLDatabase
    private let gate: SerialGate?
    /// What supports are decided on, kept between requests.
    nonisolated let facts: SupportFacts
    /// Four binds a row: well within both engines' limits on bound parameters.
    static let maxRows = 250

    init(database: @escaping @Sendable () -> any SQLDatabase, gate: SerialGate?, factsLifetime: TimeAmount = .zero) {
        self.database = database
        self.gate = gate
        self.facts = SupportFacts(lifetime: factsLifetime)
    }

    /// `written` is false when the support was already there or the proposal stopped
    /// accepting supports since its facts were read.
    func add(_ proposal: UUID, by user: UUID) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Waiting(pair: Pair(proposal: proposal, user: user), continuation: continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(Self.maxRows))
            queue.removeFirst(batch.count)
            do {
                let written = try await write(batch.map(\.pair))
                let counts = try await supports(of: Set(batch.map(\.pair.proposal)))
                // The same pair twice in one batch (a double click) is written once: one "true".
                var told = Set<Pair>()
                for w in batch {
                    w.continuation.resume(returning: Outcome(written: written.contains(w.pair) && told.insert(w.pair).inserted,
                                                             supports: counts[w.pair.proposal] ?? 0))
                }
            } catch {
                for w in batch { w.continuation.resume(throwing: error) }
            }
        }
        writing = false
    }

    private struct Row: Decodable { let proposal_id: UUID, user_id: UUID }
    private struct CountRow: Decodable { let id: UUID, supports_count: Int }

    private func supports(of proposals: Set<UUID>) async throws -> [UUID: Int] {
        let rows = try await database().raw("SELECT id, supports_count FROM proposals WHERE id IN (\(binds: Array(proposals)))").all(decoding: CountRow.self)
        return Dictionary(rows.map { ($0.id, $0.supports_count) }, uniquingKeysWith: { a, _ in a })
    }

    private func write(_ pairs: [Pair]) async throws -> Set<Pair> {
        let sql = database()
        let now = Date()
        let values = SQLList(pairs.map { p in
            SQLGroupExpression([SQLBind(UUID()), SQLBind(p.proposal), SQLBind(p.user), SQLBind(now)] as [any SQLExpression])
        })
        // VALUES' columns are column1 … column4 on both engines.
        let statement: @Sendable () async throws -> [Row] = {
            try await sql.raw("""
                INSERT INTO supports (id, proposal_id, user_id, created_at)
                SELECT v.column1, p.id, v.column3, v.column4 FROM (VALUES \(values)) v JOIN proposals p ON p.id = v.column2
                JOIN processes pr ON pr.id = p.process_id
                WHERE p.status = 'published' AND p.hidden_at IS NULL AND p.author_id <> v.column3 AND pr.status = 'published'
                ON CONFLICT (proposal_id, user_id) DO NOTHING
                RETURNING proposal_id, user_id
                """).all(decoding: Row.self)
        }
        let rows = if let gate { try await gate.run(statement) } else { try await statement() }
        return Set(rows.map { Pair(proposal: $0.proposal_id, user: $0.user_id) })
    }
}

extension Application {
    private struct SupportBatchKey: StorageKey { typealias Value = SupportBatch }

    /// Made in `configure`, once the databases are set up.
    var supportBatch: SupportBatch {
        get { storage[SupportBatchKey.self]! }
        set { storage[SupportBatchKey.self] = newValue }
    }
}
