/// Field-by-field comparison of two revisions of an action plan. A revision is stored
/// as a flat map from a stable field path ("commitment OR-2025-03 / title / fr") to its
/// text, so that comparing needs no knowledge of the models.
public enum RevisionDiff {
    public enum Change: Equatable, Sendable {
        case added(path: String, value: String)
        case removed(path: String, value: String)
        case changed(path: String, from: String, to: String)

        public var path: String {
            switch self { case .added(let p, _), .removed(let p, _), .changed(let p, _, _): p }
        }

        /// The values it involves, before then after.
        public var values: [String] {
            switch self { case .added(_, let v), .removed(_, let v): [v]; case .changed(_, let a, let b): [a, b] }
        }
    }

    /// Changes from `old` to `new`, in the order of `new`'s paths then the removed ones.
    public static func compare(_ old: [(String, String)], _ new: [(String, String)]) -> [Change] {
        let before = Dictionary(old, uniquingKeysWith: { _, last in last })
        let after = Dictionary(new, uniquingKeysWith: { _, last in last })
        var out: [Change] = []
        for (path, value) in new {
            if let was = before[path] {
                if was != value { out.append(.changed(path: path, from: was, to: value)) }
            } else if !value.isEmpty {
                out.append(.added(path: path, value: value))
            }
        }
        for (path, value) in old where after[path] == nil && !value.isEmpty {
            out.append(.removed(path: path, value: value))
        }
        return out
    }
}
