import Foundation
import SharakaCore
import SQLKit
import Vapor

/// Server-side sessions in the `sessions` table, shared by every instance. Unlike Fluent's
/// own driver, each row knows its account, when it was created and last seen, and when it
/// expires: the server enforces the idle and absolute lifetimes (the cookie's expiry is
/// only a hint to the browser), a password change can end an account's other sessions,
/// and the periodic purge deletes expired rows. It also writes nothing when a request
/// leaves the data unchanged, so browsing costs no write per page.
struct DatabaseSessions: SessionDriver {
    let lifetime: SessionLifetime

    private struct Loaded: StorageKey { typealias Value = SessionData }

    private func sql(_ request: Request) -> any SQLDatabase { request.db as! any SQLDatabase }

    static func newKey() -> String { CSRF.newToken() }

    private static func encode(_ data: SessionData) -> String {
        (try? String(decoding: JSONEncoder().encode(data), as: UTF8.self)) ?? "{}"
    }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let key = Self.newKey(), now = Date()
        let userID = data["user_id"].flatMap(UUID.init(uuidString:))
        let promise = request.eventLoop.makePromise(of: SessionID.self)
        promise.completeWithTask {
            try await sql(request).raw("""
                INSERT INTO sessions (key, user_id, data, created_at, seen_at, expires_at)
                VALUES (\(bind: key), \(bind: userID), \(bind: Self.encode(data)), \(bind: now), \(bind: now), \(bind: lifetime.expiry(created: now, seen: now)))
                """).run()
            return SessionID(string: key)
        }
        return promise.futureResult
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        let promise = request.eventLoop.makePromise(of: SessionData?.self)
        promise.completeWithTask {
            // Keys are ours (base64url, 44 characters); anything else is not worth a query.
            guard sessionID.string.utf8.count <= 64 else { return nil }
            let now = Date()
            guard let row = try await sql(request).raw("""
                SELECT data, created_at, seen_at FROM sessions WHERE key = \(bind: sessionID.string)
                """).first() else { return nil }
            let created = try row.decode(column: "created_at", as: Date.self)
            let seen = try row.decode(column: "seen_at", as: Date.self)
            if lifetime.isExpired(created: created, seen: seen, now: now) {
                try await sql(request).raw("DELETE FROM sessions WHERE key = \(bind: sessionID.string)").run()
                return nil
            }
            if lifetime.needsTouch(seen: seen, now: now) {
                try await sql(request).raw("""
                    UPDATE sessions SET seen_at = \(bind: now), expires_at = \(bind: lifetime.expiry(created: created, seen: now))
                    WHERE key = \(bind: sessionID.string)
                    """).run()
            }
            let raw = try row.decode(column: "data", as: String.self)
            guard let data = try? JSONDecoder().decode(SessionData.self, from: Data(raw.utf8)) else { return nil }
            request.storage[Loaded.self] = data
            return data
        }
        return promise.futureResult
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if request.storage[Loaded.self] == data { return request.eventLoop.makeSucceededFuture(sessionID) }
        let userID = data["user_id"].flatMap(UUID.init(uuidString:))
        let promise = request.eventLoop.makePromise(of: SessionID.self)
        promise.completeWithTask {
            try await sql(request).raw("""
                UPDATE sessions SET data = \(bind: Self.encode(data)), user_id = \(bind: userID) WHERE key = \(bind: sessionID.string)
                """).run()
            return sessionID
        }
        return promise.futureResult
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        let promise = request.eventLoop.makePromise(of: Void.self)
        promise.completeWithTask {
            try await sql(request).raw("DELETE FROM sessions WHERE key = \(bind: sessionID.string)").run()
        }
        return promise.futureResult
    }

    /// Ends every session of an account but `keep` (the one making the change, if any).
    static func endSessions(of userID: UUID, except keep: String?, on db: any SQLDatabase) async throws {
        if let keep {
            try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: userID) AND key <> \(bind: keep)").run()
        } else {
            try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: userID)").run()
        }
    }

    /// Deletes expired sessions and login attempts past any throttle window (periodic job).
    static func purge(on db: any SQLDatabase, now: Date = Date(), throttle: LoginThrottle = LoginThrottle()) async throws {
        try await db.raw("DELETE FROM sessions WHERE expires_at <= \(bind: now)").run()
        try await db.raw("DELETE FROM login_attempts WHERE created_at < \(bind: now.addingTimeInterval(-2 * throttle.window))").run()
    }
}
