import Foundation
import SharakaCore

/// Charts drawn on the server as SVG: no script, readable without CSS, each with a
/// title and a description for screen readers and the same figures as a table beside
/// it. Bars grow from the start edge, so right-to-left pages draw from the right; the
/// drawing itself is laid out left to right (`direction="ltr"`) so that text anchors
/// mean the same edge whatever the page direction.
///
/// Nothing is clipped: labels wrap at word boundaries onto up to three lines (the row
/// grows), values get a column as wide as the longest of them, and the timeline's axis
/// labels are anchored inward at its ends. Widths are estimated from character counts
/// (13 px text: about 7.5 px a character in every script the site writes), with room to
/// spare; the browser suite checks every `<text>` lies inside its drawing.
enum Chart {
    struct Bar {
        let label: String
        let value: Int
        /// Shown instead of the number (e.g. an amount in MAD).
        var display: String? = nil
        var cssClass = "bar"
    }

    /// What a colour means, drawn under the chart.
    struct LegendItem {
        let cssClass: String
        let label: String
    }

    static let charWidth = 7.5
    static let lineHeight = 16
    static let labelWidth = 260
    static var labelChars: Int { Int(Double(labelWidth - 12) / charWidth) }

    static func bars(id: String, title: String, description: String, bars: [Bar], rtl: Bool, headers: (String, String),
                     legend: [LegendItem] = []) -> HNode {
        let width = 640
        let labels = bars.map { LineWrap.lines($0.label, width: labelChars, maxLines: 3) }
        let longestValue = bars.map { ($0.display ?? String($0.value)).count }.max() ?? 1
        let valueWidth = Int(Double(longestValue) * charWidth) + 14
        let barArea = max(40, width - labelWidth - valueWidth)
        let heights = labels.map { max(28, $0.count * lineHeight + 12) }
        let height = max(1, heights.reduce(0, +)) + 10
        let top = max(1, bars.map(\.value).max() ?? 1)
        var svg = open(id: id, title: title, description: description, width: width, height: height, extraClass: "")
        var y = 5
        for (i, bar) in bars.enumerated() {
            let rowHeight = heights[i]
            let middle = y + rowHeight / 2
            let length = bar.value <= 0 ? 0 : max(2, bar.value * barArea / top)
            let barX = rtl ? width - labelWidth - length : labelWidth
            let valueX = rtl ? barX - 6 : barX + length + 6
            svg += label(labels[i], full: bar.label, x: rtl ? width - 4 : 4, middle: middle, anchor: rtl ? "end" : "start")
            svg += "<rect x=\"\(barX)\" y=\"\(middle - 9)\" width=\"\(length)\" height=\"18\" class=\"\(bar.cssClass.attributeEscaped)\"/>"
            svg += "<text x=\"\(valueX)\" y=\"\(middle + 5)\" text-anchor=\"\(rtl ? "end" : "start")\" class=\"chart-value\">\((bar.display ?? String(bar.value)).textEscaped)</text>"
            y += rowHeight
        }
        svg += "</svg>"
        return figure(id: id, title: title, svg: svg, legend: legend, headers: [headers.0, headers.1], rows: bars.map { [$0.label, $0.display ?? String($0.value)] })
    }

    struct Span {
        let label: String
        let starts: Day
        let ends: Day
        let cssClass: String
        let status: String
        /// The dates as the table shows them.
        var startsText: String? = nil
        var endsText: String? = nil
    }

