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
        /// Nil marks a page that cannot be shared (it opened a session, say): for a lifetime
        /// its requests go straight to the handler instead of queueing behind one another.
        let body: ByteBuffer?

        var cost: Int { body?.readableBytes ?? 256 }
    }

    /// What a request does with the cache: serve what is stored, wait for the drawing another
    /// request has begun (one drawing per page however many ask at once), or draw it itself.
    enum Decision {
        case serve(Entry)
        case wait(EventLoopFuture<Entry?>)
        case draw(Ticket)
    }

    struct Ticket: Sendable {
        let key: String
        let generation: Int
        fileprivate let id: Int
        fileprivate let promise: EventLoopPromise<Entry?>
    }

    private struct State {
        var generation = 0
        var entries: [String: Entry] = [:]
        var bytes = 0
        var drawing: [String: (id: Int, result: EventLoopFuture<Entry?>)] = [:]
        var lastID = 0
    }

    private let state = NIOLockedValueBox(State())
    let lifetime: TimeAmount
    /// While one request redraws an expired page, the others are served the previous drawing
    /// for up to this long rather than wait: no herd of identical drawings at each expiry.
    let staleFor: TimeAmount
    /// Bounds memory: past this many bytes of bodies the oldest half goes.
    let maxBytes: Int

    init(seconds: Double, staleFor: TimeAmount = .seconds(30), maxBytes: Int = 24 * 1024 * 1024) {
        lifetime = .milliseconds(Int64(seconds * 1000))
        self.staleFor = staleFor
        self.maxBytes = maxBytes
    }

    var enabled: Bool { lifetime > .zero }

    func begin(_ key: String, on loop: any EventLoop, now: NIODeadline = .now()) -> Decision {
        state.withLockedValue { s in
            let stored = s.entries[key].flatMap { $0.generation == s.generation ? $0 : nil }
            if let stored, now - stored.storedAt < lifetime { return .serve(stored) }
            if let drawing = s.drawing[key] {
                if let stored, stored.body != nil, now - stored.storedAt < lifetime + staleFor { return .serve(stored) }
                return .wait(drawing.result)
            }
            s.lastID += 1
            let promise = loop.makePromise(of: Entry?.self)
            s.drawing[key] = (s.lastID, promise.futureResult)
            return .draw(Ticket(key: key, generation: s.generation, id: s.lastID, promise: promise))
        }
    }

    /// Ends a drawing begun by `begin`: `body` nil when the answer cannot be shared (a
    /// `shareable` false) or no answer came (`shareable` nil: an error, nothing remembered).
    /// A drawing begun before a write is handed to the requests that waited for it but not
    /// stored.
    func finish(_ ticket: Ticket, shareable: Bool?, headers: HTTPHeaders = [:], body: ByteBuffer? = nil, now: NIODeadline = .now()) {
        let entry = shareable.map { Entry(generation: ticket.generation, storedAt: now, headers: headers, body: $0 ? body : nil) }
        state.withLockedValue { s in
            if s.drawing[ticket.key]?.id == ticket.id { s.drawing[ticket.key] = nil }
            guard let entry, ticket.generation == s.generation else { return }
            if let old = s.entries[ticket.key] { s.bytes -= old.cost }
            s.entries[ticket.key] = entry
            s.bytes += entry.cost
            if s.bytes > maxBytes {
                let kept = s.entries.sorted { $0.value.storedAt > $1.value.storedAt }.prefix(s.entries.count / 2)
                s.entries = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
                s.bytes = s.entries.values.reduce(0) { $0 + $1.cost }
            }
        }
        ticket.promise.succeed(entry)
    }

    /// The stored drawing of `key` if it is still fresh and shareable, without taking part
    /// in the drawing queue (for revalidations, which need only its ETag).
    func fresh(_ key: String, now: NIODeadline = .now()) -> Entry? {
        state.withLockedValue { s in
            guard let e = s.entries[key], e.generation == s.generation, e.body != nil, now - e.storedAt < lifetime else { return nil }
            return e
        }
    }

    /// Drawings already under way finish for those waiting on them; later requests start anew.
    func invalidate() {
        state.withLockedValue { s in
            s.generation += 1
            s.entries.removeAll()
            s.drawing.removeAll()
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
    static let keyCookies = [ProposalListQuery.seedCookie]

    static func key(_ request: Request) -> String {
        var key = request.url.string
        for name in keyCookies { key += "\u{1}" + (request.cookies[name]?.string ?? "") }
        return key
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let cache = request.application.pageCache
        guard cache.enabled, request.method == .GET, request.headers.bearerAuthorization == nil,
              request.cookies[request.application.sessions.configuration.cookieName] == nil
        else { return try await next.respond(to: request) }
        switch cache.begin(Self.key(request), on: request.eventLoop) {
        case .serve(let entry):
            guard let body = entry.body else { return try await next.respond(to: request) }
            return Response(status: .ok, headers: entry.headers, body: .init(buffer: body))
        case .wait(let drawing):
            if let entry = try await drawing.get(), let body = entry.body {
                return Response(status: .ok, headers: entry.headers, body: .init(buffer: body))
            }
            return try await next.respond(to: request)
        case .draw(let ticket):
            let response: Response
            do { response = try await next.respond(to: request) } catch {
                cache.finish(ticket, shareable: nil)
                throw error
            }
            guard response.status == .ok, let body = response.body.buffer else {
                cache.finish(ticket, shareable: nil)
                return response
            }
            guard !request.hasSession, response.headers.first(name: .cacheControl) == nil, response.headers.first(name: .eTag) == nil else {
                cache.finish(ticket, shareable: false)
                return response
            }
            response.headers.replaceOrAdd(name: .eTag, value: PageCache.etag(body))
            cache.finish(ticket, shareable: true, headers: response.headers, body: body)
            return response
        }
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
