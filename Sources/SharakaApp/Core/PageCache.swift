import Crypto
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Anonymous pages as last drawn, served again from memory for `pageCacheSeconds`: what a
/// visitor without an account sees depends only on the address (and the random-order seed),
/// so one drawing serves everyone for a moment. Any write through this instance empties it
/// (`PageCacheInvalidation`); writes through other instances show within the lifetime.
/// Each entry carries its body's strong ETag, so revalidations answer 304 without drawing.
final class PageCache: Sendable {
    struct Entry: Sendable {
        let generation: Int
        let storedAt: NIODeadline
        let headers: HTTPHeaders
        let body: ByteBuffer
    }

    private struct State {
        var generation = 0
        var entries: [String: Entry] = [:]
        var bytes = 0
    }

    private let state = NIOLockedValueBox(State())
    let lifetime: TimeAmount
    /// Bounds memory: past this many bytes of bodies the oldest half goes.
    let maxBytes: Int

    init(seconds: Double, maxBytes: Int = 24 * 1024 * 1024) {
        lifetime = .milliseconds(Int64(seconds * 1000))
        self.maxBytes = maxBytes
    }

    var enabled: Bool { lifetime > .zero }

    func lookup(_ key: String) -> Entry? {
        let now = NIODeadline.now()
        return state.withLockedValue { s in
            guard let e = s.entries[key], e.generation == s.generation, now - e.storedAt < lifetime else { return nil }
            return e
        }
    }

    /// The generation the answer is drawn from, read before drawing: an entry drawn while a
    /// write landed is stored under the old generation and never served.
    var generation: Int { state.withLockedValue { $0.generation } }

    func store(_ key: String, generation: Int, headers: HTTPHeaders, body: ByteBuffer) {
        let entry = Entry(generation: generation, storedAt: .now(), headers: headers, body: body)
        state.withLockedValue { s in
            guard generation == s.generation else { return }
            if let old = s.entries[key] { s.bytes -= old.body.readableBytes }
            s.entries[key] = entry
            s.bytes += body.readableBytes
            if s.bytes > maxBytes {
                let kept = s.entries.sorted { $0.value.storedAt > $1.value.storedAt }.prefix(s.entries.count / 2)
                s.entries = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
                s.bytes = s.entries.values.reduce(0) { $0 + $1.body.readableBytes }
            }
        }
    }

    func invalidate() {
        state.withLockedValue { s in
            s.generation += 1
            s.entries.removeAll()
            s.bytes = 0
        }
    }

    static func etag(_ body: ByteBuffer) -> String {
        "\"" + SHA256.hash(data: body.readableBytesView).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
    }
}

/// Serves and fills the page cache for the public pages and the API's public lists.
/// Only anonymous GETs (no session cookie, no token) are looked up; only a 200 whose
/// handler touched no session and set no caching of its own is kept.
struct PageCacheMiddleware: AsyncMiddleware {
    /// Cookies that change what an anonymous page shows; part of the key.
    static let keyCookies = [ProposalController.seedCookie]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let cache = request.application.pageCache
        guard cache.enabled, request.method == .GET, request.headers.bearerAuthorization == nil,
              request.cookies[request.application.sessions.configuration.cookieName] == nil
        else { return try await next.respond(to: request) }
        var key = request.url.string
        for name in Self.keyCookies { key += "\u{1}" + (request.cookies[name]?.string ?? "") }
        if let hit = cache.lookup(key) {
            return Response(status: .ok, headers: hit.headers, body: .init(buffer: hit.body))
        }
        let generation = cache.generation
        let response = try await next.respond(to: request)
        if response.status == .ok, !request.hasSession, response.headers.first(name: .cacheControl) == nil,
           response.headers.first(name: .eTag) == nil, let body = response.body.buffer {
            response.headers.replaceOrAdd(name: .eTag, value: PageCache.etag(body))
            cache.store(key, generation: generation, headers: response.headers, body: body)
        }
        return response
    }
}

/// Every request that may write (anything but GET, HEAD and OPTIONS) empties this
/// instance's page cache once it is answered, whatever the outcome.
struct PageCacheInvalidation: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method != .GET, request.method != .HEAD, request.method != .OPTIONS else { return try await next.respond(to: request) }
        defer { request.application.pageCache.invalidate() }
        return try await next.respond(to: request)
    }
}

extension Application {
    private struct PageCacheKey: StorageKey { typealias Value = PageCache }

    /// Made in `configure` from the settings.
    var pageCache: PageCache {
        get { storage[PageCacheKey.self] ?? PageCache(seconds: 0) }
        set { storage[PageCacheKey.self] = newValue }
    }
}
