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

@Suite struct CSVParseTests {
    @Test func readsQuotedFieldsAndLineEndings() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"he said \"\"hi\"\"\"\n2,\"two\nlines\",\n\n"
        #expect(try CSV.parse(text) == [["a", "b", "c"], ["1", "x, y", "he said \"hi\""], ["2", "two\nlines", ""]])
    }

    @Test func roundTripsWhatItWrites() throws {
        let rows = [["ref", "title"], ["OR-1", "ميزانية, مفتوحة"], ["OR-2", "line\nbreak \"quoted\""]]
        #expect(try CSV.parse(CSV.document(rows)) == rows)
    }

    @Test func anUnterminatedQuoteIsAnError() {
        #expect(throws: CSV.ParseError(line: 2, message: "unterminated quoted field")) { try CSV.parse("a,b\n1,\"open\n2,3\n") }
    }
}

@Suite struct ExcelCSVTests {
    @Test func excelFlavourUsesSemicolonsAndAByteOrderMark() {
        let doc = CSV.excelDocument([["ref", "budget"], ["OR-1", "1 250,50"], ["a;b", "=1+1"]])
        #expect(doc == "\u{FEFF}ref;budget\r\nOR-1;\"1 250,50\"\r\n\"a;b\";'=1+1\r\n")
    }
}
