import Fluent
import SQLKit
import SharakaCore
import Vapor

/// `sharaka bench-notify`: how long an unrelated audited write takes, alone and while answers
/// to a proposal followed by 5,000 people are being told (demo databases only). The figures
/// go in bench/RESULTS.md; no test times anything.
struct BenchNotifyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "followers", help: "Followers of the answered proposal (default 5000).") var followers: Int?
        @Option(name: "writes", help: "Unrelated audited writes measured in each phase (default 200).") var writes: Int?
        @Option(name: "events", help: "Answers told to the followers while the writes run (default 10).") var events: Int?
        init() {}
    }
    var help: String { "Measures an unrelated audited write alone and during notification fan-outs to many followers." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareStorage(app)
        try await app.autoMigrate()
        _ = try await DemoSeed.run(on: app)
        guard try await Region.query(on: app.db).first()?.isDemo == true else { throw CommandError(message: "bench-notify refuses to touch a non-demo region") }
        let followers = signature.followers ?? 5_000, writes = signature.writes ?? 200, events = signature.events ?? 10
        guard let proposal = try await Proposal.query(on: app.db).first(), let organisation = try await Organisation.query(on: app.db).first() else {
            throw CommandError(message: "the demo has no proposal")
        }
        try await Self.follow(proposal.id!, by: followers, on: app.db as! any SQLDatabase)

        // An administrator's edit of an organisation: audited, and about nothing the followers follow.
        @Sendable func unrelated(_ i: Int) async throws -> Double {
            let started = ContinuousClock.now
            try await AuditLog.write(app, actorID: "bench") { db in
                try await (db as! any SQLDatabase).raw("UPDATE organisations SET search_text = search_text WHERE id = \(bind: organisation.id!)").run()
                return ((), [.init(action: "bench", objectKind: "organisation", objectID: organisation.id!, scope: organisation.id!,
                                   before: ["n": String(i)], after: ["n": String(i + 1)])])
            }
            return Self.ms(ContinuousClock.now - started)
        }
        var alone: [Double] = []
        for i in 0..<writes { alone.append(try await unrelated(i)) }

        let before = try await Notification.query(on: app.db).count()
        let fanOut = Task { () -> Double in
            let started = ContinuousClock.now
            for _ in 0..<events {
                try await AuditLog.write(app, actorID: "bench") { db in
                    try await Notifier.emit(.answer, target: .proposal, id: proposal.id!, title: proposal.title, followers: true, on: db)
                    return ((), [.init(action: "bench-answer", objectKind: "proposal", objectID: proposal.id!, scope: proposal.id!, before: [:], after: ["n": "1"])])
                }
            }
            return Self.ms(ContinuousClock.now - started)
        }
        var during: [Double] = []
        for i in 0..<writes { during.append(try await unrelated(writes + i)) }
        let fanOutMs = try await fanOut.value
        let told = try await Notification.query(on: app.db).count() - before
        context.console.print(String(format: "unrelated audited write alone: p50 %.2f ms, p99 %.2f ms (%d writes)", Self.percentile(alone, 0.5), Self.percentile(alone, 0.99), writes))
        context.console.print(String(format: "during %d answers to %d followers: p50 %.2f ms, p99 %.2f ms; fan-out %.1f ms per answer; %d notifications written",
                                     events, followers, Self.percentile(during, 0.5), Self.percentile(during, 0.99), fanOutMs / Double(events), told))
    }

    /// Accounts that follow the proposal, 10 % of them wanting each mail at once.
    private static func follow(_ proposal: UUID, by count: Int, on sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: count, by: 500) {
            let ids = (start..<min(count, start + 500)).map { _ in UUID() }
            let users = ids.enumerated().map { i, id -> SQLQueryString in
                "(\(bind: id), \(bind: Date()), \(bind: "Suiveur \(start + i)"), \(bind: "follower\(start + i)-\(id)@bench.invalid"), 'x', 'fr', 'citizen', \(bind: (start + i) % 10 == 0 ? "immediate" : "none"), \(bind: Date()))"
            }
            try await sql.raw("""
                INSERT INTO users (id, created_at, name, email, password_hash, preferred_language, role, email_notifications, confirmed_at)
                VALUES \(users.joined(separator: ", "))
                """).run()
            let follows = ids.map { id -> SQLQueryString in "(\(bind: UUID()), \(bind: id), 'proposal', \(bind: proposal), \(bind: Date()))" }
            try await sql.raw("INSERT INTO follows (id, user_id, target_kind, target_id, created_at) VALUES \(follows.joined(separator: ", "))").run()
        }
    }

    private static func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }

    private static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }
}
