import Fluent
import SharakaCore
import SQLKit
import Vapor

enum HomeController {
    /// The bare root sends people to their language: cookie, then Accept-Language, then Arabic.
    @Sendable static func root(req: Request) async throws -> Response {
        req.redirect(to: SiteURL.home.path(req.preferredLanguage))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let t = req.t
        let facts = try await req.application.homeFacts.get { try await HomeFacts.load(req.sql) }
        let model = HomePage.Model(
            regionName: facts.regionName.map { t.text($0) } ?? t(.appName),
            contact: facts.contact,
            provinces: facts.provinces.map { (t.text($0.name), $0.population, $0.kind) },
            organisationsBySector: Sector.allCases.map { ($0, facts.bySector[$0] ?? 0) },
            userCount: facts.userCount,
            processes: facts.processes,
            plans: facts.plans,
            today: Day(Date()))
        return await req.render(HomePage.page(t, model))
    }
}

/// What the home page shows, in no particular language. The busiest page of the site
/// reads it from the database at most once every few seconds per instance.
struct HomeFacts: Sendable {
    let regionName: LocalizedText?
    let contact: [String]
    let provinces: [(name: LocalizedText, population: Int, kind: String)]
    let bySector: [Sector: Int]
    let userCount: Int
    /// The newest public processes, with their phases.
    let processes: [ProcessView]
    /// Public plans not yet closed, the region's own (from a process) first.
    let plans: [(plan: PlanView, commitments: Int)]

    private struct RegionRow: Decodable { let name: LocalizedText, contact_email: String, contact_phone: String, address: String }
    private struct SectorRow: Decodable { let sector: String, n: Int }

    /// Eight statements: the region, its provinces, organisations counted by sector, accounts,
    /// the newest processes (a count, the page, their phases) and the plans.
    static func load(_ db: any SQLDatabase) async throws -> HomeFacts {
        let region = try await db.raw("SELECT name, contact_email, contact_phone, address FROM regions LIMIT 1").first(decoding: RegionRow.self)
        let provinces = try await ProvinceList.all(on: db, order: .population)
        var bySector: [Sector: Int] = [:]
        for row in try await db.raw("SELECT sector, COUNT(*) AS n FROM organisations GROUP BY sector").all(decoding: SectorRow.self) {
            if let s = Sector(rawValue: row.sector) { bySector[s] = row.n }
        }
        let users = try await db.raw("SELECT COUNT(*) AS n FROM users WHERE deleted_at IS NULL").first()?.decode(column: "n", as: Int.self) ?? 0
        let processes = try await ProcessQuery.page(PageRequest(page: 1, per: 3), organisers: [], on: db).items
        let plans = try await PlanPageQuery.list(draftsOf: [], on: db).filter { $0.plan.status != .closed }
            .sorted { ($0.plan.processID != nil ? 0 : 1, -$0.plan.periodStart) < ($1.plan.processID != nil ? 0 : 1, -$1.plan.periodStart) }
        return HomeFacts(
            regionName: region?.name,
            contact: region.map { [$0.contact_email, $0.contact_phone, $0.address].filter { !$0.isEmpty } } ?? [],
            provinces: provinces.map { ($0.name, $0.population, $0.kind) },
            bySector: bySector,
            userCount: users,
            processes: processes,
            plans: Array(plans.prefix(3)))
    }
}

extension Application {
    private struct HomeFactsKey: StorageKey { typealias Value = ShortLivedCache<HomeFacts> }

    var homeFacts: ShortLivedCache<HomeFacts> {
        if let c = storage[HomeFactsKey.self] { return c }
        let c = ShortLivedCache<HomeFacts>(ttl: 5)
        storage[HomeFactsKey.self] = c
        return c
    }
}

enum HomePage {
    struct Model {
        let regionName: String
        let contact: [String]
        let provinces: [(name: String, population: Int, kind: String)]
        let organisationsBySector: [(Sector, Int)]
        let userCount: Int
        let processes: [ProcessView]
        let plans: [(plan: PlanView, commitments: Int)]
        let today: Day
    }

