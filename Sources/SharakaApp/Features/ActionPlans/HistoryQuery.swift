import Foundation
import SharakaCore
import SQLKit

/// One entry of the tamper-evident log, as a public history shows it.
struct AuditItem: Sendable {
    let sequence: Int
    let recordedAt: String
    let actor: String
    /// The actor's name when the actor is an account.
    let actorName: String?
    /// The actor's role when the actor is an account (whether the name is public depends on it).
    let actorRole: Role?
    let action: String
    let objectKind: String
    let objectID: String
    /// The commitment or plan whose history shows the entry.
    let scope: String
    let before: String
    let after: String
    let previousHash: String
    let hash: String

    /// The actor's name when it acts in a public capacity (officials, reviewers, moderators,
    /// administrators); nil for anyone else, whose name the public log does not spread.
    var publicActorName: String? { actorRole.map(\.actsPublicly) == true ? actorName : nil }

    /// The fields as recorded: canonical JSON objects of text.
    var beforeFields: [String: String] { Self.fields(before) }
    var afterFields: [String: String] { Self.fields(after) }

    private static func fields(_ json: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
    }

    /// The record whose hash is stored: what anyone recomputes to check the entry.
    var record: AuditRecord {
        AuditRecord(sequence: sequence, recordedAt: recordedAt, actor: actor, action: action, objectKind: objectKind, objectID: objectID,
                    scope: scope, before: before, after: after, previousHash: previousHash)
    }
}

/// What the ids in a history stand for: names of organisations, titles of milestones, plans,
/// processes and assessment reports, references of commitments. One statement per kind that
/// occurs, whatever the number of entries.
struct HistoryNames: Sendable {
    var organisations: [UUID: LocalizedText] = [:]
    var milestones: [UUID: LocalizedText] = [:]
    var plans: [UUID: LocalizedText] = [:]
    var processes: [UUID: LocalizedText] = [:]
    var commitments: [UUID: String] = [:]
    var reports: [UUID: String] = [:]

    static let organisationFields: Set<String> = ["adopting_body", "lead_organisation", "responsible_organisation"]

    private struct Named: Decodable { let id: UUID, name: LocalizedText }
    private struct Labelled: Decodable { let id: UUID, label: String }

    static func read(for items: [AuditItem], on db: any SQLDatabase) async throws -> HistoryNames {
        try await read(objects: items.map { ($0.objectKind, $0.objectID) },
                       fields: items.flatMap { item in (Array(item.beforeFields) + Array(item.afterFields)).map { (item.objectKind, $0.key, $0.value) } }, on: db)
    }

