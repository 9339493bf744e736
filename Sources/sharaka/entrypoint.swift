import Logging
import SharakaApp
import Vapor

/// Thin entry point: reads the environment, configures the app, runs the command
/// (`serve` by default; `migrate`, `seed-demo`, `create-admin`, each with --help).
@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        let settings = Settings.fromEnvironment()
        try LoggingSystem.bootstrap(from: &env) { level in
            { label in
                if settings.jsonLogs { return SharakaLogging.json(label: label, level: level) }
                var h = StreamLogHandler.standardOutput(label: label)
                h.logLevel = level
                return h
            }
        }
        // `--no-demo` is ours, not Vapor's: take it out before Vapor parses `serve`'s flags.
        let noDemo = env.arguments.contains("--no-demo")
        env.arguments.removeAll { $0 == "--no-demo" }
        let first = env.arguments.dropFirst().first ?? "serve"
        let command = first.hasPrefix("-") ? "serve" : first

        let app = try await Application.make(env)
        do {
            try await configure(app, settings: settings)
            SharakaCommands.register(app)
            if command == "serve" && !env.arguments.contains("--help") {
                try await SharakaCommands.prepareForServe(app, demo: !noDemo)
            }
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            if command == "serve" { await app.stopServing() }
            try? await app.asyncShutdown()
            throw error
        }
        // SIGTERM or SIGINT: answers being computed finish before the databases close, and
        // the process exits 0 with the port free.
        if command == "serve" { await app.stopServing() }
        try await app.asyncShutdown()
    }
}