    /// Where a first visit goes: the processes open to contributions, then the plans to follow.
    static func leads(_ t: Localizer, _ m: Model) -> HNode {
        let lang = t.language
        let processes = m.processes.filter { $0.status == .published }
        return H.group([
            processes.isEmpty ? H.empty : H.group([
                H.h2(t(.homeProcessesTitle)),
                H.el("ul", [.cls("cards leads")], processes.map { p in
                    let phase = p.timeline.current(on: m.today)
                    let item = phase.flatMap { w in p.phases.first { $0.window == w } }
                    return H.el("li", [.cls("card lead")], [
                        H.el("h3", [], [H.el("a", [.href(SiteURL.process(p.id).path(lang))], [LangText.node(p.title.resolve(for: lang), page: lang, t)])]),
                        H.p(item.map { t(.homeOpenPhase, ["phase": $0.name.resolve(for: lang)?.text ?? "", "date": t.day($0.window.ends)]) } ?? t(.homeNoOpenPhase),
                            [.cls("muted")]),
                        H.a(p.allows(.propose, on: m.today) || p.allows(.support, on: m.today) ? t(.homeTakePart) : t(.homeSeeProposals),
                            href: SiteURL.processProposals(p.id).path(lang), [.cls("button")]),
                    ])
                }),
            ]),
            m.plans.isEmpty ? H.empty : H.group([
                H.h2(t(.homePlansTitle)),
                H.el("ul", [.cls("cards leads")], m.plans.map { entry in
                    let plan = entry.plan
                    return H.el("li", [.cls("card lead")], [
                        H.el("h3", [], [H.el("a", [.href(SiteURL.plan(plan.id).path(lang))], [LangText.node(plan.title.resolve(for: lang), page: lang, t)])]),
                        H.p(t(.homePlanFigures, ["commitments": t.plural(.commitmentsCount, entry.commitments), "status": t.planStatus(plan.status)]), [.cls("muted")]),
                        H.p([.cls("actions")], H.a(t(.homeFollowPlan), href: SiteURL.plan(plan.id).path(lang), [.cls("button")]),
                            H.a(t(.planDashboard), href: SiteURL.planDashboard(plan.id).path(lang), [.cls("button secondary")])),
                    ])
                }),
            ]),
        ])
    }

    static func page(_ t: Localizer, _ m: Model) -> Page {
        let totalOrgs = m.organisationsBySector.reduce(0) { $0 + $1.1 }
        return Page(title: t(.appName), content: H.group([
            H.section([.cls("hero")], H.h1(t(.homeTitle, ["region": m.regionName])), H.p(t(.homeIntro))),
            leads(t, m),
            H.h2(t(.homeRegionFigures)),
            H.el("ul", [.cls("cards"), .aria("label", t(.homeFigures))], [
                H.el("li", [.cls("card")], [H.span(t.number(m.provinces.count), [.cls("stat")]), H.text(t.plural(.provincesCount, m.provinces.count))]),
                H.el("li", [.cls("card")], [H.span(t.number(totalOrgs), [.cls("stat")]), H.text(t.plural(.organisationsCount, totalOrgs))]),
                H.el("li", [.cls("card")], [H.span(t.number(m.userCount), [.cls("stat")]), H.text(t.plural(.accountsCount, m.userCount))]),
            ]),
            H.h2(t(.homeProvinces)),
            H.table(caption: t(.homeProvincesCaption), headers: [t(.fieldName), t(.fieldKind), t(.fieldPopulation)],
                    rows: m.provinces.map { [H.text($0.name), H.text($0.kind == "prefecture" ? t(.kindPrefecture) : t(.kindProvince)), H.text(t.number($0.population))] }),
            H.h2(t(.homeOrganisations)),
            H.ul([], m.organisationsBySector.map { H.text("\(t.sector($0.0)): \(t.plural(.organisationsCount, $0.1))") }),
            H.p([], H.a(t(.homeSeeOrganisations), href: SiteURL.organisations.path(t.language))),
            m.contact.isEmpty ? H.empty : H.group([H.h2(t(.homeContact)), H.ul([], m.contact.map { H.el("bdi", [], [H.text($0)]) })]),
        ]))
    }
}
