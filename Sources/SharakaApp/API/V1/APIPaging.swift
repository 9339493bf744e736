import Vapor

/// The one reader of `page` and `per_page` for every API list. Both are bounded so that
/// `offset = (page - 1) × per_page` can never overflow (a trap takes the whole process
/// down), and so that nobody asks the database to skip millions of rows.
struct APIPaging: Sendable, Equatable {
    static let maxPage = 10_000
    static let perPageRange = 1...200
    static let defaultPerPage = 50

    let page: Int
    let per: Int
    var offset: Int { (page - 1) * per }
    var range: Range<Int> { offset..<(offset + per) }

    init(page: Int, per: Int) {
        self.page = page
        self.per = per
    }

    /// Parses the query's raw text itself: Vapor's `Int` decoding refuses a number past
    /// `Int.max` with an error that is not a client error.
    init(_ req: Request) throws {
        func read(_ name: String, default value: Int, in bounds: ClosedRange<Int>) throws -> Int {
            guard let raw = try? req.query.get(String?.self, at: name) else { return value }
            guard let n = Int(raw), bounds.contains(n) else {
                throw Abort(.badRequest, reason: "\(name) must be a whole number from \(bounds.lowerBound) to \(bounds.upperBound).")
            }
            return n
        }
        page = try read("page", default: 1, in: 1...Self.maxPage)
        per = try read("per_page", default: Self.defaultPerPage, in: Self.perPageRange)
    }

    /// The OpenAPI parameters that declare the same bounds.
    static var openAPIParameters: [[String: Any]] {
        [["name": "page", "in": "query", "schema": ["type": "integer", "minimum": 1, "maximum": maxPage, "default": 1]],
         ["name": "per_page", "in": "query", "schema": ["type": "integer", "minimum": perPageRange.lowerBound,
                                                          "maximum": perPageRange.upperBound, "default": defaultPerPage]]]
    }
}
