import NIOConcurrencyHelpers
import Vapor

/// Counts the requests being answered, so that stopping waits for them. Vapor closes the
/// listening socket and the connections, but a handler whose client has gone keeps
/// running; if the databases are shut down under it, Fluent's `Request.db` finds none and
/// traps, and the crash holds the port while the backtrace is written.
final class InFlightRequests: AsyncMiddleware, Sendable {
    private struct State {
        var count = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    private let state = NIOLockedValueBox(State())

    var count: Int { state.withLockedValue { $0.count } }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        state.withLockedValue { $0.count += 1 }
        defer {
            let waiters = state.withLockedValue { s -> [CheckedContinuation<Void, Never>] in
                s.count -= 1
                guard s.count == 0 else { return [] }
                defer { s.waiters = [] }
                return s.waiters
            }
            waiters.forEach { $0.resume() }
        }
        return try await next.respond(to: request)
    }

    /// Returns when no request is in flight, or after `timeout` (true when drained).
    func drain(timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                    let done = self.state.withLockedValue { s -> Bool in
                        if s.count == 0 { return true }
                        s.waiters.append(c)
                        return false
                    }
                    if done { c.resume() }
                }
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            if !first {
                // Release the waiter so that the group can finish.
                let waiters = self.state.withLockedValue { s -> [CheckedContinuation<Void, Never>] in defer { s.waiters = [] }; return s.waiters }
                waiters.forEach { $0.resume() }
            }
            return first
        }
    }
}

extension Application {
    private struct InFlightKey: StorageKey { typealias Value = InFlightRequests }

    var inFlight: InFlightRequests {
        get { storage[InFlightKey.self] ?? InFlightRequests() }
        set { storage[InFlightKey.self] = newValue }
    }

    /// What `serve` does on SIGTERM or SIGINT, before the workers stop and the databases
    /// close: Vapor's signal handler only ends `execute()`, leaving the server listening, so
    /// stop accepting and close the connections (each after its answer), then let handlers
    /// whose client has gone finish.
    public func stopServing(timeout: Duration = .seconds(10)) async {
        await server.shutdown()
        if !(await inFlight.drain(timeout: timeout)) {
            logger.warning("stopping with \(inFlight.count) requests still in flight")
        }
    }
}
