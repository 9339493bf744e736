@preconcurrency import Plot

/// The only door from feature code to Plot. Plot 0.14 escapes text but writes
/// attribute values as they are, so every attribute goes through `Attr`, which
/// escapes; a test fails if a file outside this folder calls Plot directly.
typealias HNode = Node<Any>

struct Attr: Sendable {
    let name: String
    let value: String?

    static func attr(_ name: String, _ value: String?) -> Attr { Attr(name: name, value: value) }
    static func cls(_ v: String) -> Attr { .init(name: "class", value: v) }
    static func id(_ v: String) -> Attr { .init(name: "id", value: v) }
    static func href(_ v: String) -> Attr { .init(name: "href", value: v) }
    static func name(_ v: String) -> Attr { .init(name: "name", value: v) }
    static func value(_ v: String) -> Attr { .init(name: "value", value: v) }
    static func type(_ v: String) -> Attr { .init(name: "type", value: v) }
    static func action(_ v: String) -> Attr { .init(name: "action", value: v) }
    static func `for`(_ v: String) -> Attr { .init(name: "for", value: v) }
    static func lang(_ v: String) -> Attr { .init(name: "lang", value: v) }
    static func dir(_ v: String) -> Attr { .init(name: "dir", value: v) }
    static func aria(_ n: String, _ v: String) -> Attr { .init(name: "aria-\(n)", value: v) }
    static let postMethod = Attr(name: "method", value: "post")
    static let getMethod = Attr(name: "method", value: "get")
    /// Boolean attribute such as `required` or `checked`, present only when `on`.
    static func flag(_ n: String, _ on: Bool = true) -> Attr { .init(name: n, value: on ? n : nil) }
}

extension String {
    var attributeEscaped: String { escapingHTML(quotes: true) }

    /// Plot leaves `&name;` sequences alone in text, which would turn a user's "&lt;" into "<"
    /// on screen; escaping ourselves keeps what people typed exactly as typed.
    var textEscaped: String { escapingHTML(quotes: false) }

