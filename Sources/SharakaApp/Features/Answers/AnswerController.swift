import Fluent
import SharakaCore
import SQLKit
import Vapor

/// The administration's reasoned response to proposals, merging, and the process dashboard.
enum AnswerController {
    /// Publishes (or revises) the answer: a new history row, the proposal's current state,
    /// and notifications to the author and followers, all in one transaction.
    @Sendable static func answer(req: Request) async throws -> Response {
        let (user, proposal, process) = try await officialOf(req)
        let state = (try? req.content.get(String.self, at: "state")).flatMap(AnswerState.init(rawValue:))
        let reasoning = ((try? req.content.get(String.self, at: "reasoning")) ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let commitment = UUID(uuidString: req.formText("commitment"))
        let commitments = try await AnswerCommitments.candidates(process: process.id!, on: req.sql)
        var errors: [String: String] = [:]
        if let state {
            do {
                try await AnswerService.answer(proposal.id!, state: state, reasoning: reasoning, commitment: commitment, by: user,
                                               organiser: process.$organiser.id, app: req.application)
                req.flash(req.t(.answerPublished))
                return req.redirect(to: SiteURL.proposal(proposal.id!).path(req.language) + "#answer")
            } catch let refusal as ProposalAnswering.Refusal {
                switch refusal {
                case .reasoning(.reasoningRequired): errors["reasoning"] = req.t(.errReasoningRequired)
                case .reasoning(.field(let p)): errors["reasoning"] = req.t.problem(p, min: AnswerRules.reasoningLength.lowerBound, max: AnswerRules.reasoningLength.upperBound)
                case .commitmentRequired: errors["commitment"] = req.t(.errAnswerCommitment)
                case .commitmentUnknown: errors["commitment"] = req.t(.errUnknownChoice)
                }
            }
        } else {
            errors["state"] = req.t(.errUnknownChoice)
        }
        return await req.render(AnswerPages.form(req.t, proposal: proposal, state: state?.rawValue, reasoning: reasoning, errors: errors,
                                                 commitments: commitments, commitment: commitment))
    }

    @Sendable static func mergeForm(req: Request) async throws -> Response {
        let (_, proposal, _) = try await officialOf(req)
        return await req.render(AnswerPages.merge(req.t, into: proposal, candidates: try await candidates(proposal, req), error: nil))
    }

    /// Marks the chosen proposals of the same process as merged into this one (`MergeService`).
    @Sendable static func merge(req: Request) async throws -> Response {
        let (user, proposal, _) = try await officialOf(req)
        let chosen = ((try? req.content.get([String].self, at: "merge")) ?? []).compactMap(UUID.init(uuidString:))
        do {
            try await MergeService.merge(chosen, into: proposal.id!, by: user, app: req.application)
        } catch let refusal as ProposalMerging.Refusal {
            if refusal == .targetMerged { throw Refusal(.unprocessableEntity, .errMergeNothing) }
            return await req.render(AnswerPages.merge(req.t, into: proposal, candidates: try await candidates(proposal, req), error: req.t(.errMergeNothing)))
        }
        req.flash(req.t(.mergeDone))
        return req.redirect(to: SiteURL.proposal(proposal.id!).path(req.language))
    }

    @Sendable static func dashboard(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let process = try await ProcessQuery.one(id, on: req.sql) else { throw Abort(.notFound) }
        if !process.status.isPublic, !(try await ProcessAccess.canEdit(req.currentUser, organiser: process.organiserID, on: req.db)) { throw Abort(.notFound) }
        let figures = try await ProcessDashboardQuery(process: id).run(on: req.sql)
        return await req.render(AnswerPages.dashboard(req.t, process: process, figures: figures, provinces: try await ProvinceList.all(on: req.sql)))
    }

    // MARK: helpers

    private static func candidates(_ proposal: Proposal, _ req: Request) async throws -> [ProposalCandidates.Item] {
        try await ProposalCandidates.of(process: proposal.$process.id, excluding: proposal.id!, on: req.sql)
    }

    /// Only officials of the organising body (and administrators) answer and merge.
    static func officialOf(_ req: Request) async throws -> (User, Proposal, ParticipatoryProcess) {
        let user = try req.requireUser()
        let proposal = try await VisibleProposal.find(req)
        let process = try await ParticipatoryProcess.query(on: req.db).filter(\.$id == proposal.$process.id).with(\.$phases).with(\.$organiser).first()!
        guard try await ProcessAccess.canEdit(user, process, on: req.db) else { throw Abort(.forbidden) }
        return (user, proposal, process)
    }
}
