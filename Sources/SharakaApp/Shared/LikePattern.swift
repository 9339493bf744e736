/// A `LIKE … ESCAPE '\'` pattern matching `text` anywhere, the pattern's own wildcards
/// (`%`, `_`) and the escape character taken literally; at most 100 characters are searched.
enum LikePattern {
    static func containing(_ text: String) -> String {
        let escaped = String(text.prefix(100))
            .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return "%" + escaped + "%"
    }
}
