import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import SQLKit
import Testing
import Vapor

/// Supports arriving together are written together, and each is still exact: every person
/// counts once however often they click, the author and a hidden proposal never count.
@Suite struct SupportBatchTests {
    @Test(arguments: Engine.all)
    func concurrentSupportsAreWrittenInBatchesAndCountedOnce(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let counter = StatementCounter()
            counter.install(on: app)
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            let proposal = try await TestFixtures.proposal(app, process: process, author: author)
            let hidden = try await TestFixtures.proposal(app, process: process, author: author, title: "Une proposition masquée par la modération")
            hidden.hiddenAt = Date()
            try await hidden.save(on: app.db)
            var people: [UUID] = []
            for i in 0..<40 {
                let u = User(name: "Personne \(i)", email: "p\(i)@example.ma", passwordHash: "x", language: .fr, provinceCode: nil, role: .citizen)
                try await u.create(on: app.db)
                people.append(u.id!)
            }
            let batch = app.supportBatch
            var results: [(UUID, UUID, SupportBatch.Outcome)] = []
            let statements = try await counter.during {
                results = try await withThrowingTaskGroup(of: (UUID, UUID, SupportBatch.Outcome).self) { group in
                    // each person twice on the proposal (a double click), once on the hidden one; the author once
                    for person in people + people {
                        group.addTask { (proposal.id!, person, try await batch.add(proposal.id!, by: person)) }
                    }
                    for person in people.prefix(5) { group.addTask { (hidden.id!, person, try await batch.add(hidden.id!, by: person)) } }
                    group.addTask { (proposal.id!, author.id!, try await batch.add(proposal.id!, by: author.id!)) }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            let written = results.filter(\.2.written)
            // every answer carries its proposal's count as it stood after its batch: never past 40, the last 40
            #expect(results.allSatisfy { $0.0 == hidden.id! ? $0.2.supports == 0 : (0...40).contains($0.2.supports) })
            #expect(results.map(\.2.supports).max() == 40)
            #expect(written.count == 40 && Set(written.map(\.1)) == Set(people) && written.allSatisfy { $0.0 == proposal.id! })
            #expect(try await Support.query(on: app.db).count() == 40)
            #expect(try await Proposal.find(proposal.id, on: app.db)?.supportsCount == 40)
            #expect(try await Proposal.find(hidden.id, on: app.db)?.supportsCount == 0)
            // 86 supports asked at once took fewer statements than supports
            let inserts = statements.filter { $0.uppercased().hasPrefix("INSERT INTO SUPPORTS") }.count
            #expect(inserts >= 1 && inserts < 86, "\(inserts) INSERT statements for 86 supports")
            // and the counters were read once a batch, not once a support
            let counts = statements.filter { $0.uppercased().hasPrefix("SELECT ID, SUPPORTS_COUNT FROM PROPOSALS") }.count
            #expect(counts == inserts, "\(counts) counter reads for \(inserts) batches")
        }
    }

    @Test(arguments: Engine.all)
    func knownFactsSkipTheirReadAndWhatChangedIsStillRefused(engine: Engine) async throws {
        var settings = try TestDatabase.settings(engine)
        settings.pageCacheSeconds = 60
        try await withTestApp(engine, settings: settings) { app in
            // setup
            let counter = StatementCounter()
            counter.install(on: app)
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma")
            let proposal = try await TestFixtures.proposal(app, process: process, author: author)
            var fans: [UUID] = []
            for i in 0..<4 { fans.append(try await TestFixtures.user(app, email: "fan\(i)@example.ma").id!) }
            let sql = app.db as! any SQLDatabase
            func support(_ user: UUID, _ id: UUID) async -> (SupportWrite.Outcome?, (any Error)?, [String]) {
                var outcome: SupportWrite.Outcome?, failure: (any Error)?
                let statements = await counter.during {
                    do { outcome = try await SupportWrite.change(id, by: user, adding: true, batch: app.supportBatch, gate: app.sqliteWriteGate, on: sql) }
                    catch { failure = error }
                }
                return (outcome, failure, statements)
            }
            let readsFacts = { (statements: [String]) in statements.contains { $0.uppercased().hasPrefix("SELECT P.STATUS, P.HIDDEN_AT") } }
            // act, check: the first support reads the facts, the next one does not
            let (first, _, firstStatements) = await support(fans[0], proposal.id!)
            #expect(first?.changed == true && first?.supports == 1 && readsFacts(firstStatements))
            let (second, _, secondStatements) = await support(fans[1], proposal.id!)
            #expect(second?.changed == true && second?.supports == 2 && !readsFacts(secondStatements), "\(secondStatements)")
            // a second click is told apart from a refusal by reading the facts again
            let (again, _, _) = await support(fans[1], proposal.id!)
            #expect(again?.changed == false && again?.supports == 2)
            // the author is still refused
            let (_, own, _) = await support(author.id!, proposal.id!)
            #expect((own as? Refusal)?.key == .refusalOwnProposal)
            // withdrawn behind the cache's back: the INSERT writes nothing and the refusal says why
            proposal.status = ProposalStatus.withdrawn.rawValue
            try await proposal.save(on: app.db)
            let (_, withdrawn, _) = await support(fans[2], proposal.id!)
            #expect((withdrawn as? Refusal)?.key == .refusalWithdrawn)
            // a process closed behind its back: nothing written either
            let other = try await TestFixtures.proposal(app, process: process, author: author, title: "Une autre proposition pour la région")
            #expect(await support(fans[2], other.id!).0?.changed == true)
            process.status = ProcessStatus.closed.rawValue
            try await process.save(on: app.db)
            let (_, closed, _) = await support(fans[3], other.id!)
            #expect((closed as? Refusal)?.key == .refusalPhaseClosed)
            #expect(try await Support.query(on: app.db).count() == 3)
            #expect(try await Proposal.find(proposal.id, on: app.db)?.supportsCount == 2)
            #expect(try await Proposal.find(other.id, on: app.db)?.supportsCount == 1)
        }
    }
}
