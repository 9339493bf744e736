import Foundation
import Testing

/// Every permission goes through `Policy`: no source file of the app compares roles itself.
@Suite struct PermissionSourceTests {
    @Test func noDirectRoleComparisonsInTheApp() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/SharakaApp")
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)).compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
        #expect(files.count > 50, "read \(files.count) files under \(root.path)")
        // A role compared with an operator, or with a role's name: `roleValue >= .moderator`, `role == .official`.
        let patterns = [#"roleValue\s*(==|!=|>=|<=|<|>)"#, #"(==|!=|>=|<=|<|>)\s*\w*\.?roleValue\b"#,
                        #"\brole\s*(==|!=|>=|<=)\s*\.(visitor|citizen|organisationMember|reviewer|official|moderator|administrator)\b"#]
        var found: [String] = []
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            for (i, line) in lines.enumerated() where patterns.contains(where: { line.range(of: $0, options: .regularExpression) != nil }) {
                found.append("\(file.lastPathComponent):\(i + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.isEmpty, "compare roles through Policy:\n\(found.joined(separator: "\n"))")
    }
}
