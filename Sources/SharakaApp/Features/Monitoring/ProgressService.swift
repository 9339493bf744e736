import Fluent
import SharakaCore
import Vapor

/// Writes a progress report: the milestone, its commitment and plan are read after the audit
/// lock (and locked on PostgreSQL), `MilestoneProgress` decides from them, and the report, the
/// milestone, the commitment's completion and the two audit entries are written together. Two
/// reports racing on one milestone are thus decided one after the other, each against the
/// state the other left.
enum ProgressService {
    struct Evidence: Sendable { let sha256: String, name: String }

    @discardableResult
    static func report(on milestoneID: UUID, _ report: MilestoneProgress.Report, file: Evidence?, link: String, by user: User,
                       app: Application, today: Day = Day(Date())) async throws -> UUID {
        try await AuditLog.write(app, actor: user) { db in
            guard let milestone = try await RowLock.find(Milestone.self, milestoneID, on: db),
                  let commitment = try await RowLock.find(Commitment.self, milestone.$commitment.id, on: db),
                  let plan = try await ActionPlan.find(commitment.$plan.id, on: db) else { throw Abort(.notFound) }
            let others = try await Milestone.query(on: db).filter(\.$commitment.$id == commitment.id!).filter(\.$id != milestoneID).all().map(\.facts)
            var submitted = report
            submitted.evidence = [file?.sha256, link.isEmpty ? nil : link].compactMap { $0 }
            let decision = try MilestoneProgress.decide(planStatus: plan.statusValue, milestone: milestone.reported, facts: milestone.facts, others: others,
                                                        completion: commitment.completion, report: submitted, today: today).get()
            let update = ProgressUpdate()
            update.createdAt = Date(); update.reportedOn = report.reportedOn.iso; update.text = report.text
            update.statusBefore = milestone.status; update.statusAfter = decision.state.status.rawValue; update.percent = decision.state.percent
            update.$milestone.id = milestoneID; update.$commitment.id = commitment.id!; update.$author.id = user.id!
            update.commitmentCompletion = decision.completion

            milestone.status = decision.state.status.rawValue; milestone.percent = decision.state.percent; milestone.cancelReason = decision.state.cancelReason
            try await milestone.save(on: db)
            commitment.completion = decision.completion
            try await commitment.save(on: db)
            try await update.create(on: db)
            if let file {
                let e = ProgressEvidence(); e.$update.id = update.id!; e.name = file.name; e.fileSHA256 = file.sha256; e.url = ""
                try await e.create(on: db)
            }
            if !link.isEmpty {
                let e = ProgressEvidence(); e.$update.id = update.id!; e.name = link; e.fileSHA256 = nil; e.url = link
                try await e.create(on: db)
            }
            return (update.id!, [
                .init(action: "progress", objectKind: "milestone", objectID: milestoneID, scope: commitment.id!, decision.milestoneAudit),
                .init(action: "completion", objectKind: "commitment", objectID: commitment.id!, scope: commitment.id!, decision.completionAudit),
            ])
        }
    }
}
