import SharakaCore
import Testing

@Suite struct CommentRulesTests {
    @Test func repliesStopAtDepthThree() {
        #expect(CommentRules.replyDepth(parentDepth: 0) == 1)
        #expect(CommentRules.replyDepth(parentDepth: 2) == 3)
        #expect(CommentRules.replyDepth(parentDepth: 3) == nil)
        #expect(CommentRules.checkBody("x") == .tooShort)
        #expect(CommentRules.checkBody("أتفق") == nil)
    }

    @Test func threadsAreArrangedDepthFirst() {
        let items = [
            ThreadItem(id: "a", parent: nil, created: 1, score: 0),
            ThreadItem(id: "b", parent: nil, created: 2, score: 5),
            ThreadItem(id: "a2", parent: "a", created: 4, score: 9),
            ThreadItem(id: "a1", parent: "a", created: 3, score: 0),
            ThreadItem(id: "a1x", parent: "a1", created: 5, score: 0),
            ThreadItem(id: "orphan", parent: "gone", created: 6, score: 1),
        ]
        let oldest = Thread.arrange(items, order: .oldest)
        #expect(oldest.map(\.id) == ["a", "a1", "a1x", "a2", "b", "orphan"])
        #expect(oldest.map(\.depth) == [0, 1, 2, 1, 0, 0])
        #expect(Thread.arrange(items, order: .newest).map(\.id).first == "orphan")
        #expect(Thread.arrange(items, order: .best).map(\.id).prefix(2) == ["b", "orphan"])
    }
}
