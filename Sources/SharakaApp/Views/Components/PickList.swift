import SharakaCore

/// A long list of checkboxes (the proposals a commitment, minutes or a merge take up):
/// the chosen ones first, each labelled in its own direction, and a filter box that a
/// script reveals and drives (without it the whole list is there, and the browser's own
/// find works). Its field id is the name's, so that an error summary links to it.
enum PickList {
    struct Option {
        let value: String
        let label: String
        var language: Language? = nil
        /// A short figure after the label ("12 supports").
        var detail: String? = nil
    }

    static func fieldset(_ t: Localizer, name: String, legend: String, options: [Option], checked: Set<String>, error: String?) -> HNode {
        let ordered = options.filter { checked.contains($0.value) } + options.filter { !checked.contains($0.value) }
        let id = "f-\(name)"
        return H.el("fieldset", [.id(id), .cls("pick-list"), .attr("data-pick-list", "")], [
            H.el("legend", [], [H.text(legend)]),
            error.map { H.span($0, [.cls("field-error"), .id("\(id)-error")]) } ?? H.empty,
            H.el("label", [.for("\(id)-filter"), .cls("visually-hidden")], [H.text(t(.pickFilter))]),
            H.void("input", [.id("\(id)-filter"), .type("search"), .attr("data-pick-filter", ""), .flag("hidden"), .attr("placeholder", t(.pickFilter)),
                             .attr("autocomplete", "off")]),
            H.p(t(.pickCount, ["n": t.number(options.count)]), [.cls("hint")]),
            H.el("div", [.cls("pick-items")], ordered.map { option in
                let optionID = "\(id)-\(option.value.prefix(8))"
                return H.div([.cls("field pick-item")],
                    H.el("label", [.for(optionID)], [
                        H.void("input", [.id(optionID), .name("\(name)[]"), .type("checkbox"), .value(option.value), .flag("checked", checked.contains(option.value))]),
                        H.text(" "),
                        H.el("span", UserText.attributes(option.label, recorded: option.language), [H.text(option.label)]),
                        option.detail.map { H.span(" (\($0))", [.cls("muted")]) } ?? H.empty,
                    ]))
            }),
        ])
    }
}
