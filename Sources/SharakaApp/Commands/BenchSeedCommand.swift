import Fluent
import SharakaCore
import SQLKit
import Vapor

/// `sharaka bench-seed`: loads a region's full scale into the demo database for bench/ —
/// 100,000 accounts, 20,000 proposals, 1,000,000 supports, 200,000 comments (one thread of
/// 60 and one of 500), 500 workshops with 20,000 registrations, an action plan of 12
/// commitments, 80 milestones and 2,000 progress reports, everything in the search index.
/// Bulk multi-row inserts, one transaction per table. Prints the ids the benchmark asks for
/// (`process=<id> proposal=<id>` first, as scripts expect).
struct BenchSeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "users", help: "Accounts (default 100000).") var users: Int?
        @Option(name: "proposals", help: "Proposals (default 20000).") var proposals: Int?
        @Option(name: "supports", help: "Supports in all (default 1000000).") var supports: Int?
        @Option(name: "comments", help: "Comments in all (default 200000, at least 560).") var comments: Int?
        @Option(name: "workshops", help: "Workshops (default 500, 40 registrations each).") var workshops: Int?
        @Option(name: "tokens", help: "Write 256 API tokens of fresh accounts to this file, one per line, and 4,000 proposal ids to FILE.proposals, for the support benchmark.") var tokens: String?
        init() {}
    }
    var help: String { "Loads a region's full scale of bulk data for benchmarks (demo databases only)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareStorage(app)
        try await app.autoMigrate()
        _ = try await DemoSeed.run(on: app)
        guard try await Region.query(on: app.db).first()?.isDemo == true else { throw CommandError(message: "bench-seed refuses to touch a non-demo region") }
        guard try await Proposal.query(on: app.db).count() < 1_000 else { throw CommandError(message: "this database is already seeded for benchmarks") }
        let scale = BenchScale(users: signature.users ?? 100_000, proposals: signature.proposals ?? 20_000, supports: signature.supports ?? 1_000_000,
                               comments: signature.comments ?? 200_000, workshops: signature.workshops ?? 500)
        guard scale.proposals >= 2, scale.comments >= 560, scale.users >= 600 else { throw CommandError(message: "at least 2 proposals, 560 comments and 600 accounts") }
        let started = Date()
        let seed = try await BenchSeed(app: app, scale: scale)
        try await seed.users()
        try await seed.proposalsAndComments()
        try await seed.supports()
        let meeting = try await seed.workshops()
        let (plan, commitment) = try await seed.plan()
        if let path = signature.tokens {
            let tokens = try await seed.tokens(256)
            try tokens.joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
            try seed.proposalIDs.prefix(4_000).map(\.uuidString).joined(separator: "\n").appending("\n")
                .write(toFile: path + ".proposals", atomically: true, encoding: .utf8)
        }
        // Fresh statistics and, on PostgreSQL, a visibility map, as autovacuum would leave a
        // database that has lived a while: otherwise index-only counts visit the heap.
        let sql = app.db as! any SQLDatabase
        try await sql.raw(app.settings.engine == .postgres ? "VACUUM ANALYZE" : "ANALYZE").run()
        context.console.print("seeded \(scale.users) accounts, \(scale.proposals) proposals, \(seed.supportRows) supports, \(scale.comments) comments, "
                              + "\(scale.workshops) workshops, \(scale.workshops * 40) registrations, 12 commitments, 80 milestones, 2000 progress reports "
                              + "in \(Int(Date().timeIntervalSince(started))) s")
        context.console.print("process=\(seed.process) proposal=\(seed.proposal60)")
        context.console.print("proposal500=\(seed.proposal500) meeting=\(meeting) plan=\(plan) commitment=\(commitment)")
    }
}

struct BenchScale {
    let users: Int, proposals: Int, supports: Int, comments: Int, workshops: Int
}
