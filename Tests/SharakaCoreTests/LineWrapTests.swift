import SharakaCore
import Testing

@Suite struct LineWrapTests {
    @Test func breaksAtSpacesWithinTheWidth() {
        let lines = LineWrap.lines("Agence de l'Oriental pour la promotion économique et sociale", width: 20, maxLines: 5)
        #expect(lines == ["Agence de l'Oriental", "pour la promotion", "économique et", "sociale"])
        #expect(lines.allSatisfy { $0.count <= 20 })
    }

    @Test func endsWithAnEllipsisAtAWordBoundaryWhenTooLong() {
        let lines = LineWrap.lines("مجلس جهة الشرق للتنمية الاقتصادية والاجتماعية والثقافية والبيئية", width: 16, maxLines: 2)
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix("…"))
        #expect(lines.allSatisfy { $0.count <= 16 })
        // every word shown is a whole word of the label
        let words = Set("مجلس جهة الشرق للتنمية الاقتصادية والاجتماعية والثقافية والبيئية".split(separator: " ").map(String.init))
        for word in lines.joined(separator: " ").replacingOccurrences(of: "…", with: "").split(separator: " ") {
            #expect(words.contains(String(word)), "\(word) is cut")
        }
    }

    @Test func shortTextIsOneLineAndAWordLongerThanALineIsSplit() {
        #expect(LineWrap.lines("OR-2025-01", width: 30, maxLines: 3) == ["OR-2025-01"])
        #expect(LineWrap.lines("", width: 30, maxLines: 3) == [""])
        let long = LineWrap.lines(String(repeating: "x", count: 25), width: 10, maxLines: 3)
        #expect(long == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
    }
}