    /// A timeline of spans between the earliest start and the latest end, with a line for
    /// today, a tick at each new year and the first and last months written in full.
    static func gantt(id: String, title: String, description: String, spans: [Span], today: Day, rtl: Bool, headers: [String],
                      monthYear: (Day) -> String, legend: [LegendItem] = []) -> HNode {
        guard let first = spans.map(\.starts).min(), let last = spans.map(\.ends).max() else { return H.empty }
        let width = 760, area = width - labelWidth - 10
        let labels = spans.map { LineWrap.lines($0.label, width: labelChars, maxLines: 2) }
        let heights = labels.map { max(22, $0.count * lineHeight + 6) }
        let axis = 40
        let plotHeight = heights.reduce(0, +) + 4
        let height = plotHeight + axis
        let total = max(1, days(first, last))
        func x(_ d: Day) -> Int {
            let offset = max(0, min(total, days(first, d))) * area / total
            return rtl ? width - labelWidth - offset : labelWidth + offset
        }
        var svg = open(id: id, title: title, description: description, width: width, height: height, extraClass: " gantt")
        var y = 4
        for (i, s) in spans.enumerated() {
            let rowHeight = heights[i], middle = y + rowHeight / 2
            let a = x(s.starts), b = x(s.ends)
            svg += label(labels[i], full: s.label, x: rtl ? width - 4 : 4, middle: middle, anchor: rtl ? "end" : "start")
            svg += "<rect x=\"\(min(a, b))\" y=\"\(middle - 7)\" width=\"\(max(2, abs(b - a)))\" height=\"14\" class=\"\(s.cssClass.attributeEscaped)\"><title>\(s.status.textEscaped)</title></rect>"
            y += rowHeight
        }
        // The axis: a tick and the year at each 1 January inside the span, kept clear of the
        // end labels; the ends written as month and year, anchored inward so they never spill.
        let base = plotHeight
        svg += "<line x1=\"\(x(first))\" x2=\"\(x(last))\" y1=\"\(base)\" y2=\"\(base)\" class=\"axis\"/>"
        let endLabels = [monthYear(first), monthYear(last)]
        let endRoom = endLabels.map { Int(Double($0.count) * charWidth) + 12 }
        for year in (first.year + 1)...max(first.year + 1, last.year) where year <= last.year {
            guard let tick = Day(year: year, month: 1, day: 1) else { continue }
            let tx = x(tick)
            let fromFirst = abs(tx - x(first)), fromLast = abs(tx - x(last))
            svg += "<line x1=\"\(tx)\" x2=\"\(tx)\" y1=\"0\" y2=\"\(base + 5)\" class=\"tick\"/>"
            if fromFirst > endRoom[0] + 20 && fromLast > endRoom[1] + 20 {
                svg += "<text x=\"\(tx)\" y=\"\(base + 18)\" text-anchor=\"middle\" class=\"chart-value\">\(year)</text>"
            }
        }
        if first <= today && today <= last {
            let tx = x(today)
            svg += "<line x1=\"\(tx)\" x2=\"\(tx)\" y1=\"0\" y2=\"\(base)\" class=\"today\"/>"
        }
        // In a left-to-right drawing the first date is at the left (its text runs right);
        // right to left, at the right (its text runs left).
        svg += "<text x=\"\(x(first))\" y=\"\(base + 34)\" text-anchor=\"\(rtl ? "end" : "start")\" class=\"chart-value\">\(endLabels[0].textEscaped)</text>"
        svg += "<text x=\"\(x(last))\" y=\"\(base + 34)\" text-anchor=\"\(rtl ? "start" : "end")\" class=\"chart-value\">\(endLabels[1].textEscaped)</text>"
        svg += "</svg>"
        return figure(id: id, title: title, svg: svg, legend: legend, headers: headers,
                      rows: spans.map { [$0.label, $0.startsText ?? $0.starts.iso, $0.endsText ?? $0.ends.iso, $0.status] })
    }

    private static func open(id: String, title: String, description: String, width: Int, height: Int, extraClass: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" direction=\"ltr\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" class=\"chart\(extraClass)\" aria-labelledby=\"\(id)-t \(id)-d\">"
            + "<title id=\"\(id)-t\">\(title.textEscaped)</title><desc id=\"\(id)-d\">\(description.textEscaped)</desc>"
    }

    /// A wrapped label, its lines centred on the row; the whole text as a tooltip when cut.
    private static func label(_ lines: [String], full: String, x: Int, middle: Int, anchor: String) -> String {
        let firstBaseline = middle + 5 - (lines.count - 1) * lineHeight / 2
        var out = "<text x=\"\(x)\" y=\"\(firstBaseline)\" text-anchor=\"\(anchor)\" class=\"chart-label\">"
        if lines.joined(separator: " ") != full { out += "<title>\(full.textEscaped)</title>" }
        for (i, line) in lines.enumerated() {
            out += "<tspan x=\"\(x)\" y=\"\(firstBaseline + i * lineHeight)\">\(line.textEscaped)</tspan>"
        }
        return out + "</text>"
    }

    private static func days(_ a: Day, _ b: Day) -> Int {
        let ca = Day.calendar.date(from: DateComponents(year: a.year, month: a.month, day: a.day))!
        let cb = Day.calendar.date(from: DateComponents(year: b.year, month: b.month, day: b.day))!
        return Int((cb.timeIntervalSince(ca) / 86_400).rounded())
    }

    /// The SVG, its legend and its table: the table is the accessible source of truth.
    private static func figure(id: String, title: String, svg: String, legend: [LegendItem], headers: [String], rows: [[String]]) -> HNode {
        H.el("figure", [.id(id), .cls("chart-figure")], [
            H.el("figcaption", [], [H.text(title)]),
            H.trusted(svg),
            legend.isEmpty ? H.empty : H.el("ul", [.cls("chart-legend")], legend.map { item in
                H.el("li", [], [
                    H.trusted("<svg class=\"swatch\" viewBox=\"0 0 14 14\" width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" class=\"\(item.cssClass.attributeEscaped)\"/></svg>"),
                    H.text(item.label),
                ])
            }),
            H.table(caption: title, headers: headers, rows: rows.map { $0.map { H.text($0) } }, [.cls("chart-table")]),
        ])
    }
}
