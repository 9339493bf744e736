@testable import SharakaCore
import Testing

@Suite struct CommitmentImportTests {
    static let header = ["plan", "id", "id_verified", "title_en", "title_fr", "title_ar", "lead_institution", "start", "end", "policy_area", "ogp_values", "source_url", "summary"]

    @Test func readsOGPsColumnsAndFillsFromThePlan() throws {
        let rows = [Self.header,
                    ["Oriental OGP Local 2025-2027", "MAORT0002", "yes", "Digital transition", "", "", "Oriental Regional Council", "2025-04", "2027-06", "",
                     "Technology and Innovation for Transparency and Accountability; Access to information; Civic Participation", "https://www.opengovpartnership.org/x", "Platform."],
                    ["Morocco NAP 2018-2020", "MO0002", "inferred", "Information officers", "", "", "", "", "", "Open Data; Right to Information", "", "", ""]]
        let plans = [["plan", "member", "period", "source_url"], ["Morocco NAP 2018-2020", "Morocco", "2018-2020", ""]]
        guard case .success(let (readPlans, read)) = CommitmentImport.read(commitments: rows, plans: plans) else { Issue.record("refused"); return }
        #expect(readPlans.map(\.name) == ["Morocco NAP 2018-2020", "Oriental OGP Local 2025-2027"])
        #expect(read[0].starts == Day(year: 2025, month: 4, day: 1) && read[0].ends == Day(year: 2027, month: 6, day: 30))
        #expect(Set(read[0].values) == [.technologyInnovation, .accessToInformation, .civicParticipation])
        // no dates: the plan's period; no lead institution: the plan's member; policy area → theme
        #expect(read[1].starts == Day(year: 2018, month: 1, day: 1) && read[1].ends == Day(year: 2020, month: 12, day: 31))
        #expect(read[1].leadBody == "Morocco" && read[1].theme == .openData)
    }

    @Test func everyBadRowIsNamedByItsLine() {
        let rows = [Self.header,
                    ["P 2025-2027", "OK-1", "", "Good", "", "", "X", "2025-01", "2025-12", "", "", "", ""],
                    ["P 2025-2027", "bad id", "", "", "", "", "X", "2025-13", "2024-01", "", "", "ftp://x", ""],
                    ["No period plan", "OK-2", "", "T", "", "", "X", "", "", "", "", "", ""],
                    ["P 2025-2027", "OK-1", "", "Twice", "", "", "X", "", "", "", "", "", ""]]
        guard case .failure(let problems) = CommitmentImport.read(commitments: rows) else { Issue.record("accepted"); return }
        #expect(problems.messages.count == 3)
        #expect(problems.messages[0].hasPrefix("line 3:") && problems.messages[0].contains("not a reference") && problems.messages[0].contains("no title")
                && problems.messages[0].contains("start '2025-13'") && problems.messages[0].contains("source_url"))
        #expect(problems.messages[1].hasPrefix("line 4:") && problems.messages[1].contains("has no period"))
        #expect(problems.messages[2].hasPrefix("line 5:") && problems.messages[2].contains("appears twice"))
        guard case .failure(let missing) = CommitmentImport.read(commitments: [["plan", "id"]]) else { Issue.record("accepted"); return }
        #expect(missing.messages.contains("missing column lead_institution"))
    }

    @Test func monthsAndYears() {
        #expect(CommitmentImport.day("2024-02", end: true) == Day(year: 2024, month: 2, day: 29))
        #expect(CommitmentImport.day("2025-12", end: true) == Day(year: 2025, month: 12, day: 31))
        #expect(CommitmentImport.day("2025-04-15", end: true) == Day(year: 2025, month: 4, day: 15))
        #expect(CommitmentImport.day("April 2025", end: false) == nil)
        #expect(CommitmentImport.years("2025-2027 (end Jun 2027)")! == (2025, 2027))
        #expect(CommitmentImport.years("2027-2025") == nil)
    }
}
