import SharakaCore
import Vapor

enum NotificationPages {
    static func index(_ t: Localizer, items: [Notification], total: Int, page: PageRequest, preference: EmailPreference) -> Page {
        let lang = t.language
        let prefs: [(String, String)] = [(EmailPreference.none.rawValue, t(.emailNone)), (EmailPreference.immediate.rawValue, t(.emailImmediate)),
                                         (EmailPreference.daily.rawValue, t(.emailDaily))]
        let unread = items.contains { $0.readAt == nil }
        return Page(title: t(.notificationsTitle), content: H.group([
            H.h1(t(.notificationsTitle)),
            unread ? H.el("form", [.action(SiteURL.notificationsRead.path(lang)), .postMethod], [CSRFField(), H.button(t(.notificationsMarkRead), [.cls("secondary")])]) : H.empty,
            items.isEmpty ? H.p(t(.notificationsEmpty), [.cls("muted")]) :
                H.el("ul", [.cls("notification-list")], items.map { n in
                    H.el("li", [.cls(n.readAt == nil ? "card unread" : "card")], [
                        H.a(Notifier.line(t, n.kindValue, n.title), href: SiteURL.notification(n.id!).path(lang)),
                        n.readAt == nil ? H.span(" " + t(.notificationUnreadMark), [.cls("badge")]) : H.empty,
                        H.p(t.date(n.createdAt), [.cls("muted")]),
                    ])
                }),
            Pagination.nav(t, page: page, total: total) { SiteURL.notifications.path(lang) + "?page=\($0)" },
            H.h2(t(.notificationsEmailTitle)),
            H.el("form", [.action(SiteURL.notificationsPreferences.path(lang)), .postMethod, .cls("stack")], [
                CSRFField(),
                FormField.select("email", label: t(.fieldEmailPreference), options: prefs, selected: preference.rawValue),
                H.button(t(.save)),
            ]),
        ]))
    }

    /// Follow / unfollow button for a page.
    static func followButton(_ t: Localizer, _ target: FollowTarget, _ id: UUID, following: Bool, signedIn: Bool) -> HNode {
        guard signedIn else { return H.empty }
        return H.el("form", [.action((following ? SiteURL.unfollow : SiteURL.follow).path(t.language)), .postMethod, .cls("inline")], [
            CSRFField(),
            H.void("input", [.type("hidden"), .name("target_kind"), .value(target.rawValue)]),
            H.void("input", [.type("hidden"), .name("target_id"), .value(id.uuidString)]),
            H.button(following ? t(.unfollow) : t(.follow), [.cls("secondary"), .aria("pressed", following ? "true" : "false")]),
        ])
    }
}
