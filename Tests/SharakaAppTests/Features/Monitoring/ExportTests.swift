import Fluent
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

@Suite struct ExportTests {
    @Test(arguments: Engine.all)
    func plansExportAsCSVAtomAndPrint(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a plan with one reported milestone
            let f = try await PlanFixture.make(app)
            let official = Client(app)
            try await official.login("official@example.ma", lang: "fr")
            try await official.get("/fr/milestones/\(f.first.id!)/progress")
            #expect(try await official.postMultipart("/fr/milestones/\(f.first.id!)/progress",
                                                     ["reported_on": "2026-02-01", "text": "Premier rapport <publié> & validé.", "percent": "40", "status": "in_progress"],
                                                     file: ("evidence", "preuve.pdf", "application/pdf", Data("%PDF-1.4\n%x\n".utf8))).status == .seeOther)
            let visitor = Client(app)

            // CSV for machines: RFC 4180, exact budget, one row per commitment
            let plain = try await visitor.get("/fr/plans/\(f.plan.id!)/commitments.csv")
            #expect(plain.headers.contentType?.description.hasPrefix("text/csv") == true)
            let rows = try CSV.parse(plain.body.string)
            #expect(rows.count == 2 && rows[0][0] == "reference" && rows[1][0] == "OR-2025-03")
            #expect(rows[1][rows[0].firstIndex(of: "budget_mad")!] == "1250000.50")
            #expect(rows[1][rows[0].firstIndex(of: "completion_percent")!] == "30")
            // CSV for spreadsheets: BOM and semicolons
            let excel = try await visitor.get("/fr/plans/\(f.plan.id!)/commitments.csv?excel=1").body.string
            #expect(excel.hasPrefix("\u{FEFF}reference;title_ar;"))
            let milestones = try CSV.parse(try await visitor.get("/fr/plans/\(f.plan.id!)/milestones.csv").body.string)
            #expect(milestones.count == 3 && milestones[1][milestones[0].firstIndex(of: "status")!] == "in_progress")

            // Atom: well-formed, one entry, the evidence linked, the text escaped
            for path in ["/fr/plans/\(f.plan.id!)/progress.atom", "/fr/commitments/\(f.commitment.id!)/progress.atom"] {
                let atom = try await visitor.get(path)
                #expect(atom.headers.contentType?.description.hasPrefix("application/atom+xml") == true)
                let xml = atom.body.string
                #expect(XMLParser(data: Data(xml.utf8)).parse(), "\(path) is well-formed XML")
                #expect(xml.components(separatedBy: "<entry>").count == 2)
                #expect(xml.contains("Premier rapport &lt;publié&gt; &amp; validé.") && xml.contains("rel=\"related\" href=\"http"))
            }
            // printable plan
            let print = try await visitor.get("/fr/plans/\(f.plan.id!)/print").body.string
            #expect(print.contains("OR-2025-03") && print.contains("Le budget est peu lisible.") && print.contains("print-commitment"))
            // a draft plan exports nothing to the public
            f.plan.status = "draft"; try await f.plan.save(on: app.db)
            #expect(try await visitor.get("/fr/plans/\(f.plan.id!)/commitments.csv").status == .notFound)
            #expect(try await visitor.get("/fr/plans/\(f.plan.id!)/progress.atom").status == .notFound)
        }
    }
}
