import Vapor

/// Which methods each registered path answers, so that a request with another method gets
/// 405 and `Allow` rather than 404 (Vapor's router only knows "no route"). Unchecked
/// Sendable: the trie is filled in `init` and only read afterwards.
final class RouteMethods: @unchecked Sendable {
    private let router: TrieRouter<Set<String>>
    /// The trie takes no empty path.
    private var rootMethods: Set<String> = []

    init(_ routes: [Route]) {
        var byPath: [String: (path: [PathComponent], methods: Set<String>)] = [:]
        for route in routes {
            let key = route.path.map(\.description).joined(separator: "/")
            byPath[key, default: (route.path, [])].methods.insert(route.method.rawValue)
        }
        let router = TrieRouter<Set<String>>()
        for (_, entry) in byPath {
            var methods = entry.methods
            if methods.contains("GET") { methods.insert("HEAD") }
            if entry.path.isEmpty { rootMethods = methods } else { router.register(methods, at: entry.path) }
        }
        self.router = router
    }

    func methods(for path: String) -> Set<String>? {
        var parameters = Parameters()
        let components = path.split(separator: "/").map(String.init)
        return components.isEmpty ? rootMethods : router.route(path: components, parameters: &parameters)
    }
}

extension Application {
    private struct RouteMethodsKey: StorageKey { typealias Value = RouteMethods }

    /// Built once, after every route is registered.
    var routeMethods: RouteMethods {
        get { storage[RouteMethodsKey.self] ?? RouteMethods([]) }
        set { storage[RouteMethodsKey.self] = newValue }
    }
}
