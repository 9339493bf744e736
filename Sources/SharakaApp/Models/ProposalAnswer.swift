import Fluent
import SharakaCore
import Vapor

/// One published answer to a proposal. Revisions add rows: the history is public.
final class ProposalAnswer: Model, @unchecked Sendable {
    static let schema = "proposal_answers"

    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "state") var state: String
    @Field(key: "reasoning") var reasoning: String
    @Parent(key: "proposal_id") var proposal: Proposal
    @Parent(key: "answered_by_id") var answeredBy: User
    /// The body that answered (the process's organiser at the time).
    @Parent(key: "organisation_id") var organisation: Organisation

    init() {}

    init(proposalID: UUID, state: AnswerState, reasoning: String, by userID: UUID, organisationID: UUID) {
        self.$proposal.id = proposalID
        self.state = state.rawValue
        self.reasoning = reasoning
        self.$answeredBy.id = userID
        self.$organisation.id = organisationID
        self.createdAt = Date()
    }

    var stateValue: AnswerState { AnswerState(rawValue: state) ?? .underEvaluation }
}
