import SharakaCore

/// Page numbers from the query string, clamped so that bad input never errors.
struct PageRequest: Sendable {
    let page: Int
    let per: Int
    var offset: Int { (page - 1) * per }

    init(page: Int?, per: Int = 20) {
        self.page = max(1, min(page ?? 1, 100_000))
        self.per = per
    }
}

enum Pagination {
    /// `next`: the next page's address when the list goes on by cursor rather than by number.
    static func nav(_ t: Localizer, page: PageRequest, total: Int, next: String? = nil, link: (Int) -> String) -> HNode {
        let pages = max(1, (total + page.per - 1) / page.per)
        guard pages > 1 else { return H.empty }
        return H.el("nav", [.cls("pagination"), .aria("label", t(.paginationLabel))], [
            page.page > 1 ? H.a(t(.paginationPrevious), href: link(page.page - 1), [.attr("rel", "prev")]) : H.span(""),
            H.span(t(.paginationStatus, ["page": t.number(page.page), "pages": t.number(pages)])),
            page.page < pages ? H.a(t(.paginationNext), href: next ?? link(page.page + 1), [.attr("rel", "next")]) : H.span(""),
        ])
    }
}
