/// Labelled form controls that show their error beside them and keep the user's input,
/// wired with aria-describedby / aria-invalid so screen readers announce the problem.
enum FormField {
    /// `idSuffix` keeps ids unique when one page holds several forms with the same field names.
    static func input(_ name: String, label: String, value: String = "", type: String = "text",
                      error: String? = nil, hint: String? = nil, required: Bool = false,
                      autocomplete: String? = nil, idSuffix: String? = nil, extra: [Attr] = []) -> HNode {
        let id = "f-\(name)" + (idSuffix.map { "-\($0)" } ?? "")
        let describedBy = [error != nil ? "\(id)-error" : nil, hint != nil ? "\(id)-hint" : nil].compactMap { $0 }.joined(separator: " ")
        return H.div([.cls("field")],
            H.el("label", [.for(id)], [H.text(label)]),
            hint.map { H.span($0, [.cls("hint"), .id("\(id)-hint")]) } ?? H.empty,
            error.map { H.span($0, [.cls("field-error"), .id("\(id)-error")]) } ?? H.empty,
            H.void("input", [.id(id), .name(name), .type(type), .value(type == "password" ? "" : value),
                             .flag("required", required), .attr("autocomplete", autocomplete),
                             .attr("aria-invalid", error != nil ? "true" : nil),
                             .attr("aria-describedby", describedBy.isEmpty ? nil : describedBy)] + extra))
    }

    static func textarea(_ name: String, label: String, value: String = "", error: String? = nil, rows: Int = 4, required: Bool = false,
                         lang: String? = nil, dir: String? = nil, idSuffix: String? = nil, hint: String? = nil, maxLength: Int? = nil) -> HNode {
        let id = "f-\(name)" + (idSuffix.map { "-\($0)" } ?? "")
        let describedBy = [error != nil ? "\(id)-error" : nil, hint != nil ? "\(id)-hint" : nil].compactMap { $0 }.joined(separator: " ")
        return H.div([.cls("field")],
            H.el("label", [.for(id)], [H.text(label)]),
            hint.map { H.span($0, [.cls("hint"), .id("\(id)-hint")]) } ?? H.empty,
            error.map { H.span($0, [.cls("field-error"), .id("\(id)-error")]) } ?? H.empty,
            H.el("textarea", [.id(id), .name(name), .attr("rows", String(rows)), .flag("required", required), .attr("maxlength", maxLength.map(String.init)),
                              .attr("lang", lang), .dir(dir ?? "auto"),
                              .attr("aria-invalid", error != nil ? "true" : nil),
                              .attr("aria-describedby", describedBy.isEmpty ? nil : describedBy)], [H.text(value)]))
    }

    static func select(_ name: String, label: String, options: [(value: String, label: String)], selected: String?,
                       error: String? = nil, includeBlank: String? = nil, idSuffix: String? = nil, required: Bool = false) -> HNode {
        let id = "f-\(name)" + (idSuffix.map { "-\($0)" } ?? "")
        var opts: [HNode] = []
        if let blank = includeBlank { opts.append(H.el("option", [.value("")], [H.text(blank)])) }
        opts += options.map { H.el("option", [.value($0.value), .flag("selected", $0.value == selected)], [H.text($0.label)]) }
        return H.div([.cls("field")],
            H.el("label", [.for(id)], [H.text(label)]),
            error.map { H.span($0, [.cls("field-error"), .id("\(id)-error")]) } ?? H.empty,
            H.el("select", [.id(id), .name(name), .flag("required", required), .attr("aria-invalid", error != nil ? "true" : nil),
                            .attr("aria-describedby", error != nil ? "\(id)-error" : nil)], opts))
    }

    static func checkbox(_ name: String, label: String, checked: Bool = false, error: String? = nil, idSuffix: String? = nil, value: String = "yes") -> HNode {
        let id = "f-\(name)" + (idSuffix.map { "-\($0)" } ?? "")
        return H.div([.cls("field")],
            error.map { H.span($0, [.cls("field-error"), .id("\(id)-error")]) } ?? H.empty,
            H.el("label", [.for(id)], [
                H.void("input", [.id(id), .name(name), .type("checkbox"), .value(value), .flag("checked", checked),
                                 .attr("aria-describedby", error != nil ? "\(id)-error" : nil)]),
                H.text(" " + label),
            ]))
    }

    /// Shown at the top of a refused form so that the problem is announced first.
    /// Each problem names its field and links to it, in the order the form asks: `fields` lists
    /// the form's fields (name, label) in order; problems of fields it does not name come after.
    static func errorSummary(_ errors: [String: String], title: String, fields: [(name: String, label: String)] = []) -> HNode {
        guard !errors.isEmpty else { return H.empty }
        let position = Dictionary(fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let labels = Dictionary(fields.map { ($0.name, $0.label) }, uniquingKeysWith: { a, _ in a })
        let ordered = errors.sorted { (position[$0.key] ?? Int.max, $0.key) < (position[$1.key] ?? Int.max, $1.key) }
        return H.div([.cls("error-summary"), .attr("role", "alert")],
            H.strong(title),
            H.ul([], ordered.map { error in
                H.a(labels[error.key].map { "\($0): \(error.value)" } ?? error.value, href: "#f-\(error.key)")
            }))
    }
}
