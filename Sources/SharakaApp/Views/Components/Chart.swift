import Foundation
import SharakaCore

/// Charts drawn on the server as SVG: no script, readable without CSS, each with a
/// title and a description for screen readers and the same figures as a table beside
/// it. Bars grow from the start edge, so right-to-left pages draw from the right; the
/// drawing itself is laid out left to right (`direction="ltr"`) so that text anchors
/// mean the same edge whatever the page direction.
enum Chart {
    struct Bar {
        let label: String
        let value: Int
        /// Shown instead of the number (e.g. an amount in MAD).
        var display: String? = nil
        var cssClass = "bar"
    }

    static func bars(id: String, title: String, description: String, bars: [Bar], rtl: Bool, headers: (String, String)) -> HNode {
        let rowHeight = 28, labelWidth = 260, width = 640, barArea = width - labelWidth - 90
        let height = max(1, bars.count) * rowHeight + 10
        let top = max(1, bars.map(\.value).max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" direction=\"ltr\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" class=\"chart\" aria-labelledby=\"\(id)-t \(id)-d\">"
        svg += "<title id=\"\(id)-t\">\(title.textEscaped)</title><desc id=\"\(id)-d\">\(description.textEscaped)</desc>"
        for (i, bar) in bars.enumerated() {
            let y = i * rowHeight + 5
            let length = bar.value <= 0 ? 0 : max(2, bar.value * barArea / top)
            let barX = rtl ? width - labelWidth - length : labelWidth
            let labelX = rtl ? width - 4 : 4
            let valueX = rtl ? barX - 6 : barX + length + 6
            svg += "<text x=\"\(labelX)\" y=\"\(y + 17)\" text-anchor=\"\(rtl ? "end" : "start")\" class=\"chart-label\">\(String(bar.label.prefix(40)).textEscaped)</text>"
            svg += "<rect x=\"\(barX)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(rowHeight - 10)\" class=\"\(bar.cssClass.attributeEscaped)\"/>"
            svg += "<text x=\"\(valueX)\" y=\"\(y + 17)\" text-anchor=\"\(rtl ? "end" : "start")\" class=\"chart-value\">\((bar.display ?? String(bar.value)).textEscaped)</text>"
        }
        svg += "</svg>"
        return figure(id: id, title: title, svg: svg, headers: [headers.0, headers.1], rows: bars.map { [$0.label, $0.display ?? String($0.value)] })
    }

    struct Span {
        let label: String
        let starts: Day
        let ends: Day
        let cssClass: String
        let status: String
    }

    /// A timeline of spans between the earliest start and the latest end, with a line for today.
    static func gantt(id: String, title: String, description: String, spans: [Span], today: Day, rtl: Bool, headers: [String]) -> HNode {
        guard let first = spans.map(\.starts).min(), let last = spans.map(\.ends).max() else { return H.empty }
        let rowHeight = 22, labelWidth = 260, width = 760, area = width - labelWidth - 10
        let height = spans.count * rowHeight + 30
        let total = max(1, days(first, last))
        func x(_ d: Day) -> Int {
            let offset = max(0, min(total, days(first, d))) * area / total
            return rtl ? width - labelWidth - offset : labelWidth + offset
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" direction=\"ltr\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" class=\"chart gantt\" aria-labelledby=\"\(id)-t \(id)-d\">"
        svg += "<title id=\"\(id)-t\">\(title.textEscaped)</title><desc id=\"\(id)-d\">\(description.textEscaped)</desc>"
        for (i, s) in spans.enumerated() {
            let y = i * rowHeight + 4
            let a = x(s.starts), b = x(s.ends)
            svg += "<text x=\"\(rtl ? width - 4 : 4)\" y=\"\(y + 14)\" text-anchor=\"\(rtl ? "end" : "start")\" class=\"chart-label\">\(String(s.label.prefix(42)).textEscaped)</text>"
            svg += "<rect x=\"\(min(a, b))\" y=\"\(y + 3)\" width=\"\(max(2, abs(b - a)))\" height=\"\(rowHeight - 8)\" class=\"\(s.cssClass.attributeEscaped)\"/>"
        }
        if first <= today && today <= last {
            let t = x(today)
            svg += "<line x1=\"\(t)\" x2=\"\(t)\" y1=\"0\" y2=\"\(height - 20)\" class=\"today\"/>"
        }
        svg += "<text x=\"\(x(first))\" y=\"\(height - 4)\" text-anchor=\"middle\" class=\"chart-value\">\(first.iso.prefix(7))</text>"
        svg += "<text x=\"\(x(last))\" y=\"\(height - 4)\" text-anchor=\"middle\" class=\"chart-value\">\(last.iso.prefix(7))</text>"
        svg += "</svg>"
        return figure(id: id, title: title, svg: svg, headers: headers, rows: spans.map { [$0.label, $0.starts.iso, $0.ends.iso, $0.status] })
    }

    private static func days(_ a: Day, _ b: Day) -> Int {
        let ca = Day.calendar.date(from: DateComponents(year: a.year, month: a.month, day: a.day))!
        let cb = Day.calendar.date(from: DateComponents(year: b.year, month: b.month, day: b.day))!
        return Int((cb.timeIntervalSince(ca) / 86_400).rounded())
    }

    /// The SVG and its table: the table is the accessible source of truth.
    private static func figure(id: String, title: String, svg: String, headers: [String], rows: [[String]]) -> HNode {
        H.el("figure", [.id(id), .cls("chart-figure")], [
            H.el("figcaption", [], [H.text(title)]),
            H.trusted(svg),
            H.table(caption: title, headers: headers, rows: rows.map { $0.map { H.text($0) } }, [.cls("chart-table")]),
        ])
    }
}
