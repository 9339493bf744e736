import SharakaCore
import Vapor

/// The public history of a commitment and the page that explains how anyone checks the log.
enum HistoryPages {
    static func history(_ t: Localizer, commitment c: CommitmentView, entries: [AuditItem], reading: HistoryReading, page: PageRequest, total: Int) -> Page {
        let lang = t.language
        return Page(title: "\(t(.historyTitle)) · \(c.reference)", content: H.group([
            H.p([], H.el("a", [.href(SiteURL.commitment(c.id).path(lang))], [H.bdi(c.reference), H.text(" — "), LangText.node(c.title.resolve(for: lang), page: lang, t)])),
            H.h1(t(.historyTitle)),
            H.p([], H.text(t(.historyIntro) + " "), H.a(t(.historyHowToVerify), href: SiteURL.auditGuide.path(lang))),
            entries.isEmpty ? H.p(t(.historyEmpty), [.cls("muted")]) : H.el("ol", [.cls("history")], entries.map { entry(t, $0, reading) }),
            Pagination.nav(t, page: page, total: total) { SiteURL.commitmentHistory(c.id).path(lang) + "?page=\($0)" },
            H.p([.cls("muted")], H.a(t(.exportJSON), href: "/api/v1/commitments/\(c.id)/history")),
        ]))
    }

    static func entry(_ t: Localizer, _ e: AuditItem, _ reading: HistoryReading) -> HNode {
        let changes = reading.changes(e)
        return H.el("li", [.id("entry-\(e.sequence)"), .cls("history-entry")], [
            H.el("p", [.cls("history-head")], [
                H.strong(reading.action(e)), H.text(" — "), reading.object(e),
            ]),
            H.el("p", [.cls("muted")], [H.el("time", [.attr("datetime", e.recordedAt)], [H.text(reading.when(e))]), H.text(" · "), reading.who(e)]),
            changes.isEmpty ? H.p(t(.historyNoFields), [.cls("muted")]) : H.el("div", [.cls("changes")], changes.map { change in
                // A creation has nothing before: its fields are listed with their values alone.
                e.beforeFields.isEmpty
                    ? H.el("div", [.cls("change created")], [H.el("p", [.cls("change-field")], [H.text(change.label)]), H.el("div", [], [change.after])])
                    : H.el("div", [.cls("change")], [
                        H.el("p", [.cls("change-field")], [H.text(change.label)]),
                        H.el("div", [.cls("change-before")], [H.span(t(.historyBefore), [.cls("change-tag")]), change.before]),
                        H.el("div", [.cls("change-after")], [H.span(t(.historyAfter), [.cls("change-tag")]), change.after]),
                    ])
            }),
            H.el("details", [.cls("verify")], [
                H.el("summary", [], [H.text(t(.historyVerify))]),
                H.dl([
                    (t(.historyEntryNumber), H.text(String(e.sequence))),
                    (t(.historyRecordedUTC), H.el("code", [], [H.text(e.recordedAt)])),
                    (t(.historyPreviousHash), H.el("code", [.cls("hash")], [H.text(e.previousHash)])),
                    (t(.historyHash), H.el("code", [.cls("hash")], [H.text(e.hash)])),
                ]),
                H.p([], H.a(t(.historyEntryJSON), href: "/api/v1/audit/\(e.sequence)"), H.text(" · "), H.a(t(.historyHowToVerify), href: SiteURL.auditGuide.path(t.language))),
            ]),
        ])
    }

    /// How anyone checks the chain: the recipe, an example to run, and where the chain ends now.
    static func guide(_ t: Localizer, entries: Int, latest: AuditItem?) -> Page {
        let example = """
            import hashlib, json, urllib.request
            BASE = "https://…"  # this site's address
            def entry(n):
                return json.load(urllib.request.urlopen(f"{BASE}/api/v1/audit/{n}"))
            def digest(e):
                fields = [str(e["sequence"]), e["recordedAt"], e["actor"], e["action"], e["objectKind"], e["objectId"],
                          e["scope"], e["beforeCanonical"], e["afterCanonical"], e["previousHash"]]
                text = "".join(f"{len(f.encode())}:{f}\\n" for f in fields)
                return hashlib.sha256(text.encode()).hexdigest()
            e = entry(1)
            assert digest(e) == e["hash"]
            assert e["previousHash"] == "0" * 64
            while e["links"]["next"]:
                n = entry(e["sequence"] + 1)
                assert digest(n) == n["hash"] and n["previousHash"] == e["hash"]
                e = n
            """
        return Page(title: t(.auditGuideTitle), content: H.group([
            H.h1(t(.auditGuideTitle)),
            H.p(t(.auditGuideIntro)),
            H.h2(t(.auditGuideStepsTitle)),
            H.el("ol", [], [t(.auditGuideStep1), t(.auditGuideStep2), t(.auditGuideStep3), t(.auditGuideStep4)].map { H.el("li", [], [H.text($0)]) }),
            H.h2(t(.auditGuideExample)),
            H.el("pre", [.cls("code"), .dir("ltr"), .lang("en"), .attr("tabindex", "0")], [H.el("code", [], [H.text(example)])]),
            latest.map { last in
                H.group([
                    H.p(t(.auditGuideLatest, ["entries": t.plural(.entriesCount, entries)])),
                    H.p([], H.el("code", [.cls("hash")], [H.text(last.hash)])),
                    H.p([], H.a(t(.auditGuideLatestEntry), href: "/api/v1/audit/\(last.sequence)")),
                ])
            } ?? H.p(t(.historyEmpty), [.cls("muted")]),
        ]))
    }
}

enum HistoryController {
    @Sendable static func guide(req: Request) async throws -> Response {
        let last = try await HistoryQuery.lastSequence(on: req.sql)
        let latest = last > 0 ? try await HistoryQuery.entry(last, on: req.sql) : nil
        return await req.render(HistoryPages.guide(req.t, entries: last, latest: latest))
    }
}
