import Fluent
import SharakaCore
import Vapor

/// Lets administrators see whether e-mail leaves (sent, pending, failed with the last error).
enum AdminOutboxController {
    @Sendable static func index(req: Request) async throws -> Response {
        try req.require(.viewOutbox)
        let t = req.t
        let page = PageRequest(page: try? req.query.get(Int.self, at: "page"), per: 50)
        let total = try await OutboxMessage.query(on: req.db).count()
        let messages = try await OutboxMessage.query(on: req.db).sort(\.$createdAt, .descending).range(page.offset..<(page.offset + page.per)).all()
        let status: [String: L10nKey] = ["pending": .outboxPending, "sent": .outboxSent, "failed": .outboxFailed]
        return await req.render(Page(title: t(.adminOutboxTitle), content: H.group([
            AdminNav.node(t, actor: req.role),
            H.h1(t(.adminOutboxTitle)),
            messages.isEmpty ? H.p(t(.outboxEmpty), [.cls("muted")]) :
                H.div([.cls("table-scroll")], H.table(caption: t(.adminOutboxTitle), headers: [t(.fieldDate), t(.fieldRecipient), t(.fieldSubject), t(.fieldStatus)], rows: messages.map { m in
                    [H.text(t.date(m.createdAt)), H.el("bdi", [], [H.text(m.recipient)]), H.text(m.subject),
                     H.text((status[m.status].map { t($0) } ?? m.status) + (m.lastError.map { " — \($0)" } ?? ""))]
                })),
            Pagination.nav(t, page: page, total: total) { SiteURL.adminOutbox.path(t.language) + "?page=\($0)" },
        ])))
    }
}
