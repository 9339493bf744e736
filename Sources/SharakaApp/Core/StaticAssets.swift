import Crypto
import Foundation
import Vapor

/// The stylesheet and script, read once and served under a content-hashed name so
/// that browsers may cache them for a year and still see every new version.
enum StaticAssets {
    struct Asset: Sendable {
        let body: Data
        let contentType: HTTPMediaType
        let path: String
    }

    static let css = load("site", "css", .css)
    static let js = load("site", "js", HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]))
    /// The emblem, as the browser's tab icon.
    static let icon = load("logo", "svg", HTTPMediaType(type: "image", subType: "svg+xml"))
    /// The card shown when a link is shared (Open Graph, Twitter): 1200×630, drawn by
    /// scripts/assets/card.py, PNG because WhatsApp and Facebook do not show SVG.
    static let card = load("card", "png", .png)
    static let all = [css, js, icon, card]
    static var cssPath: String { css.path }
    static var jsPath: String { js.path }

    private static func load(_ name: String, _ ext: String, _ type: HTTPMediaType) -> Asset {
        let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/public")
        let body = url.flatMap { try? Data(contentsOf: $0) } ?? Data()
        let hash = SHA256.hash(data: body).hex.prefix(12)
        return Asset(body: body, contentType: type, path: "/static/\(name).\(hash).\(ext)")
    }
}

struct StaticAssetsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard path.hasPrefix("/static/") else { return try await next.respond(to: request) }
        for asset in StaticAssets.all where asset.path == path {
            var headers = HTTPHeaders()
            headers.contentType = asset.contentType
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
            return Response(status: .ok, headers: headers, body: .init(data: asset.body))
        }
        throw Abort(.notFound)
    }
}
