import Foundation
import SharakaCore

/// "My data" as a page one can read: the same value as the JSON download, section by
/// section, each with its count, user text in its own language and direction.
enum AccountDataPage {
    static func page(_ t: Localizer, _ d: AccountData) -> Page {
        let lang = t.language
        func date(_ value: Date?) -> HNode { value.map { H.text(t.date($0)) } ?? H.text("—") }
        func section(_ title: L10nKey, count: Int, headers: [String], rows: [[HNode]]) -> HNode {
            H.section([.cls("data-section")],
                H.h2("\(t(title)) (\(t.number(count)))"),
                rows.isEmpty ? H.p(t(.dataNone), [.cls("muted")]) :
                    H.table(caption: t(title), headers: headers, rows: rows))
        }
        return Page(title: t(.dataTitle), content: H.group([
            H.p([], H.a(t(.accountTitle), href: SiteURL.account.path(lang))),
            H.h1(t(.dataTitle)),
            H.p(t(.dataIntro)),
            H.p([], H.a(t(.accountDownload), href: SiteURL.accountExport.path(lang), [.cls("button")])),
            H.h2(t(.dataProfile)),
            H.dl([
                (t(.fieldName), H.bdi(d.name)), (t(.fieldEmail), H.bdi(d.email)),
                (t(.fieldLanguage), H.text(Language(rawValue: d.preferredLanguage)?.endonym ?? d.preferredLanguage)),
                (t(.fieldProvince), H.text(d.province ?? "—")), (t(.fieldRole), H.text(t.role(Role(rawValue: d.role) ?? .citizen))),
                (t(.adminSignedUp), date(d.createdAt)), (t(.adminLastSignIn), date(d.lastSignInAt)),
            ]),
            section(.dataMemberships, count: d.memberships.count, headers: [t(.fieldName), t(.fieldRole)],
                    rows: d.memberships.map { [H.bdi(t.text($0.organisation)), H.text(t.membership($0.role))] }),
            section(.dataProposals, count: d.proposals.count, headers: [t(.fieldDate), t(.fieldTitle), t(.fieldStatus)],
                    rows: d.proposals.map { p in [date(p.createdAt), H.el("a", [.href(SiteURL.proposal(p.id).path(lang)), .lang(p.language), .dir("auto")], [H.text(p.title)]),
                                            H.text(p.status == ProposalStatus.withdrawn.rawValue ? t(.proposalWithdrawnMark) : "—")] }),
            section(.dataComments, count: d.comments.count, headers: [t(.fieldDate), t(.fieldComment)],
                    rows: d.comments.map { c in [date(c.createdAt), c.deleted ? H.span(t(.commentDeletedText), [.cls("muted")]) : UserText.line("span", c.body)] }),
            section(.dataSupports, count: d.supports.count, headers: [t(.fieldDate), t(.fieldTitle)],
                    rows: d.supports.map { s in [date(s.createdAt), H.el("a", [.href(SiteURL.proposal(s.proposalID).path(lang)), .dir("auto")], [H.text(s.proposalTitle)])] }),
            section(.dataRegistrations, count: d.registrations.count, headers: [t(.fieldDate), t(.fieldTitle), t(.fieldStatus)],
                    rows: d.registrations.map { r in [date(r.createdAt), H.a(t.text(r.meeting), href: SiteURL.meeting(r.meetingID).path(lang)), H.text(r.status == RegistrationStatus.registered.rawValue ? t(.registrationRegistered) : t(.registrationWaitingShort))] }),
            section(.dataFollows, count: d.follows.count, headers: [t(.fieldDate), t(.dataWhat)],
                    rows: d.follows.map { f in [date(f.createdAt), follow(t, f)] }),
            section(.dataNotifications, count: d.notifications.count, headers: [t(.fieldDate), t(.fieldTitle)],
                    rows: d.notifications.map { n in [date(n.createdAt), UserText.line("span", n.title)] }),
            section(.dataReports, count: d.reports.count, headers: [t(.fieldDate), t(.fieldReportReason), t(.fieldReportDetails)],
                    rows: d.reports.map { r in [date(r.createdAt), H.text(ModerationPages.reasonLabel(t, ReportReason(rawValue: r.reason))), UserText.line("span", r.details)] }),
            section(.dataTokens, count: d.apiTokens.count, headers: [t(.fieldName), t(.dataCreated), t(.dataLastUsed)],
                    rows: d.apiTokens.map { k in [H.bdi(k.name), date(k.createdAt), date(k.lastUsedAt)] }),
            section(.dataSignIns, count: d.loginAttempts.count, headers: [t(.fieldDate), t(.dataAddress), t(.fieldStatus)],
                    rows: d.loginAttempts.map { a in [date(a.at), H.bdi(a.address), H.text(a.succeeded ? t(.dataSucceeded) : t(.dataFailed))] }),
        ]))
    }

    /// What is followed, by its kind, linked to its page.
    private static func follow(_ t: Localizer, _ f: AccountData.Follow) -> HNode {
        guard let target = FollowTarget(rawValue: f.targetKind) else { return H.text(f.targetKind) }
        let label: L10nKey = switch target {
        case .process: .kindProcess
        case .proposal: .kindProposal
        case .meeting: .kindMeeting
        case .commitment: .commitmentsTitle
        }
        return H.a(t(label), href: Notifier.url(target, f.targetID).path(t.language))
    }
}
