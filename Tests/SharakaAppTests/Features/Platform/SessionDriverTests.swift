import NIOConcurrencyHelpers
@testable import SharakaApp
import Testing
import Vapor
import VaporTesting

/// An in-memory session store that counts writes.
final class CountingSessions: SessionDriver, @unchecked Sendable {
    let stored = NIOLockedValueBox<[String: SessionData]>([:])
    let writes = NIOLockedValueBox(0)

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let id = SessionID(string: UUID().uuidString)
        stored.withLockedValue { $0[id.string] = data }
        writes.withLockedValue { $0 += 1 }
        return request.eventLoop.makeSucceededFuture(id)
    }
    func readSession(_ id: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        request.eventLoop.makeSucceededFuture(stored.withLockedValue { $0[id.string] })
    }
    func updateSession(_ id: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        stored.withLockedValue { $0[id.string] = data }
        writes.withLockedValue { $0 += 1 }
        return request.eventLoop.makeSucceededFuture(id)
    }
    func deleteSession(_ id: SessionID, for request: Request) -> EventLoopFuture<Void> {
        stored.withLockedValue { $0[id.string] = nil }
        return request.eventLoop.makeSucceededFuture(())
    }
}

@Suite struct SessionDriverTests {
    @Test func unchangedSessionsAreNotWrittenBack() async throws {
        try await withApp { app in
            // setup: a session store that counts writes, behind the write-on-change driver
            let counting = CountingSessions()
            app.sessions.use { _ in WriteOnChangeSessions(base: counting) }
            app.middleware.use(app.sessions.middleware)
            app.get("set") { req -> String in req.session.data["k"] = "v"; return "ok" }
            app.get("read") { req -> String in req.session.data["k"] ?? "" }
            app.get("change") { req -> String in req.session.data["k"] = "w"; return "ok" }
            var cookie = ""
            try await app.testing().test(.GET, "set") { res in cookie = res.headers[.setCookie].first?.components(separatedBy: ";").first ?? "" }
            #expect(counting.writes.withLockedValue { $0 } == 1)

            // act: three reads that change nothing
            for _ in 0..<3 {
                try await app.testing().test(.GET, "read", headers: ["Cookie": cookie]) { res in #expect(res.body.string == "v") }
            }
            #expect(counting.writes.withLockedValue { $0 } == 1)

            // a change is written
            try await app.testing().test(.GET, "change", headers: ["Cookie": cookie]) { _ in }
            #expect(counting.writes.withLockedValue { $0 } == 2)
        }
    }
}
