import SharakaCore
import Vapor

/// The comment section of a page: order switch, the thread with replies indented,
/// stances and votes, and the forms to write. Everything works without JavaScript
/// (reply forms sit in <details>).
enum CommentViews {
    struct Section {
        let kind: Comment.Target
        let targetID: UUID
        let page: SiteURL
        /// The page's part of the thread (whole conversations) and the thread's figures.
        let result: CommentThreadQuery.Result
        var thread: [(comment: CommentItem, depth: Int)] { result.items }
        let order: CommentOrder
        let open: Bool
        let viewer: User?
        /// The viewer's votes: comment id → +1 / -1.
        let votes: [UUID: Int]
    }

    static func alignment(_ t: Localizer, _ raw: String) -> String {
        switch CommentAlignment(rawValue: raw) ?? .neutral {
        case .inFavour: t(.alignmentInFavour)
        case .against: t(.alignmentAgainst)
        case .neutral: t(.alignmentNeutral)
        }
    }

    static func section(_ t: Localizer, _ s: Section) -> HNode {
        let lang = t.language
        let base = s.page.path(lang)
        let orders: [(CommentOrder, L10nKey)] = [(.oldest, .orderOldest), (.newest, .orderNewest), (.best, .orderBest)]
        let names = Dictionary(s.thread.map { ($0.comment.id, authorName(t, $0.comment)) }, uniquingKeysWith: { a, _ in a })
        return H.el("section", [.id("comments"), .aria("labelledby", "comments-title")], [
            H.h2("\(t(.commentsTitle)) (\(t.number(s.result.visible)))", [.id("comments-title")]),
            s.thread.isEmpty ? H.empty : H.el("nav", [.aria("label", t(.commentOrderLabel)), .cls("sorts")], [
                H.ul([.cls("nav-list")], orders.map { order, key in
                    order == s.order ? H.el("span", [.aria("current", "true")], [H.text(t(key))])
                        : H.a(t(key), href: base + "?comments=\(order.rawValue)#comments")
                }),
            ]),
            s.thread.isEmpty ? H.p(t(.commentsEmpty), [.cls("muted")]) :
                H.el("ol", [.cls("comment-thread")], s.thread.map { comment, depth in
                    item(t, s, comment, depth, parentName: comment.parentID.flatMap { names[$0] })
                }),
            Pagination.nav(t, page: s.result.page, total: s.result.conversations) { base + "?comments=\(s.order.rawValue)&comments_page=\($0)#comments" },
            newForm(t, s),
        ])
    }

    private static func authorName(_ t: Localizer, _ c: CommentItem) -> String {
        c.authorName ?? t(.deletedUser)
    }

    private static func item(_ t: Localizer, _ s: Section, _ c: CommentItem, _ depth: Int, parentName: String?) -> HNode {
        let lang = t.language
        let id = c.id
        let mine = s.viewer?.id == c.authorID
        var meta = " · \(t.date(c.createdAt))"
        if !c.deleted { meta += " · \(alignment(t, c.alignment))" }
        if c.editedAt != nil && !c.deleted { meta += " \(t(.commentEdited))" }
        var children: [HNode] = [
            parentName.map { H.p([.cls("muted small")], t.sentence(.repliesTo, ["name": H.bdi($0)])) } ?? H.empty,
            H.p([.cls("muted")], H.bdi(authorName(t, c)), H.text(meta)),
        ]
        if c.deleted {
            children.append(H.p(t(.commentDeletedText), [.cls("placeholder")]))
        } else if c.hidden {
            children.append(H.p(t(.hiddenPlaceholder), [.cls("placeholder")]))
        } else {
            // Guessed once, for the mark and the text's own lang.
            let written = TextLanguage.guess(c.body)
            children.append(UserText.mark(t, c.body, recorded: written))
            children.append(ProposalPages.body(c.body, language: written, cls: "comment-body"))
            var actions: [HNode] = []
            let myVote = s.votes[id]
            if let viewer = s.viewer, viewer.id != c.authorID {
                for (value, key, count) in [("up", L10nKey.commentVoteUp, c.upVotes), ("down", .commentVoteDown, c.downVotes)] {
                    let pressed = (value == "up" ? 1 : -1) == myVote
                    actions.append(H.el("form", [.action(SiteURL.commentVote(id).path(lang)), .postMethod, .cls("inline")], [
                        CSRFField(), H.void("input", [.type("hidden"), .name("value"), .value(value)]),
                        H.button(t(key, ["n": t.number(count)]), [.cls("vote-button"), .aria("pressed", pressed ? "true" : "false")]),
                    ]))
                }
            } else {
                actions.append(H.span(t(.commentVoteUp, ["n": t.number(c.upVotes)]), [.cls("vote-count")]))
                actions.append(H.span(t(.commentVoteDown, ["n": t.number(c.downVotes)]), [.cls("vote-count")]))
            }
            if mine { actions.append(H.a(t(.commentEdit), href: SiteURL.commentEdit(id).path(lang), [.cls("button secondary small")])) }
            children.append(H.div([.cls("comment-actions")], children: actions))
            if let viewer = s.viewer, !mine, Policy.allows(viewer.roleValue, .report) { children.append(ModerationPages.reportForm(t, .comment, id)) }
            if s.open, s.viewer != nil, CommentRules.replyDepth(parentDepth: depth) != nil {
                children.append(H.el("details", [.cls("reply")], [
                    H.el("summary", [], [H.text(t(.commentReply))]),
                    form(t, s, parent: id, submit: t(.commentReplySubmit)),
                ]))
            }
        }
        return H.el("li", [.id("comment-\(id)"), .cls("comment depth-\(depth)")], [H.el("article", [], children)])
    }

