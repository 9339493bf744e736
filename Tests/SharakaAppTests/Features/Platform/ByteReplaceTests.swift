@testable import SharakaApp
import Testing

@Suite struct ByteReplaceTests {
    @Test func replacesEveryMarkerAndAsksForTheReplacementOnce() {
        var asked = 0
        let out = ByteReplace.all("@@T@@", in: "<p>مرحبا @@T@@ و @@T@@</p>@@T@@", with: { asked += 1; return "tok" })
        #expect(out == "<p>مرحبا tok و tok</p>tok")
        #expect(asked == 1)
    }

    @Test func absentMarkerAsksNothing() {
        var asked = 0
        #expect(ByteReplace.all("@@T@@", in: "<p>@@T@</p>", with: { asked += 1; return "x" }) == nil)
        #expect(ByteReplace.all("@@T@@", in: "", with: { asked += 1; return "x" }) == nil)
        #expect(asked == 0)
    }
}

@Suite struct TemplateFillTests {
    @Test func fillsEachSlotOnceAndLeavesUnknownSlots() {
        #expect(Localizer.fill("{n} مقترحات من {name}", ["n": "3", "name": "سلمى"]) == "3 مقترحات من سلمى")
        // a value that looks like a slot is not filled again
        #expect(Localizer.fill("{a} {b}", ["a": "{b}", "b": "x"]) == "{b} x")
        #expect(Localizer.fill("{unknown} {", [:]) == "{unknown} {")
        #expect(Localizer.fill("plain", ["a": "b"]) == "plain")
    }
}
