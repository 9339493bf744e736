import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Proposals: listing, writing, editing, withdrawing, supporting.
enum ProposalController {
    @Sendable static func index(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let process = try await ProcessQuery.one(id, on: req.sql) else { throw Abort(.notFound) }
        if !process.status.isPublic, !(try await ProcessAccess.canEdit(req.currentUser, organiser: process.organiserID, on: req.db)) { throw Abort(.notFound) }
        let filter = ProposalListFilter(req)
        let page = PageRequest(page: try? req.query.get(Int.self, at: "page"))
        // The visitor's seed for the random order lives in a cookie, not the session,
        // so that reading the list creates nothing on the server.
        let seed = req.cookies[ProposalListQuery.seedCookie].flatMap { Int($0.string) } ?? Int.random(in: 1...1_000_000_000)
        // Past the first pages the sorted orders go on by cursor (the "next" link carries it).
        let cursor = filter.sort == .random ? nil : try APICursor.read(req, sort: filter.sort.rawValue)
        let list = try await ProposalListQuery(process: id, filter: filter).run(on: req.sql, seed: seed, page: page, after: cursor?.after)
        let response = await req.render(ProposalPages.index(req.t, process: process, proposals: list.items, total: list.total, page: page,
                                                            filter: filter, provinces: try await ProvinceList.all(on: req.sql),
                                                            canPropose: process.allows(.propose)))
        if req.cookies[ProposalListQuery.seedCookie] == nil {
            response.cookies[ProposalListQuery.seedCookie] = HTTPCookies.Value(string: String(seed), maxAge: 30 * 24 * 3600, path: "/",
                                                             isSecure: req.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    @Sendable static func new(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let process = try await VisibleProcess.find(req)
        try requireStep(.propose, process, req)
        return await req.render(ProposalPages.form(req.t, process: process, proposal: nil, form: .init(language: req.language), errors: [:],
                                                   provinces: try await Province.query(on: req.db).sort(\.$code).all(),
                                                   organisations: try await MemberOrganisations.of(user, on: req.db)))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let process = try await VisibleProcess.find(req)
        try requireStep(.propose, process, req)
        let provinces = try await Province.query(on: req.db).sort(\.$code).all()
        let orgs = try await MemberOrganisations.of(user, on: req.db)
        let form = ProposalForm.read(req)
        var errors = form.validate(req.t, provinces: Set(provinces.map(\.code)), organisations: Set(orgs.compactMap { $0.id?.uuidString }))
        var attachment: (sha256: String, name: String)?
        if errors.isEmpty, let file = try? req.content.get(File.self, at: "attachment"), file.data.readableBytes > 0 {
            do {
                let stored = try await req.application.fileStore.store(Data(buffer: file.data), originalName: file.filename,
                    allowed: [.pdf, .png, .jpeg, .webp, .gif, .officeDocument, .csv, .plainText], maxBytes: req.settings.maxUploadBytes, on: req.db)
                attachment = (stored.id!, stored.attachmentName(file.filename))
            } catch let e as FileUploadError {
                errors["attachment"] = e.message(req.t, maxBytes: req.settings.maxUploadBytes)
            }
        }
        if !errors.isEmpty {
            return await req.render(ProposalPages.form(req.t, process: process, proposal: nil, form: form, errors: errors, provinces: provinces, organisations: orgs, status: .unprocessableEntity))
        }
        let proposal = try await ProposalService.publish(form, attachment: attachment, by: user, in: process.id!, on: req.db)
        req.flash(req.t(.proposalPublished))
        return req.redirect(to: SiteURL.proposal(proposal.id!).path(req.language))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        let sql = req.db as! any SQLDatabase
        let query = ProposalPageQuery(id: id)
        guard let page = try await query.run(on: sql) else { throw Abort(.notFound) }
        let (proposal, process) = (page.proposal, page.process)
        var viewer: ProposalPageQuery.Viewer?
        if let user = req.currentUser { viewer = try await query.viewer(user.id!, organiser: process.organiserID, on: sql) }
        let canAnswer = req.currentUser.map { ProcessAccess.canEdit($0, memberOfOrganiser: viewer?.memberOfOrganiser ?? false) } ?? false
        guard process.status.isPublic || canAnswer else { throw Abort(.notFound) }
        if proposal.hidden, !Policy.allows(req.currentUser?.roleValue ?? .visitor, .moderate) {
            return await req.render(ProposalPages.hidden(req.t, processID: process.id))
        }
        let comments = try await CommentTargets.section(.proposal, id, page: .proposal(id), open: process.allows(.comment), req)
        let t = req.t
        let answer = H.group([
            H.group(page.commitments.map { c in
                H.p([.cls("notice included")], H.a(t(.includedInCommitment, ["ref": c.reference]), href: SiteURL.commitment(c.id).path(req.language)),
                    H.text(" — "), LangText.node(c.title.resolve(for: req.language), page: req.language, t))
            }),
            page.workshops.isEmpty ? H.empty : H.p([.cls("notice")], H.text(t(.proposalFromMeeting) + " "),
                                                   H.group(page.workshops.map { H.a(t.text($0.title), href: SiteURL.meeting($0.id).path(req.language)) })),
            AnswerPages.section(t, proposalID: id, history: page.answers, canAnswer: canAnswer,
                                commitments: canAnswer ? try await AnswerCommitments.candidates(process: process.id, on: req.sql) : []),
        ])
        let follow = NotificationPages.followButton(t, .proposal, id, following: viewer?.following ?? false, signedIn: req.currentUser != nil)
        return await req.render(ProposalPages.show(t, proposal: proposal, processID: process.id, viewer: req.currentUser, supported: viewer?.supported ?? false,
                                                   canSupport: process.allows(.support), mergedFrom: page.mergedFrom,
                                                   comments: comments, answer: answer, follow: follow,
                                                   editable: ProposalRules.authorMayEdit(status: proposal.status, supports: proposal.supports, comments: proposal.comments,
                                                                                         answered: page.answers.contains { $0.state?.isDecision == true },
                                                                                         included: !page.commitments.isEmpty)))
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let (proposal, process, user) = try await ownEditable(req)
        return await req.render(ProposalPages.form(req.t, process: process, proposal: proposal, form: .init(proposal), errors: [:],
                                                   provinces: try await Province.query(on: req.db).sort(\.$code).all(),
                                                   organisations: try await MemberOrganisations.of(user, on: req.db)))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (proposal, process, user) = try await ownEditable(req)
        let provinces = try await Province.query(on: req.db).sort(\.$code).all()
        let orgs = try await MemberOrganisations.of(user, on: req.db)
        let form = ProposalForm.read(req)
        let errors = form.validate(req.t, provinces: Set(provinces.map(\.code)), organisations: Set(orgs.compactMap { $0.id?.uuidString }))
        if !errors.isEmpty {
            return await req.render(ProposalPages.form(req.t, process: process, proposal: proposal, form: form, errors: errors, provinces: provinces, organisations: orgs, status: .unprocessableEntity))
        }
        form.apply(to: proposal)
        do {
            try await ProposalService.update(proposal, on: req.db)
        } catch is ProposalEditing.Refusal {
            throw Refusal(.conflict, .refusalNotEditable)
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.proposal(proposal.id!).path(req.language))
    }

    @Sendable static func withdraw(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let proposal = try await VisibleProposal.find(req)
        let back = SiteURL.proposal(proposal.id!).path(req.language)
        do {
            try await ProposalService.withdraw(proposal.id!, by: user, confirmed: (try? req.content.get(String.self, at: "confirm")) == "yes", app: req.application)
        } catch let refusal as ProposalWithdrawal.Refusal {
            switch refusal {
            case .notAuthor: throw Abort(.forbidden)
            case .alreadyWithdrawn: throw Refusal(.unprocessableEntity, .refusalWithdrawn)
            case .notConfirmed:
                req.flashProblem(req.t(.errConfirmWithdraw))
                return req.redirect(to: back)
            }
        }
        req.flash(req.t(.proposalWithdrawn))
        return req.redirect(to: back)
    }

    @Sendable static func support(req: Request) async throws -> Response {
        try await changeSupport(req, adding: true)
    }

    @Sendable static func unsupport(req: Request) async throws -> Response {
        try await changeSupport(req, adding: false)
    }

    /// Adds or removes the viewer's support; a second click changes nothing.
    static func changeSupport(_ req: Request, adding: Bool) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        let changed = try await SupportWrite.change(id, by: user.id!, adding: adding, batch: req.application.supportBatch, gate: req.application.sqliteWriteGate, on: req.sql).changed
        req.flash(changed || !adding ? (adding ? req.t(.supportAdded) : req.t(.supportRemoved)) : req.t(.supportAlready))
        return req.redirect(to: SiteURL.proposal(id).path(req.language))
    }

    // MARK: helpers

    static func requireStep(_ step: ParticipationStep, _ process: ParticipatoryProcess, _ req: Request) throws {
        guard process.timeline.allows(step, on: Day(Date()), status: process.statusValue) else {
            throw Refusal(.unprocessableEntity, step == .propose ? .refusalNotProposalPhase : .refusalPhaseClosed)
        }
    }

    static func ownEditable(_ req: Request) async throws -> (Proposal, ParticipatoryProcess, User) {
        let user = try req.requireUser()
        let proposal = try await VisibleProposal.find(req)
        guard proposal.$author.id == user.id else { throw Abort(.forbidden) }
        guard let facts = try await ProposalFacts.editing(proposal.id!, on: req.sql), ProposalEditing.refusal(facts) == nil else {
            throw Refusal(.conflict, .refusalNotEditable)
        }
        let process = try await ParticipatoryProcess.query(on: req.db).filter(\.$id == proposal.$process.id).with(\.$phases).with(\.$organiser).first()!
        return (proposal, process, user)
    }

    static func attachmentMeta(_ p: Proposal, _ req: Request) async throws -> StoredFile? {
        guard let sha = p.attachmentSHA256 else { return nil }
        let meta = try await StoredFile.query(on: req.db).filter(\.$id == sha).field(\.$id).field(\.$size).field(\.$kind).field(\.$originalName).first()
        if let name = p.attachmentName { meta?.originalName = name }
        return meta
    }
}

extension FileUploadError {
    func message(_ t: Localizer, maxBytes: Int) -> String {
        switch self {
        case .empty: t.problem(.required)
        case .tooLarge: t(.errFileTooLarge, ["max": "\(maxBytes / 1024 / 1024) MB"])
        case .typeNotAllowed: t(.errFileType)
        }
    }
}
