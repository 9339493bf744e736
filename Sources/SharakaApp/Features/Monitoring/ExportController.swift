import Fluent
import SharakaCore
import Vapor

/// Open formats of a plan: CSV of commitments and milestones (plain UTF-8, or the
/// spreadsheet flavour with `?excel=1`), Atom feeds of progress, and a printable plan.
enum ExportController {
    @Sendable static func commitmentsCSV(req: Request) async throws -> Response {
        let plan = try await VisiblePlan.plan(req.parameters.get("id", as: UUID.self), req)
        let commitments = try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).sort(\.$position).sort(\.$reference).all()
        var rows = [["reference", "title_ar", "title_fr", "title_en", "ogp_values", "theme", "lead_body", "supporting_actors", "provinces",
                     "starts", "ends", "budget_mad", "completion_percent", "irm_completion", "url"]]
        for c in commitments {
            rows.append([c.reference, c.title[.ar] ?? "", c.title[.fr] ?? "", c.title[.en] ?? "", c.ogpValues, c.theme, c.leadBody,
                         c.supportingActors.actors.map { "\($0.kind): \($0.name)" }.joined(separator: " | "), c.provinces.codes.joined(separator: " "),
                         c.startsOn, c.endsOn, c.budget?.description ?? "", String(c.completion), c.level.rawValue,
                         req.publicURL + SiteURL.commitment(c.id!).path(req.language)])
        }
        return csv(rows, name: "commitments", req)
    }

    @Sendable static func milestonesCSV(req: Request) async throws -> Response {
        let plan = try await VisiblePlan.plan(req.parameters.get("id", as: UUID.self), req)
        let commitments = try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).all()
        let refs = Dictionary(uniqueKeysWithValues: commitments.map { ($0.id!, $0.reference) })
        let milestones = try await Milestone.query(on: req.db).filter(\.$commitment.$id ~~ Array(refs.keys)).sort(\.$startsOn).all()
        let today = Day(Date())
        var rows = [["commitment", "position", "title_ar", "title_fr", "responsible_body", "starts", "ends", "weight", "status", "delayed", "percent", "cancel_reason"]]
        for m in milestones {
            rows.append([refs[m.$commitment.id] ?? "", String(m.position), m.title[.ar] ?? "", m.title[.fr] ?? "", m.responsibleBody, m.startsOn, m.endsOn,
                         String(m.weight), m.status, m.isDelayed(today: today) ? "yes" : "no", String(m.percent), m.cancelReason])
        }
        return csv(rows, name: "milestones", req)
    }

    private static func csv(_ rows: [[String]], name: String, _ req: Request) -> Response {
        let excel = (try? req.query.get(String.self, at: "excel")) == "1"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\(excel ? "-excel" : "").csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: excel ? CSV.excelDocument(rows) : CSV.document(rows)))
    }

    /// Progress updates of a plan (`plan`) or of one commitment (`commitment`), newest first.
    @Sendable static func planFeed(req: Request) async throws -> Response {
        let plan = try await VisiblePlan.plan(req.parameters.get("id", as: UUID.self), req)
        let ids = try await Commitment.query(on: req.db).filter(\.$plan.$id == plan.id!).all(\.$id)
        return try await feed(title: plan.title.resolve(for: req.language)?.text ?? "", self: SiteURL.planFeed(plan.id!), page: SiteURL.plan(plan.id!),
                              commitments: ids, req)
    }

    @Sendable static func commitmentFeed(req: Request) async throws -> Response {
        let (c, _) = try await VisiblePlan.commitment(req)
        return try await feed(title: "\(c.reference) — \(c.title.resolve(for: req.language)?.text ?? "")", self: SiteURL.commitmentFeed(c.id!),
                              page: SiteURL.commitment(c.id!), commitments: [c.id!], req)
    }

    private static func feed(title: String, self selfURL: SiteURL, page: SiteURL, commitments: [UUID], _ req: Request) async throws -> Response {
        let updates = try await ProgressUpdate.query(on: req.db).filter(\.$commitment.$id ~~ commitments)
            .with(\.$milestone).with(\.$commitment).with(\.$author).with(\.$evidence).sort(\.$createdAt, .descending).limit(50).all()
        let base = req.publicURL, lang = req.language, t = req.t
        func x(_ s: String) -> String { s.attributeEscaped }
        let stamp = AuditChain.timestamp(updates.first?.createdAt ?? Date(timeIntervalSince1970: 0))
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(lang.rawValue)\">\n"
        xml += "<title>\(x(t(.progressTitle) + " — " + title))</title>\n<id>\(x(base + selfURL.path(lang)))</id>\n<updated>\(stamp)</updated>\n"
        xml += "<link rel=\"self\" href=\"\(x(base + selfURL.path(lang)))\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"\(x(base + page.path(lang)))\"/>\n"
        for u in updates {
            let link = base + SiteURL.commitment(u.$commitment.id).path(lang) + "#milestone-\(u.$milestone.id)"
            let heading = "\(u.commitment.reference) · \(u.milestone.title.resolve(for: lang)?.text ?? "") — \(u.percent) % (\(t.milestoneStatus(MilestoneStatus(rawValue: u.statusAfter) ?? .notStarted)))"
            let evidence = u.evidence.map { e in e.fileSHA256.map { base + SiteURL.file($0) } ?? e.url }
            xml += "<entry>\n<id>urn:uuid:\(u.id!.uuidString.lowercased())</id>\n<title>\(x(heading))</title>\n<updated>\(AuditChain.timestamp(u.createdAt))</updated>\n"
            xml += "<author><name>\(x(u.author.name))</name></author>\n<link rel=\"alternate\" type=\"text/html\" href=\"\(x(link))\"/>\n"
            for e in evidence { xml += "<link rel=\"related\" href=\"\(x(e))\"/>\n" }
            xml += "<content type=\"text\">\(x(u.text))</content>\n</entry>\n"
        }
        xml += "</feed>\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/atom+xml; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: xml))
    }
}
