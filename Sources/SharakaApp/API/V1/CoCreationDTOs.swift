import Fluent
import Foundation
import SharakaCore
import Vapor

struct AnswerDTO: Content {
    let state: String
    let reasoning: String
    let date: Date
    let organisation: UUID

    init(_ a: ProposalAnswer) {
        state = a.state; reasoning = a.reasoning; date = a.createdAt; organisation = a.$organisation.id
    }

    init(state: String, reasoning: String, date: Date, organisation: UUID) {
        self.state = state; self.reasoning = reasoning; self.date = date; self.organisation = organisation
    }
}

struct ProposalDTO: Content {
    let id: UUID
    let process: UUID
    let title: String
    let body: String
    let language: String
    let ogpValue: String
    let theme: String
    let province: String?
    let organisation: UUID?
    let status: String
    let supports: Int
    let comments: Int
    let mergedInto: UUID?
    let createdAt: Date?
    let answer: AnswerDTO?
    let answerHistory: [AnswerDTO]?

    init(id: UUID, process: UUID, title: String, body: String, language: String, ogpValue: String, theme: String, province: String?,
         organisation: UUID?, status: String, supports: Int, comments: Int, mergedInto: UUID?, createdAt: Date?,
         answer: AnswerDTO?, answerHistory: [AnswerDTO]?) {
        self.id = id; self.process = process; self.title = title; self.body = body; self.language = language
        self.ogpValue = ogpValue; self.theme = theme; self.province = province; self.organisation = organisation
        self.status = status; self.supports = supports; self.comments = comments; self.mergedInto = mergedInto
        self.createdAt = createdAt; self.answer = answer; self.answerHistory = answerHistory
    }

    init(_ p: Proposal, answer: AnswerDTO?, history: [AnswerDTO]? = nil) {
        id = p.id!; process = p.$process.id; title = p.title; body = p.body; language = p.language
        ogpValue = p.ogpValue; theme = p.theme; province = p.provinceCode; organisation = p.$organisation.id
        status = p.status; supports = p.supportsCount; comments = p.commentsCount; mergedInto = p.$mergedInto.id
        createdAt = p.createdAt; self.answer = answer; answerHistory = history
    }
}

struct CommentDTO: Content {
    let id: UUID
    let parent: UUID?
    let depth: Int
    /// Null when deleted by its author or hidden by moderation; `status` says which.
    let body: String?
    let status: String
    let alignment: String
    let author: String?
    let upVotes: Int
    let downVotes: Int
    let createdAt: Date
    let edited: Bool

    init(_ c: CommentItem, depth: Int) {
        id = c.id; parent = c.parentID; self.depth = depth
        status = c.deleted ? "deleted" : c.hidden ? "hidden" : "published"
        body = status == "published" ? c.body : nil
        alignment = c.alignment
        author = status == "published" ? c.authorName : nil
        upVotes = c.upVotes; downVotes = c.downVotes; createdAt = c.createdAt; edited = c.editedAt != nil
    }
}

struct MeetingDTO: Content {
    let id: UUID
    let process: UUID
    let title: [String: String]
    let description: [String: String]
    let kind: String
    let address: String
    let link: String
    let startsAt: Date
    let endsAt: Date
    let capacity: Int
    let registered: Int
    let waiting: Int
    let registrationOpen: Bool
    let organiser: UUID
    let minutes: String?
    let decisions: String?
    let proposals: [UUID]

    init(_ m: Meeting, on db: any Database) async throws {
        id = m.id!; process = m.$process.id; title = m.title.values; description = m.description.values
        kind = m.kind; address = m.address; link = m.link; startsAt = m.startsAt; endsAt = m.endsAt
        capacity = m.capacity; registrationOpen = m.registrationOpen; organiser = m.$organiser.id
        registered = try await MeetingRegistration.query(on: db).filter(\.$meeting.$id == m.id!).filter(\.$status == "registered").count()
        waiting = try await MeetingRegistration.query(on: db).filter(\.$meeting.$id == m.id!).filter(\.$status == "waiting").count()
        minutes = m.minutesAt == nil ? nil : m.minutes
        decisions = m.minutesAt == nil ? nil : m.decisions
        proposals = try await MeetingProposal.query(on: db).filter(\.$meeting.$id == m.id!).all().map(\.$proposal.id)
    }
}

struct SupportDTO: Content {
    let proposal: UUID
    let supported: Bool
    /// False when the request changed nothing (already supported, or not supported).
    let changed: Bool
    let supports: Int
}
