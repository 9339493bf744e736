import SharakaCore
import Testing

@Suite struct CSVTests {
    @Test func quotesAndDefusesFormulas() {
        #expect(CSV.field("Amina") == "Amina")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("dit \"oui\"") == "\"dit \"\"oui\"\"\"")
        #expect(CSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSV.field("+212600") == "'+212600")
        #expect(CSV.field("@SUM") == "'@SUM")
        #expect(CSV.document([["a", "b"], ["1", "وجدة"]]) == "a,b\r\n1,وجدة\r\n")
    }
}
