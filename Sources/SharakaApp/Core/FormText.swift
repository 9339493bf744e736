import Vapor

extension Request {
    /// A text field as typed, with Windows line ends made Unix and the edges trimmed;
    /// "" when absent. Every form reads its free text through here.
    func formText(_ key: String) -> String {
        ((try? content.get(String.self, at: key)) ?? "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
