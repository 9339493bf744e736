import Logging
import NIOConcurrencyHelpers
@testable import SharakaApp
import Vapor
import VaporTesting

/// Counts the SQL statements a request runs, from the drivers' statement log: every
/// statement, Fluent's or raw SQLKit, is logged at debug level (`sqlLogLevel`) on the
/// request's logger, which the in-memory tester takes from the application.
final class StatementCounter: @unchecked Sendable {
    private let statements = NIOLockedValueBox<[String]>([])

    struct Handler: LogHandler {
        let counter: StatementCounter
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
            // SQLKit's drivers log each statement they send as "Executing query" with its SQL.
            guard message.description == "Executing query", let sql = metadata?["sql"] else { return }
            counter.statements.withLockedValue { $0.append(sql.description) }
        }
    }

    /// Installs the counter as the application's logger (and so every request's).
    func install(on app: Application) {
        app.logger = Logger(label: "statements") { _ in Handler(counter: self) }
    }

    /// The statements `body` ran.
    func during(_ body: () async throws -> Void) async rethrows -> [String] {
        statements.withLockedValue { $0 = [] }
        try await body()
        return statements.withLockedValue { $0 }
    }
}
