/// Comments: threaded to a limited depth, with the author's stance.
public enum CommentAlignment: String, CaseIterable, Sendable, Codable {
    case inFavour = "in_favour", against, neutral
}

public enum CommentOrder: String, CaseIterable, Sendable {
    case oldest, newest, best
}

public enum CommentRules {
    public static let bodyLength = 2...3000
    /// Replies may nest this deep below a top-level comment (which is depth 0).
    public static let maxDepth = 3

    public static func checkBody(_ s: String) -> FieldProblem? { AccountRules.checkText(s, length: bodyLength) }

    /// Depth of a reply to a comment at `parentDepth`, or nil when that would be too deep.
    public static func replyDepth(parentDepth: Int) -> Int? {
        parentDepth < maxDepth ? parentDepth + 1 : nil
    }
}

/// A comment as the thread needs it: identity, parent and the figures that order it.
public struct ThreadItem<ID: Hashable & Sendable>: Sendable {
    public let id: ID
    public let parent: ID?
    public let created: Double
    public let score: Int

    public init(id: ID, parent: ID?, created: Double, score: Int) {
        self.id = id; self.parent = parent; self.created = created; self.score = score
    }
}

public enum Thread {
    /// Depth-first order of a thread: top-level comments in the chosen order, each followed by
    /// its replies oldest first (a conversation reads forward). Returns (id, depth) pairs.
    public static func arrange<ID>(_ items: [ThreadItem<ID>], order: CommentOrder) -> [(id: ID, depth: Int)] {
        var children: [ID: [ThreadItem<ID>]] = [:]
        var roots: [ThreadItem<ID>] = []
        let known = Set(items.map(\.id))
        for item in items {
            if let parent = item.parent, known.contains(parent) { children[parent, default: []].append(item) } else { roots.append(item) }
        }
        // The id's text breaks ties between comments of the same instant; made once per
        // comment, not in every comparison.
        let keyed = roots.map { ($0, "\($0.id)") }
        switch order {
        case .oldest: roots = keyed.sorted { ($0.0.created, $0.1) < ($1.0.created, $1.1) }.map(\.0)
        case .newest: roots = keyed.sorted { ($0.0.created, $0.1) > ($1.0.created, $1.1) }.map(\.0)
        case .best: roots.sort { ($0.score, $1.created) > ($1.score, $0.created) }
        }
        var out: [(ID, Int)] = []
        func visit(_ item: ThreadItem<ID>, _ depth: Int) {
            out.append((item.id, depth))
            for child in (children[item.id] ?? []).sorted(by: { $0.created < $1.created }) { visit(child, depth + 1) }
        }
        roots.forEach { visit($0, 0) }
        return out
    }
}