    /// Names for the objects (kind, id) and for the ids among field values (kind, key, value).
    static func read(objects: [(kind: String, id: String)], fields: [(kind: String, key: String, value: String)], on db: any SQLDatabase) async throws -> HistoryNames {
        var orgs = Set<UUID>(), milestones = Set<UUID>(), plans = Set<UUID>(), processes = Set<UUID>(), commitments = Set<UUID>(), reports = Set<UUID>()
        for object in objects {
            guard let id = UUID(uuidString: object.id) else { continue }
            switch object.kind {
            case "milestone": milestones.insert(id)
            case "commitment": commitments.insert(id)
            case "plan": plans.insert(id)
            default: break
            }
        }
        for field in fields {
            guard let id = UUID(uuidString: field.value) else { continue }
            if organisationFields.contains(field.key) { orgs.insert(id) }
            if field.key == "process" { processes.insert(id) }
            if field.key == "commitment" { commitments.insert(id) }
            if field.key == "report" && field.kind == "assessment" { reports.insert(id) }
        }
        var names = HistoryNames()
        func named(_ table: String, _ column: String, _ ids: Set<UUID>) async throws -> [UUID: LocalizedText] {
            guard !ids.isEmpty else { return [:] }
            let rows = try await db.raw("SELECT id, \(unsafeRaw: column) AS name FROM \(unsafeRaw: table) WHERE id IN (\(binds: Array(ids)))").all(decoding: Named.self)
            return Dictionary(rows.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        }
        func labelled(_ table: String, _ column: String, _ ids: Set<UUID>) async throws -> [UUID: String] {
            guard !ids.isEmpty else { return [:] }
            let rows = try await db.raw("SELECT id, \(unsafeRaw: column) AS label FROM \(unsafeRaw: table) WHERE id IN (\(binds: Array(ids)))").all(decoding: Labelled.self)
            return Dictionary(rows.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        }
        names.organisations = try await named("organisations", "name", orgs)
        names.milestones = try await named("milestones", "title", milestones)
        names.plans = try await named("action_plans", "title", plans)
        names.processes = try await named("processes", "title", processes)
        names.commitments = try await labelled("commitments", "reference", commitments)
        names.reports = try await labelled("assessment_reports", "title", reports)
        return names
    }
}

/// The audit entries of one scope (a commitment, a proposal), newest first by page or all
/// in order, with the actors' names: two statements (a count, the page) and one for names.
struct HistoryQuery: Sendable {
    let scope: UUID

    fileprivate struct Row: Decodable {
        let sequence: Int, recorded_at: String, actor: String, action: String, object_kind: String, object_id: String, scope_id: String
        let before: String, after: String, previous_hash: String, hash: String
    }
    private struct ActorRow: Decodable { let id: UUID, name: String, role: String }
    fileprivate static let columns: SQLQueryString = "sequence, recorded_at, actor, action, object_kind, object_id, scope_id, before, after, previous_hash, hash"

    func page(_ page: PageRequest, on db: any SQLDatabase) async throws -> (items: [AuditItem], total: Int) {
        let total = try await db.raw("SELECT COUNT(*) AS n FROM audit_log WHERE scope_id = \(bind: scope.uuidString)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw("""
            SELECT \(Self.columns) FROM audit_log
            WHERE scope_id = \(bind: scope.uuidString) ORDER BY sequence DESC LIMIT \(unsafeRaw: String(page.per)) OFFSET \(unsafeRaw: String(page.offset))
            """).all(decoding: Row.self)
        return (try await Self.named(rows, on: db), total)
    }

    func all(on db: any SQLDatabase) async throws -> [AuditItem] {
        let rows = try await db.raw("SELECT \(Self.columns) FROM audit_log WHERE scope_id = \(bind: scope.uuidString) ORDER BY sequence")
            .all(decoding: Row.self)
        return try await Self.named(rows, on: db)
    }

    /// One entry of the whole chain by its number, whatever its scope: how anyone walks the
    /// chain from an entry to its neighbours to check the links.
    static func entry(_ sequence: Int, on db: any SQLDatabase) async throws -> AuditItem? {
        let rows = try await db.raw("SELECT \(columns) FROM audit_log WHERE sequence = \(bind: sequence)").all(decoding: Row.self)
        return try await named(rows, on: db).first
    }

    /// Whether the thing an entry is about is public: a commitment or plan of a plan past its
    /// draft, or a proposal not hidden by moderation.
    static func isPublic(scope: String, on db: any SQLDatabase) async throws -> Bool {
        guard let id = UUID(uuidString: scope) else { return false }
        let row = try await db.raw("""
            SELECT 1 AS found FROM commitments c JOIN action_plans p ON p.id = c.plan_id WHERE c.id = \(bind: id) AND p.status <> 'draft'
            UNION ALL SELECT 1 FROM action_plans WHERE id = \(bind: id) AND status <> 'draft'
            UNION ALL SELECT 1 FROM proposals WHERE id = \(bind: id) AND hidden_at IS NULL
            """).first()
        return row != nil
    }

    static func lastSequence(on db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COALESCE(MAX(sequence), 0) AS n FROM audit_log").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Actors are stored as text (an account's id, or "import"), so names are looked up by id.
    private static func named(_ rows: [Row], on db: any SQLDatabase) async throws -> [AuditItem] {
        let ids = Array(Set(rows.compactMap { UUID(uuidString: $0.actor) }))
        var actors: [UUID: ActorRow] = [:]
        if !ids.isEmpty {
            for n in try await db.raw("SELECT id, name, role FROM users WHERE id IN (\(binds: ids))").all(decoding: ActorRow.self) { actors[n.id] = n }
        }
        return rows.map { r in
            let actor = UUID(uuidString: r.actor).flatMap { actors[$0] }
            return AuditItem(sequence: r.sequence, recordedAt: r.recorded_at, actor: r.actor, actorName: actor?.name, actorRole: actor.flatMap { Role(rawValue: $0.role) },
                             action: r.action, objectKind: r.object_kind, objectID: r.object_id, scope: r.scope_id, before: r.before, after: r.after,
                             previousHash: r.previous_hash, hash: r.hash)
        }
    }
}
