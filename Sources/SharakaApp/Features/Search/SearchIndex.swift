import Fluent
import Foundation
import SharakaCore
import SQLKit

enum SearchKind: String, CaseIterable, Sendable { case process, proposal, comment, meeting }

/// Keeps `search_documents` in step with what the public can see. Every write path that
/// changes searchable text or visibility calls `refresh`, inside its own transaction.
enum SearchIndex {
    struct Document {
        let kind: SearchKind
        let id: UUID
        var parentKind: String?
        var parentID: UUID?
        var processID: UUID?
        let title: LocalizedText
        let body: LocalizedText
        let createdAt: Date
    }

    /// Re-reads one thing and indexes it, or removes it when it is not public.
    static func refresh(_ kind: SearchKind, _ id: UUID, on db: any Database) async throws {
        if let doc = try await document(kind, id, on: db) { try await put(doc, on: db) } else { try await remove(kind, id, on: db) }
    }

    static func document(_ kind: SearchKind, _ id: UUID, on db: any Database) async throws -> Document? {
        switch kind {
        case .process:
            guard let p = try await ParticipatoryProcess.find(id, on: db), p.statusValue.isPublic else { return nil }
            return Document(kind: kind, id: id, processID: id, title: p.title, body: merge(p.summary, p.description), createdAt: p.createdAt ?? Date())
        case .proposal:
            guard let p = try await Proposal.find(id, on: db), p.hiddenAt == nil,
                  let process = try await ParticipatoryProcess.find(p.$process.id, on: db), process.statusValue.isPublic else { return nil }
            let lang = Language(rawValue: p.language) ?? .ar
            return Document(kind: kind, id: id, processID: process.id, title: LocalizedText([lang: p.title]), body: LocalizedText([lang: p.body]),
                            createdAt: p.createdAt ?? Date())
        case .meeting:
            guard let m = try await Meeting.find(id, on: db),
                  let process = try await ParticipatoryProcess.find(m.$process.id, on: db), process.statusValue.isPublic else { return nil }
            var body = m.description
            for extra in [m.minutes, m.decisions] where !extra.isEmpty {
                for lang in Language.allCases where body[lang] != nil || lang == .ar { body[lang] = [body[lang], extra].compactMap { $0 }.joined(separator: "\n") }
            }
            return Document(kind: kind, id: id, processID: process.id, title: m.title, body: body, createdAt: m.createdAt ?? Date())
        case .comment:
            guard let c = try await Comment.find(id, on: db), !c.isDeleted, c.hiddenAt == nil,
                  let targetKind = SearchKind(rawValue: c.targetKind),
                  let parent = try await document(targetKind, c.targetID, on: db) else { return nil }
            return Document(kind: kind, id: id, parentKind: targetKind.rawValue, parentID: c.targetID, processID: parent.processID,
                            title: parent.title, body: LocalizedText([.ar: c.body]), createdAt: c.createdAt)
        }
    }

    private static func merge(_ a: LocalizedText, _ b: LocalizedText) -> LocalizedText {
        var out = a
        for (k, v) in b.values { out.values[k] = [out.values[k], v].compactMap { $0 }.joined(separator: "\n") }
        return out
    }

    static func put(_ d: Document, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        // A comment's terms are its own words only; the title is shown for context.
        let texts = (d.kind == .comment ? [] : Array(d.title.values.values)) + Array(d.body.values.values)
        let terms = SearchText.indexTerms(texts)
        let title = String(decoding: try JSONEncoder().encode(d.title), as: UTF8.self)
        let body = String(decoding: try JSONEncoder().encode(d.body), as: UTF8.self)
        try await sql.raw("""
            INSERT INTO search_documents (kind, target_id, parent_kind, parent_id, process_id, title, body, terms, created_at)
            VALUES (\(bind: d.kind.rawValue), \(bind: d.id), \(bind: d.parentKind), \(bind: d.parentID), \(bind: d.processID),
                    \(bind: title), \(bind: body), \(bind: terms), \(bind: d.createdAt))
            ON CONFLICT (kind, target_id) DO UPDATE SET parent_kind = excluded.parent_kind, parent_id = excluded.parent_id,
              process_id = excluded.process_id, title = excluded.title, body = excluded.body, terms = excluded.terms
            """).run()
    }

    static func remove(_ kind: SearchKind, _ id: UUID, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DELETE FROM search_documents WHERE kind = \(bind: kind.rawValue) AND target_id = \(bind: id)").run()
    }

    /// Indexes everything again (after the demo seed, or by `sharaka search reindex`).
    static func rebuild(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DELETE FROM search_documents").run()
        // Oldest first, whatever the kind: results list the index's order backwards
        // (`SearchQuery`), so a rebuilt index still lists the newest first.
        struct Row: Decodable { let kind: String, id: UUID, created_at: Date? }
        let all = try await sql.raw("""
            SELECT 'process' AS kind, id, created_at FROM processes UNION ALL SELECT 'proposal', id, created_at FROM proposals
            UNION ALL SELECT 'meeting', id, created_at FROM meetings UNION ALL SELECT 'comment', id, created_at FROM comments
            ORDER BY created_at, id
            """).all(decoding: Row.self)
        for row in all { if let kind = SearchKind(rawValue: row.kind) { try await refresh(kind, row.id, on: db) } }
    }
}
