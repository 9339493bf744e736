import Foundation
import Vapor

/// Where a keyset-paginated list stopped: the sort it belongs to and the id of the last row
/// sent, as opaque base64url text. The next page is the rows after that row's own stored
/// sort key (compared in SQL as a row value, so no time or number makes a round trip
/// through Swift and comes back a hair different), read along the index instead of
/// skipping rows: the thousandth page costs what the first does.
struct APICursor: Codable, Equatable, Sendable {
    let sort: String
    let after: UUID

    var encoded: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The cursor in the query, nil when there is none; a 400 when it is not one of ours or
    /// belongs to another sort.
    static func read(_ req: Request, sort: String) throws -> APICursor? {
        guard let raw = try? req.query.get(String?.self, at: "cursor") else { return nil }
        var b64 = raw.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard raw.count <= 400, let data = Data(base64Encoded: b64), let cursor = try? JSONDecoder().decode(APICursor.self, from: data),
              cursor.sort == sort
        else { throw Abort(.badRequest, reason: "cursor is not a cursor this list gave for this sort.") }
        return cursor
    }
}
