import Foundation
import Logging

/// One JSON object per line, for log shippers (`SHARAKA_LOG_FORMAT=json`).
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    /// Where lines go; standard error unless a test listens.
    var write: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: [String: String] = [
            "ts": ISO8601DateFormatter().string(from: Date()),
            "level": event.level.rawValue,
            "msg": "\(event.message)",
            "logger": label,
        ]
        for (k, v) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) { object[k] = "\(v)" }
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
           let line = String(data: data, encoding: .utf8) {
            write(line)
        }
    }
}

public enum SharakaLogging {
    public static func json(label: String, level: Logger.Level) -> any LogHandler {
        var h = JSONLogHandler(label: label)
        h.logLevel = level
        return h
    }
}
