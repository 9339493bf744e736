import SharakaCore
import Vapor

enum SearchPages {
    struct Data {
        let query: String
        let terms: [String]
        let kind: SearchKind?
        let processID: UUID?
        let processes: [(id: UUID, title: LocalizedText)]
        /// The requested page of matches only.
        let found: SearchQuery.Result
        let page: PageRequest
    }

    static func kindLabel(_ t: Localizer, _ k: SearchKind) -> String {
        switch k {
        case .process: t(.kindProcess)
        case .proposal: t(.kindProposal)
        case .comment: t(.kindComment)
        case .meeting: t(.kindMeeting)
        }
    }

    static func url(_ hit: SearchHit) -> (SiteURL, String) {
        switch hit.kind {
        case .process: (.process(hit.id), "")
        case .proposal: (.proposal(hit.id), "")
        case .meeting: (.meeting(hit.id), "")
        case .comment:
            switch hit.parentKind {
            case .process?: (.process(hit.parentID!), "#comment-\(hit.id)")
            case .meeting?: (.meeting(hit.parentID!), "#comment-\(hit.id)")
            default: (.proposal(hit.parentID ?? hit.id), "#comment-\(hit.id)")
            }
        }
    }

    static func highlighted(_ parts: [SearchSnippet.Part]) -> [HNode] {
        parts.map { $0.hit ? H.el("mark", [], [H.text($0.text)]) : H.text($0.text) }
    }

    static func results(_ t: Localizer, _ d: Data) -> Page {
        let lang = t.language
        var query = "q=\(d.query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        if let k = d.kind { query += "&type=\(k.rawValue)" }
        if let p = d.processID { query += "&process=\(p.uuidString)" }
        let form = H.el("form", [.action(SiteURL.search.path(lang)), .attr("method", "get"), .attr("role", "search"), .cls("stack search-form")], [
            H.div([.cls("field")],
                  H.el("label", [.for("f-q")], [H.text(t(.searchLabel))]),
                  H.void("input", [.id("f-q"), .type("search"), .name("q"), .value(d.query), .attr("maxlength", String(SearchController.maxQueryLength)), .dir("auto")])),
            H.div([.cls("filters")],
                  FormField.select("type", label: t(.fieldType), options: SearchKind.allCases.map { ($0.rawValue, kindLabel(t, $0)) },
                                   selected: d.kind?.rawValue, includeBlank: t(.searchAllTypes)),
                  FormField.select("process", label: t(.fieldProcess), options: d.processes.map { ($0.id.uuidString, t.text($0.title)) },
                                   selected: d.processID?.uuidString, includeBlank: t(.searchAllProcesses))),
            H.button(t(.searchSubmit)),
        ])
        let body: HNode
        if d.terms.isEmpty {
            body = H.p(t(.searchIntro), [.cls("muted")])
        } else if d.found.total == 0 {
            body = H.p(t(.searchNoResults, ["q": d.query]), [.cls("empty")])
        } else {
            body = H.group([
                H.p(d.found.capped ? t(.searchMore, ["n": t.number(SearchQuery.cap)]) : t.plural(.resultsCount, d.found.total), [.cls("muted"), .attr("role", "status")]),
                H.el("ol", [.cls("results")], d.found.hits.map { hit in
                    let (page, anchor) = url(hit)
                    let title = t.text(hit.title)
                    let heading = hit.kind == .comment ? t(.searchCommentOn, ["title": title]) : title
                    let text = hit.body.resolve(for: lang)?.text ?? ""
                    return H.el("li", [.cls("result")], [
                        H.p([.cls("muted small")], H.text("\(kindLabel(t, hit.kind)) · \(t.date(hit.createdAt))")),
                        H.el("h2", [.cls("result-title")], [H.el("a", [.href(page.path(lang) + anchor), .dir("auto")],
                                                                 hit.kind == .comment ? [H.text(heading)] : highlighted(SearchSnippet.make(heading, terms: d.terms, words: 40)))]),
                        text.isEmpty ? H.empty : H.el("p", [.cls("snippet"), .dir("auto")], highlighted(SearchSnippet.make(text, terms: d.terms))),
                    ])
                }),
                Pagination.nav(t, page: d.page, total: d.found.total) { SiteURL.search.path(lang) + "?\(query)&page=\($0)" },
            ])
        }
        return Page(title: d.query.isEmpty ? t(.searchTitle) : "\(t(.searchTitle)) — \(d.query)", content: H.group([
            H.h1(t(.searchTitle)), form, body,
        ]))
    }
}