    private static func newForm(_ t: Localizer, _ s: Section) -> HNode {
        guard s.open else { return H.p(t(.commentsClosed), [.cls("muted")]) }
        guard s.viewer != nil else {
            return H.p([], H.a(t(.commentLoginToComment), href: SiteURL.login.path(t.language) + "?next=" + s.page.path(t.language)))
        }
        return H.group([H.h3(t(.commentNew)), form(t, s, parent: nil, submit: t(.commentSubmit))])
    }

    private static func form(_ t: Localizer, _ s: Section, parent: UUID?, submit: String) -> HNode {
        let suffix = parent.map { String($0.uuidString.prefix(8)) } ?? "new"
        return H.el("form", [.action(SiteURL.comments.path(t.language)), .postMethod, .cls("stack comment-form")], [
            CSRFField(),
            H.void("input", [.type("hidden"), .name("target_kind"), .value(s.kind.rawValue)]),
            H.void("input", [.type("hidden"), .name("target_id"), .value(s.targetID.uuidString)]),
            parent.map { H.void("input", [.type("hidden"), .name("parent_id"), .value($0.uuidString)]) } ?? H.empty,
            FormField.textarea("body", label: t(.fieldComment), rows: parent == nil ? 4 : 3, required: true, idSuffix: suffix,
                               hint: lengthHint(t), maxLength: CommentRules.bodyLength.upperBound),
            FormField.select("alignment", label: t(.fieldAlignment),
                             options: alignments(t),
                             selected: "neutral", idSuffix: suffix),
            H.button(submit),
        ])
    }

    static func alignments(_ t: Localizer) -> [(value: String, label: String)] {
        [("neutral", t(.alignmentNeutral)), ("in_favour", t(.alignmentInFavour)), ("against", t(.alignmentAgainst))]
    }

    static func lengthHint(_ t: Localizer) -> String { t.lengthHint(CommentRules.bodyLength.lowerBound, CommentRules.bodyLength.upperBound) }

    /// A comment refused (too short, too long): drawn again with what was typed and the
    /// message beside the field, sent to the same place, instead of a redirect that lost it.
    static func retryPage(_ t: Localizer, kind: String, targetID: String, parentID: String?, body: String, alignment: String?,
                          back: String, error: String) -> Page {
        let lang = t.language
        return Page(title: t(.commentNew), content: H.group([
            H.p([], H.a(t(.commentsTitle), href: back + "#comments")),
            H.h1(t(.commentNew)),
            FormField.errorSummary(["body": error], title: t(.formHasErrors)),
            H.el("form", [.action(SiteURL.comments.path(lang)), .postMethod, .cls("stack comment-form")], [
                CSRFField(),
                H.void("input", [.type("hidden"), .name("target_kind"), .value(kind)]),
                H.void("input", [.type("hidden"), .name("target_id"), .value(targetID)]),
                parentID.map { H.void("input", [.type("hidden"), .name("parent_id"), .value($0)]) } ?? H.empty,
                FormField.textarea("body", label: t(.fieldComment), value: body, error: error, rows: 6, required: true,
                                   hint: lengthHint(t), maxLength: CommentRules.bodyLength.upperBound),
                FormField.select("alignment", label: t(.fieldAlignment),
                                 options: alignments(t),
                                 selected: alignment ?? "neutral"),
                H.button(t(.commentSubmit)),
            ]),
        ]), status: .unprocessableEntity)
    }

    static func editPage(_ t: Localizer, comment: Comment, back: String, error: String?) -> Page {
        let lang = t.language
        let id = comment.id!
        return Page(title: t(.commentEdit), content: H.group([
            H.p([], H.a(t(.commentsTitle), href: back + "#comment-\(id)")),
            H.h1(t(.commentEdit)),
            H.el("form", [.action(SiteURL.commentEdit(id).path(lang)), .postMethod, .cls("stack")], [
                CSRFField(),
                FormField.textarea("body", label: t(.fieldComment), value: comment.body, error: error, rows: 6, required: true,
                                   hint: lengthHint(t), maxLength: CommentRules.bodyLength.upperBound),
                H.button(t(.save)),
            ]),
            H.el("form", [.action(SiteURL.commentDelete(id).path(lang)), .postMethod, .cls("stack danger-zone"), .attr("data-confirm", t(.commentDeleteConfirm))], [
                CSRFField(),
                FormField.checkbox("confirm", label: t(.commentDeleteConfirm)),
                H.button(t(.commentDelete), [.cls("danger")]),
            ]),
        ]), status: error == nil ? .ok : .unprocessableEntity)
    }
}
