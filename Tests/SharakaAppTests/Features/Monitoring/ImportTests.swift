import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct ImportTests {
    @Test(arguments: Engine.all)
    func moroccosPlansImportOnceAndAgainChangeNothing(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let commitments = try Territory.path("ogp/commitments"), plans = try Territory.path("ogp/plans")
            // act
            let first = try await ImportCommitmentsCommand.importFiles(app, commitments: commitments, plans: plans)
            // check: five plans, 28 commitments; the Oriental's confirmed commitment as published
            #expect(first == .init(plansCreated: 5, created: 28, updated: 0, unchanged: 0))
            let oriental = try #require(try await ActionPlan.query(on: app.db).filter(\.$member == "Oriental OGP Local 2025-2027").first())
            #expect(oriental.periodStart == 2025 && oriental.periodEnd == 2027)
            let maort = try #require(try await Commitment.query(on: app.db).filter(\.$reference == "MAORT0002").first())
            #expect(maort.$plan.id == oriental.id && maort.leadBody == "Oriental Regional Council")
            #expect(maort.startsOn == "2025-04-01" && maort.endsOn == "2027-06-30")
            #expect(Set(maort.values) == [.technologyInnovation, .accessToInformation, .civicParticipation])
            let national = try #require(try await ActionPlan.query(on: app.db).filter(\.$member == "Morocco NAP 2018-2020").first())
            #expect(national.statusValue == .closed)
            #expect(try await Commitment.query(on: app.db).filter(\.$plan.$id == national.id!).count() == 19)
            let entries = try await AuditEntry.query(on: app.db).count()

            // importing the same files again changes nothing at all
            let again = try await ImportCommitmentsCommand.importFiles(app, commitments: commitments, plans: plans)
            #expect(again == .init(plansCreated: 0, created: 0, updated: 0, unchanged: 28))
            #expect(try await AuditEntry.query(on: app.db).count() == entries)
            #expect(try await Commitment.query(on: app.db).count() == 28)
            #expect(try await AuditLog.verify(on: app.db).firstBreak == nil)
            // the imported plans are public pages
            #expect(try await Client(app).get("/fr/commitments/\(maort.id!)").body.string.contains("Strengthening the digital transition in the Oriental Region"))
        }
    }

    @Test(arguments: Engine.all)
    func oneBadRowAndNothingIsImported(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let file = dir.appendingPathComponent("c.csv").path
            let header = "plan,id,title_en,title_fr,title_ar,lead_institution,start,end,policy_area,ogp_values,source_url,summary\n"
            try (header + "Test Plan 2025-2027,T-1,Good one,,,Council,2025-04,2026-06,Open Data,Access to information,,ok\n"
                 + "Test Plan 2025-2027,T 2,Bad one,,,Council,2026-04,2025-06,,,ftp://x,\n").write(toFile: file, atomically: true, encoding: .utf8)
            await #expect(throws: SharakaApp.CommandError.self) { _ = try await ImportCommitmentsCommand.importFiles(app, commitments: file, plans: nil) }
            do { _ = try await ImportCommitmentsCommand.importFiles(app, commitments: file, plans: nil) } catch let e as SharakaApp.CommandError {
                #expect(e.message.contains("line 3") && e.message.contains("ends before it starts") && e.message.contains("not a reference"))
            }
            #expect(try await ActionPlan.query(on: app.db).count() == 0)
            #expect(try await Commitment.query(on: app.db).count() == 0)
            // a file that is not CSV at all
            try "plan,id\n\"unterminated".write(toFile: file, atomically: true, encoding: .utf8)
            await #expect(throws: SharakaApp.CommandError.self) { _ = try await ImportCommitmentsCommand.importFiles(app, commitments: file, plans: nil) }
        }
    }
}
