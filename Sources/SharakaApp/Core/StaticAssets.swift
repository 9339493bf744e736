import Crypto
import Foundation
import Vapor

/// The stylesheet and script, read once and served under a content-hashed name so
/// that browsers may cache them for a year and still see every new version.
enum StaticAssets {
    struct Asset: Sendable {
        let body: String
        let contentType: HTTPMediaType
        let path: String
    }

    static let css = load("site", "css", .css)
    static let js = load("site", "js", HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))
    static var cssPath: String { css.path }
    static var jsPath: String { js.path }

    private static func load(_ name: String, _ ext: String, _ type: HTTPMediaType) -> Asset {
        let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/public")
        let body = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        let hash = SHA256.hash(data: Data(body.utf8)).hex.prefix(12)
        return Asset(body: body, contentType: type, path: "/static/\(name).\(hash).\(ext)")
    }
}

struct StaticAssetsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard path.hasPrefix("/static/") else { return try await next.respond(to: request) }
        for asset in [StaticAssets.css, StaticAssets.js] where asset.path == path {
            var headers = HTTPHeaders()
            headers.contentType = asset.contentType
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
            return Response(status: .ok, headers: headers, body: .init(string: asset.body))
        }
        throw Abort(.notFound)
    }
}
