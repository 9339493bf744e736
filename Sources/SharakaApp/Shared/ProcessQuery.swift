import Foundation
import SharakaCore
import SQLKit

/// A participatory process as its pages show it, with its phases in order.
struct ProcessView: Sendable {
    struct PhaseItem: Sendable {
        let id: UUID
        let kind: PhaseKind
        let name: LocalizedText
        let window: PhaseWindow
    }

    let id: UUID
    let title: LocalizedText
    let summary: LocalizedText
    /// Empty where only the list was read.
    let description: LocalizedText
    /// Province codes; empty means the whole region.
    let scope: [String]
    let contact: String
    let hashtag: String
    let status: ProcessStatus
    let organiserID: UUID
    let organiserName: LocalizedText
    let phases: [PhaseItem]

    var timeline: Timeline { Timeline(phases.map(\.window)) }

    func allows(_ step: ParticipationStep, on day: Day = Day(Date())) -> Bool {
        timeline.allows(step, on: day, status: status)
    }
}

/// Processes read for pages: one process with its organiser and phases in two statements,
/// or a page of the list in three whatever its length. Every feature that shows a process
/// or decides by its timeline reads it here.
enum ProcessQuery {
    private struct Row: Decodable {
        let id: UUID, title: LocalizedText, summary: LocalizedText, description: LocalizedText?, scope: ProvinceCodes
        let contact: String, hashtag: String, status: String, organisation_id: UUID, organiser_name: LocalizedText
    }

    private struct PhaseRow: Decodable { let id: UUID, process_id: UUID, kind: String, name: LocalizedText, starts_on: String, ends_on: String }

    static func one(_ id: UUID, on db: any SQLDatabase) async throws -> ProcessView? {
        guard let row = try await db.raw("""
            SELECT p.id, p.title, p.summary, p.description, p.scope, p.contact, p.hashtag, p.status, p.organisation_id, o.name AS organiser_name
            FROM processes p JOIN organisations o ON o.id = p.organisation_id WHERE p.id = \(bind: id)
            """).first(decoding: Row.self) else { return nil }
        return view(row, phases: try await phases(of: [id], on: db)[id] ?? [])
    }

    /// A page of the processes the viewer may see, newest first: published and closed ones,
    /// and drafts of the bodies in `organisers`.
    static func page(_ page: PageRequest, organisers: [UUID], on db: any SQLDatabase) async throws -> (items: [ProcessView], total: Int) {
        var visible: SQLQueryString = "p.status <> \(bind: ProcessStatus.draft.rawValue)"
        if !organisers.isEmpty {
            visible = "(\(visible) OR p.organisation_id IN (\(binds: organisers)))"
        }
        let total = try await db.raw("SELECT COUNT(*) AS n FROM processes p WHERE \(visible)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw("""
            SELECT p.id, p.title, p.summary, NULL AS description, p.scope, p.contact, p.hashtag, p.status, p.organisation_id, o.name AS organiser_name
            FROM processes p JOIN organisations o ON o.id = p.organisation_id WHERE \(visible)
            ORDER BY p.created_at DESC, p.id DESC LIMIT \(unsafeRaw: String(page.per)) OFFSET \(unsafeRaw: String(page.offset))
            """).all(decoding: Row.self)
        let phases = try await phases(of: rows.map(\.id), on: db)
        return (rows.map { view($0, phases: phases[$0.id] ?? []) }, total)
    }

    /// Every process the viewer may see, newest first (the API's list).
    static func all(organisers: [UUID], on db: any SQLDatabase) async throws -> [ProcessView] {
        try await page(PageRequest(page: 1, per: 10_000), organisers: organisers, on: db).items
    }

    private static func phases(of ids: [UUID], on db: any SQLDatabase) async throws -> [UUID: [ProcessView.PhaseItem]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.raw("""
            SELECT id, process_id, kind, name, starts_on, ends_on FROM phases
            WHERE process_id IN (\(binds: ids)) ORDER BY starts_on, id
            """).all(decoding: PhaseRow.self)
        var byProcess: [UUID: [ProcessView.PhaseItem]] = [:]
        for r in rows {
            guard let kind = PhaseKind(rawValue: r.kind), let s = Day(iso: r.starts_on), let e = Day(iso: r.ends_on) else { continue }
            byProcess[r.process_id, default: []].append(.init(id: r.id, kind: kind, name: r.name, window: PhaseWindow(kind: kind, starts: s, ends: e)))
        }
        return byProcess
    }

    private static func view(_ r: Row, phases: [ProcessView.PhaseItem]) -> ProcessView {
        ProcessView(id: r.id, title: r.title, summary: r.summary, description: r.description ?? LocalizedText(), scope: r.scope.codes,
                    contact: r.contact, hashtag: r.hashtag, status: ProcessStatus(rawValue: r.status) ?? .draft,
                    organiserID: r.organisation_id, organiserName: r.organiser_name, phases: phases)
    }
}
