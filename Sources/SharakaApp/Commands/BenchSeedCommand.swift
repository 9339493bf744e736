import Fluent
import SharakaCore
import SQLKit
import Vapor

/// `sharaka bench-seed --proposals 20000 --supports 1000000`: fills the demo process with
/// bulk data for bench/cocreation (multi-row inserts, one transaction per table), and
/// writes one proposal with a 60-comment thread. Prints the ids the benchmark requests.
struct BenchSeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "proposals", help: "Number of proposals (default 20000).") var proposals: Int?
        @Option(name: "supports", help: "Number of supports in all (default 1000000).") var supports: Int?
        init() {}
    }
    var help: String { "Loads bulk proposals, supports and a 60-comment thread for benchmarks (demo databases only)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareStorage(app)
        try await app.autoMigrate()
        _ = try await DemoSeed.run(on: app)
        guard try await Region.query(on: app.db).first()?.isDemo == true else { throw CommandError(message: "bench-seed refuses to touch a non-demo region") }
        let nProposals = signature.proposals ?? 20_000, nSupports = signature.supports ?? 1_000_000
        let perProposal = max(1, nSupports / max(nProposals, 1))
        let nUsers = max(perProposal * 2, 2_000)
        guard let process = try await ParticipatoryProcess.query(on: app.db).sort(\.$createdAt).first() else { throw CommandError(message: "no process") }
        let provinces = try await Province.query(on: app.db).all().map(\.code)
        let sql = app.db as! any SQLDatabase
        let now = Date()
        let hash = try await app.password.async.hash(DemoPassword.make() + DemoPassword.make()).get()
        let started = Date()

        let users = (0..<nUsers).map { _ in UUID() }
        try await app.db.transaction { db in
            let sql = db as! any SQLDatabase
            for batch in stride(from: 0, to: nUsers, by: 500) {
                var insert = sql.insert(into: User.schema).columns("id", "created_at", "name", "email", "password_hash", "preferred_language", "province_code", "role", "confirmed_at", "email_notifications")
                for i in batch..<min(batch + 500, nUsers) {
                    let id = users[i]
                    insert = insert.values(SQLBind(id), SQLBind(now), SQLBind("Bench \(i)"), SQLBind("bench\(i)@bench.sharaka.ma"), SQLBind(hash), SQLBind("ar"),
                                           SQLBind(provinces[i % provinces.count]), SQLBind("citizen"), SQLBind(now), SQLBind("none"))
                }
                try await insert.run()
            }
        }
        let values = OGPValue.allCases.map(\.rawValue), themes = ProposalTheme.allCases.map(\.rawValue)
        let proposals = (0..<nProposals).map { _ in UUID() }
        try await app.db.transaction { db in
            let sql = db as! any SQLDatabase
            for batch in stride(from: 0, to: nProposals, by: 500) {
                var insert = sql.insert(into: Proposal.schema).columns("id", "created_at", "updated_at", "process_id", "author_id", "title", "body", "language", "ogp_value", "theme",
                                                                        "province_code", "status", "supports_count", "comments_count", "random_key", "search_text")
                for i in batch..<min(batch + 500, nProposals) {
                    let id = proposals[i]
                    let ar = i % 2 == 0
                    let title = ar ? "مقترح تجريبي رقم \(i) لتحسين الشفافية" : "Proposition de test n° \(i) pour la transparence"
                    let body = ar ? "نص تجريبي للمقترح رقم \(i) يصف المشكل والحل المقترح بتفصيل كاف." : "Texte de test de la proposition \(i), qui décrit le problème et la solution."
                    insert = insert.values(SQLBind(id), SQLBind(now.addingTimeInterval(-Double(nProposals - i) * 60)), SQLBind(now), SQLBind(process.id!),
                                           SQLBind(users[i % users.count]), SQLBind(title), SQLBind(body), SQLBind(ar ? "ar" : "fr"),
                                           SQLBind(values[i % values.count]), SQLBind(themes[i % themes.count]), SQLBind(provinces[i % provinces.count]),
                                           SQLBind("published"), SQLBind(perProposal), SQLBind(0), SQLBind(Int.random(in: 0..<2_147_483_647)),
                                           SQLBind(Proposal.searchText(title: title, body: body)))
                }
                try await insert.run()
            }
        }
        // Proposal i is supported by the perProposal users that follow it in a ring: distinct pairs by construction.
        try await app.db.transaction { db in
            let sql = db as! any SQLDatabase
            var insert = sql.insert(into: Support.schema).columns("id", "proposal_id", "user_id", "created_at")
            var rows = 0
            for (i, p) in proposals.enumerated() {
                for j in 0..<perProposal {
                    insert = insert.values(SQLBind(UUID()), SQLBind(p), SQLBind(users[(i + j) % users.count]), SQLBind(now))
                    rows += 1
                    if rows == 1_000 {
                        try await insert.run()
                        insert = sql.insert(into: Support.schema).columns("id", "proposal_id", "user_id", "created_at")
                        rows = 0
                    }
                }
            }
            if rows > 0 { try await insert.run() }
        }
        // The thread: 20 comments, each with a reply and a reply to the reply.
        let target = proposals[nProposals / 2]
        try await app.db.transaction { db in
            for i in 0..<20 {
                var parent: Comment?
                for depth in 0..<3 {
                    let c = Comment(target: .proposal, targetID: target, parent: parent, authorID: users[(i * 3 + depth) % users.count],
                                    body: "تعليق تجريبي رقم \(i)-\(depth): هذه الفكرة مفيدة وتحتاج إلى جدول زمني واضح.", alignment: CommentAlignment.allCases[(i + depth) % 3])
                    try await c.create(on: db)
                    parent = c
                }
            }
            try await (db as! any SQLDatabase).raw("UPDATE proposals SET comments_count = 60 WHERE id = \(bind: target)").run()
        }
        // Fresh statistics and, on PostgreSQL, a visibility map, as autovacuum would leave a
        // database that has lived a while: otherwise index-only counts visit the heap.
        try await sql.raw(app.settings.engine == .postgres ? "VACUUM ANALYZE" : "ANALYZE").run()
        context.console.print("seeded \(nUsers) users, \(nProposals) proposals, \(nProposals * perProposal) supports in \(Int(Date().timeIntervalSince(started))) s")
        context.console.print("process=\(process.id!) proposal=\(target)")
    }
}
