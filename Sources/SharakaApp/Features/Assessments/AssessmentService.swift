import Fluent
import SharakaCore
import Vapor

/// A reviewer's drafts and their publication, decided on the drafts read inside the audited
/// transaction: a draft published in another tab is not edited afterwards (a new draft is
/// started instead), and the same drafts are never published in two reports.
enum AssessmentService {
    static func save(_ form: AssessmentForm, commitment: UUID, by reviewer: User, app: Application) async throws {
        try await AuditLog.write(app, actor: reviewer) { db in
            let existing = try await draft(commitment, reviewer.id!, on: db)
            let a = existing ?? Assessment()
            let before = existing.map(AssessmentForm.fields) ?? [:]
            form.apply(to: a)
            a.$commitment.id = commitment; a.$reviewer.id = reviewer.id!
            try await a.save(on: db)
            return ((), [.init(action: existing == nil ? "create" : "update", objectKind: "assessment", objectID: a.id!, scope: commitment,
                               before: before, after: AssessmentForm.fields(a))])
        }
    }

    /// Publishes the reviewer's drafts on the plan's commitments as one report; throws
    /// `AssessmentPublication.Refusal`.
    static func publish(title: String, plan: UUID, by reviewer: User, app: Application) async throws -> AssessmentReport {
        try await AuditLog.write(app, actor: reviewer) { db in
            let commitments = try await Commitment.query(on: db).filter(\.$plan.$id == plan).all().compactMap(\.id)
            let drafts = try await drafts(of: reviewer.id!, on: commitments, on: db)
            let report = AssessmentReport()
            report.id = UUID()
            let decision = try AssessmentPublication.decide(title: title, drafts: drafts.map { .init(id: $0.id!, commitment: $0.$commitment.id) },
                                                            report: report.id!).get()
            report.title = decision.title; report.publishedAt = Date(); report.$plan.id = plan; report.$reviewer.id = reviewer.id!
            try await report.create(on: db)
            try await Assessment.query(on: db).filter(\.$id ~~ decision.published.map(\.draft.id)).set(\.$report.$id, to: report.id!).update()
            return (report, decision.published.map {
                .init(action: "publish", objectKind: "assessment", objectID: $0.draft.id, scope: $0.draft.commitment, $0.audit)
            })
        }
    }

    static func drafts(of reviewer: UUID, on commitments: [UUID], on db: any Database) async throws -> [Assessment] {
        commitments.isEmpty ? [] : try await Assessment.query(on: db).filter(\.$commitment.$id ~~ commitments)
            .filter(\.$reviewer.$id == reviewer).filter(\.$report.$id == nil).all()
    }

    static func draft(_ commitment: UUID, _ reviewer: UUID, on db: any Database) async throws -> Assessment? {
        try await Assessment.query(on: db).filter(\.$commitment.$id == commitment).filter(\.$reviewer.$id == reviewer).filter(\.$report.$id == nil).first()
    }
}
