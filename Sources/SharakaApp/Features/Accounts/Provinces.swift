import Fluent
import Vapor

/// The region's provinces as form choices, named in the page language.
enum Provinces {
    static func options(_ req: Request) async throws -> [(value: String, label: String)] {
        let t = req.t
        return try await Province.query(on: req.db).sort(\.$code).all().map { ($0.code, t.text($0.name)) }
    }
}