    /// Works on UTF-8 bytes: walking Characters was a tenth of a comment thread's render time.
    /// Private-use characters (U+E000–U+F8FF, UTF-8 `EE xx xx` and `EF 80–A3 xx`) are written
    /// as character references, so that nothing a user typed can ever equal a marker the
    /// layout puts in a page and fills in afterwards (the CSRF slot).
    private func escapingHTML(quotes: Bool) -> String {
        let utf8 = self.utf8
        func special(_ b: UInt8) -> Bool {
            b == 0x26 || b == 0x3C || b == 0x3E || b == 0xEE || b == 0xEF || (quotes && (b == 0x22 || b == 0x27))
        }
        guard utf8.contains(where: special) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        let bytes = Array(utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22 where quotes: out.append(contentsOf: "&quot;".utf8)
            case 0x27 where quotes: out.append(contentsOf: "&#39;".utf8)
            case 0xEE, 0xEF:
                // A well-formed three-byte sequence (the String is valid UTF-8); EF above A3 is
                // U+F900 and up, not private use.
                guard b == 0xEE || bytes[i + 1] <= 0xA3 else { out.append(b); break }
                let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                out.append(contentsOf: "&#x\(String(scalar, radix: 16, uppercase: true));".utf8)
                i += 3
                continue
            default: out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

enum H {
    static func el(_ name: String, _ attrs: [Attr] = [], _ children: [HNode]) -> HNode {
        var nodes: [HNode] = attrs.compactMap { a in
            a.value.map { HNode.attribute(named: a.name, value: $0.attributeEscaped, ignoreIfValueIsEmpty: false) }
        }
        nodes.append(contentsOf: children)
        return .element(named: name, nodes: nodes)
    }

    static func void(_ name: String, _ attrs: [Attr]) -> HNode {
        .element(Element<Any>.selfClosed(named: name, attributes: attrs.compactMap { a in
            a.value.map { Attribute<Any>(name: a.name, value: $0.attributeEscaped, ignoreIfValueIsEmpty: false) }
        }))
    }

    static func text(_ s: String) -> HNode { .raw(s.textEscaped) }
    static func group(_ nodes: [HNode]) -> HNode { .group(nodes) }
    static var empty: HNode { .empty }
    /// Markup we wrote ourselves (SVG charts, pre-escaped fragments). Never user text.
    static func trusted(_ s: String) -> HNode { .raw(s) }

    static func render(_ node: HNode) -> String { node.render() }

    /// Markup we write ourselves, made only when the page is drawn (for values that belong
    /// to the request being answered, such as the CSRF token). Never user text.
    static func drawnLate(_ make: @escaping @Sendable () -> String) -> HNode { .component(DrawnLate(make: make)) }
}

/// Plot evaluates a component's `body` as it renders it, not when the tree is built.
private struct DrawnLate: Component {
    let make: @Sendable () -> String
    var body: any Component { HNode.raw(make()) }
}

// Short forms for the tags pages use; each takes attributes then children.
extension H {
    static func div(_ a: [Attr] = [], _ c: HNode...) -> HNode { el("div", a, c) }
    static func div(_ a: [Attr] = [], children c: [HNode]) -> HNode { el("div", a, c) }
    static func section(_ a: [Attr] = [], _ c: HNode...) -> HNode { el("section", a, c) }
    static func p(_ a: [Attr] = [], _ c: HNode...) -> HNode { el("p", a, c) }
    static func p(_ s: String, _ a: [Attr] = []) -> HNode { el("p", a, [text(s)]) }
    static func span(_ s: String, _ a: [Attr] = []) -> HNode { el("span", a, [text(s)]) }
    static func strong(_ s: String) -> HNode { el("strong", [], [text(s)]) }
    static func small(_ s: String, _ a: [Attr] = []) -> HNode { el("small", a, [text(s)]) }
    static func h1(_ s: String, _ a: [Attr] = []) -> HNode { el("h1", a, [text(s)]) }
    static func h2(_ s: String, _ a: [Attr] = []) -> HNode { el("h2", a, [text(s)]) }
    static func h3(_ s: String, _ a: [Attr] = []) -> HNode { el("h3", a, [text(s)]) }
    static func a(_ s: String, href: String, _ a: [Attr] = []) -> HNode { el("a", [.href(href)] + a, [text(s)]) }
    /// A name inside a line: isolated, so that an Arabic name does not reorder the French
    /// text and figures around it, nor a Latin one an Arabic line.
    static func bdi(_ s: String) -> HNode { el("bdi", [], [text(s)]) }
    static func ul(_ a: [Attr] = [], _ items: [HNode]) -> HNode { el("ul", a, items.map { el("li", [], [$0]) }) }
    static func dl(_ pairs: [(String, HNode)]) -> HNode {
        el("dl", [], pairs.flatMap { [el("dt", [], [text($0.0)]), el("dd", [], [$0.1])] })
    }
    static func button(_ s: String, _ a: [Attr] = []) -> HNode { el("button", [.type("submit")] + a, [text(s)]) }
    /// A table in a region of its own that scrolls sideways on a narrow screen, its first
    /// column held in place (CSS), so that the page itself never grows wider than the phone.
    /// The region is focusable and named by the caption, so keyboards can scroll it too.
    static func table(caption: String, headers: [String], rows: [[HNode]], _ a: [Attr] = []) -> HNode {
        el("div", [.cls("table-scroll"), .attr("tabindex", "0"), .attr("role", "region"), .aria("label", caption)], [bareTable(caption: caption, headers: headers, rows: rows, a)])
    }

    static func bareTable(caption: String, headers: [String], rows: [[HNode]], _ a: [Attr] = []) -> HNode {
        el("table", a, [
            el("caption", [], [text(caption)]),
            el("thead", [], [el("tr", [], headers.map { el("th", [.attr("scope", "col")], [text($0)]) })]),
            el("tbody", [], rows.map { el("tr", [], $0.map { el("td", [], [$0]) }) }),
        ])
    }
}
