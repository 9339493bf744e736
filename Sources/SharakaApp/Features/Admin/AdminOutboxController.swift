import SharakaCore
import Vapor

/// Lets administrators see whether e-mail leaves (sent, pending, failed with the last error).
/// With no mail transport (SHARAKA_SENDMAIL unset) nothing leaves: each message's text and
/// links are shown, so that a first run can still confirm accounts and pass links on.
enum AdminOutboxController {
    @Sendable static func index(req: Request) async throws -> Response {
        try req.require(.viewOutbox)
        let t = req.t
        let page = PageRequest(page: try? req.query.get(Int.self, at: "page"), per: 50)
        let unsent = req.settings.sendmailPath == nil
        let (messages, total) = try await OutboxListQuery.page(offset: page.offset, limit: page.per, withText: unsent, on: req.sql)
        return await req.render(AdminOutboxPage.page(t, messages: messages, total: total, page: page, unsent: unsent, actor: req.role))
    }
}

enum AdminOutboxPage {
    static func page(_ t: Localizer, messages: [OutboxItem], total: Int, page: PageRequest, unsent: Bool, actor: Role) -> Page {
        let status: [String: L10nKey] = ["pending": .outboxPending, "sent": .outboxSent, "failed": .outboxFailed]
        var headers = [t(.fieldDate), t(.fieldRecipient), t(.fieldSubject), t(.fieldStatus)]
        if unsent { headers.append(t(.outboxText)) }
        return Page(title: t(.adminOutboxTitle), content: H.group([
            AdminNav.node(t, actor: actor),
            H.h1(t(.adminOutboxTitle)),
            unsent ? H.div([.cls("warning-note"), .attr("role", "note")], H.p(t(.outboxNoTransport))) : H.empty,
            messages.isEmpty ? H.p(t(.outboxEmpty), [.cls("muted")]) :
                H.table(caption: t(.adminOutboxTitle), headers: headers, rows: messages.map { m in
                    var row = [H.text(t.date(m.created_at)), H.el("bdi", [], [H.text(m.recipient)]), H.el("bdi", [], [H.text(m.subject)]),
                               H.text((status[m.status].map { t($0) } ?? m.status) + (m.last_error.map { " — \($0)" } ?? ""))]
                    if unsent {
                        row.append(H.el("details", [], [
                            H.el("summary", [], [H.text(t(.outboxShowText))]),
                            H.el("pre", [.cls("mail-text"), .attr("dir", "auto")], [H.text(m.body ?? "")]),
                        ]))
                    }
                    return row
                }),
            Pagination.nav(t, page: page, total: total) { SiteURL.adminOutbox.path(t.language) + "?page=\($0)" },
        ]))
    }
}
