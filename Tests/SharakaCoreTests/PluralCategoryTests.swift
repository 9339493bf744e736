import SharakaCore
import Testing

@Suite struct PluralCategoryTests {
    @Test func arabicUsesAllSixCategories() {
        let expected: [(Int, PluralCategory)] = [(0, .zero), (1, .one), (2, .two), (3, .few), (10, .few), (11, .many), (99, .many),
                                                 (100, .other), (102, .other), (103, .few), (111, .many), (1000, .other)]
        for (n, category) in expected {
            #expect(PluralCategory.of(n, in: .ar) == category, "n = \(n)")
        }
    }

    @Test func frenchTreatsZeroAsSingular() {
        #expect(PluralCategory.of(0, in: .fr) == .one)
        #expect(PluralCategory.of(1, in: .fr) == .one)
        #expect(PluralCategory.of(2, in: .fr) == .other)
        #expect(PluralCategory.of(1_000_000, in: .fr) == .many)
    }

    @Test func englishHasOneAndOther() {
        #expect(PluralCategory.of(1, in: .en) == .one)
        #expect(PluralCategory.of(0, in: .en) == .other)
        #expect(PluralCategory.of(21, in: .en) == .other)
    }
}
