import Foundation
import NIOConcurrencyHelpers

/// Holds one value for a few seconds. For data shown on busy pages where being a
/// few seconds late is harmless; each instance keeps its own copy.
final class ShortLivedCache<Value: Sendable>: Sendable {
    private let box = NIOLockedValueBox<(value: Value, at: Date)?>(nil)
    let ttl: TimeInterval

    init(ttl: TimeInterval) { self.ttl = ttl }

    func get(_ load: () async throws -> Value) async throws -> Value {
        if let hit = box.withLockedValue({ $0 }), Date().timeIntervalSince(hit.at) < ttl { return hit.value }
        let value = try await load()
        box.withLockedValue { $0 = (value, Date()) }
        return value
    }

    func invalidate() { box.withLockedValue { $0 = nil } }
}
