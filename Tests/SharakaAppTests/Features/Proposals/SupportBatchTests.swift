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
}
