import Foundation
import Testing

/// Features meet through services and the shared layer, never through each other's
/// controllers: a controller is the HTTP face of its own folder only (routes excepted).
@Suite struct FeatureBoundaryTests {
    @Test func noFeatureOrAPIFileCallsAnotherFeaturesController() throws {
        let app = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/SharakaApp")
        let files = try #require(FileManager.default.enumerator(at: app, includingPropertiesForKeys: nil)).compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && $0.lastPathComponent != "routes.swift" }
        #expect(files.count > 50, "read \(files.count) files under \(app.path)")
        // Where each controller is declared.
        var home: [String: String] = [:]
        let declaration = try NSRegularExpression(pattern: #"\b(?:enum|struct|final class|class)\s+(\w+Controller)\b"#)
        let use = try NSRegularExpression(pattern: #"\b(\w+Controller)\.\w+"#)
        var texts: [(URL, String)] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            texts.append((file, text))
            for m in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                home[String(text[Range(m.range(at: 1), in: text)!])] = file.deletingLastPathComponent().path
            }
        }
        #expect(home.count > 15, "found \(home.count) controllers")
        var found: [String] = []
        for (file, text) in texts {
            for (i, line) in text.components(separatedBy: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for m in use.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    let name = String(line[Range(m.range(at: 1), in: line)!])
                    if let folder = home[name], folder != file.deletingLastPathComponent().path {
                        found.append("\(file.lastPathComponent):\(i + 1): \(name)")
                    }
                }
            }
        }
        #expect(found.isEmpty, "call a service or the shared layer instead:\n\(found.joined(separator: "\n"))")
    }
}
