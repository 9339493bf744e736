import Fluent
import SharakaCore
import Vapor

/// Participatory processes: the public list and page, and their editing by organisers.
enum ProcessController {
    @Sendable static func index(req: Request) async throws -> Response {
        let page = PageRequest(page: try? req.query.get(Int.self, at: "page"))
        // Drafts are listed only to those who may edit them.
        let organisers = try await ProcessAccess.organisers(for: req.currentUser, on: req.db).compactMap(\.id)
        let list = try await ProcessQuery.page(page, organisers: organisers, on: req.sql)
        return await req.render(ProcessPages.index(req.t, processes: list.items, total: list.total, page: page, today: Day(Date()),
                                                   canCreate: Policy.allows(req.role, .createProcess) && !organisers.isEmpty))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let process = try await ProcessQuery.one(id, on: req.sql) else { throw Abort(.notFound) }
        let canEdit = try await ProcessAccess.canEdit(req.currentUser, organiser: process.organiserID, on: req.db)
        guard process.status.isPublic || canEdit else { throw Abort(.notFound) }
        let comments = process.status.isPublic
            ? try await CommentTargets.section(.process, id, page: .process(id), open: process.allows(.comment), req)
            : nil
        let following = try await Following.isFollowing(req, .process, id)
        return await req.render(ProcessPages.show(req.t, process: process, provinces: try await ProvinceList.all(on: req.sql), today: Day(Date()),
                                                  canEdit: canEdit, comments: comments,
                                                  follow: NotificationPages.followButton(req.t, .process, id, following: following, signedIn: req.currentUser != nil)))
    }

    @Sendable static func new(req: Request) async throws -> Response {
        try req.require(.createProcess)
        let organisers = try await ProcessAccess.organisers(for: req.currentUser, on: req.db)
        guard !organisers.isEmpty else { throw Abort(.forbidden) }
        var form = ProcessForm()
        form.organiser = organisers.first?.id?.uuidString
        return await req.render(ProcessPages.form(req.t, process: nil, form: form, errors: [:], organisers: organisers,
                                                  provinces: try await Province.query(on: req.db).sort(\.$code).all()))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.require(.createProcess)
        let organisers = try await ProcessAccess.organisers(for: req.currentUser, on: req.db)
        guard !organisers.isEmpty else { throw Abort(.forbidden) }
        let provinces = try await Province.query(on: req.db).sort(\.$code).all()
        let form = ProcessForm.read(req)
        let errors = form.validate(req.t, provinces: Set(provinces.map(\.code)), organisers: Set(organisers.compactMap { $0.id?.uuidString }), currentStatus: nil)
        if !errors.isEmpty {
            return await req.render(ProcessPages.form(req.t, process: nil, form: form, errors: errors, organisers: organisers, provinces: provinces, status: .unprocessableEntity))
        }
        let process = ParticipatoryProcess()
        form.apply(to: process)
        try await req.db.transaction { db in
            try await process.create(on: db)
            try await SearchIndex.refresh(.process, process.id!, on: db)
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.processEdit(process.id!).path(req.language))
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let (process, organisers) = try await editable(req)
        return await req.render(ProcessPages.form(req.t, process: process, form: .init(process), errors: [:], organisers: organisers,
                                                  provinces: try await Province.query(on: req.db).sort(\.$code).all()))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (process, organisers) = try await editable(req)
        let provinces = try await Province.query(on: req.db).sort(\.$code).all()
        let form = ProcessForm.read(req)
        var allowed = Set(organisers.compactMap { $0.id?.uuidString })
        allowed.insert(process.$organiser.id.uuidString) // keeping the current organiser is always fine
        let errors = form.validate(req.t, provinces: Set(provinces.map(\.code)), organisers: allowed, currentStatus: process.statusValue)
        if !errors.isEmpty {
            return await req.render(ProcessPages.form(req.t, process: process, form: form, errors: errors, organisers: organisers, provinces: provinces, status: .unprocessableEntity))
        }
        form.apply(to: process)
        try await req.db.transaction { db in
            try await process.save(on: db)
            try await SearchIndex.refresh(.process, process.id!, on: db)
        }
        req.application.supportBatch.facts.forgetProcesses()
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.processEdit(process.id!).path(req.language))
    }

    @Sendable static func addPhase(req: Request) async throws -> Response {
        let (process, organisers) = try await editable(req)
        let form = PhaseForm.read(req)
        let (errors, window) = form.validate(req.t, existing: process.phases.compactMap(\.window))
        guard let window, errors.isEmpty else {
            return await req.render(ProcessPages.form(req.t, process: process, form: .init(process), errors: errors, organisers: organisers,
                                                      provinces: try await Province.query(on: req.db).sort(\.$code).all(), phaseForm: form, status: .unprocessableEntity))
        }
        try await Phase(processID: process.id!, kind: window.kind, name: form.name, starts: window.starts, ends: window.ends).create(on: req.db)
        req.application.supportBatch.facts.forgetProcesses()
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.processEdit(process.id!).path(req.language) + "#phases")
    }

    @Sendable static func removePhase(req: Request) async throws -> Response {
        let (process, _) = try await editable(req)
        guard let phaseID = req.parameters.get("member", as: UUID.self),
              let phase = process.phases.first(where: { $0.id == phaseID }) else { throw Abort(.notFound) }
        // Once published, the calendar people were promised is kept.
        guard process.statusValue == .draft else { throw Refusal(.unprocessableEntity, .refusalPublishedTimeline) }
        try await phase.delete(on: req.db)
        req.application.supportBatch.facts.forgetProcesses()
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.processEdit(process.id!).path(req.language) + "#phases")
    }

    /// The process and the bodies the user may organise for; 403 unless the user may edit it.
    static func editable(_ req: Request) async throws -> (ParticipatoryProcess, [Organisation]) {
        try req.require(.createProcess)
        let process = try await VisibleProcess.find(req)
        guard try await ProcessAccess.canEdit(req.currentUser, process, on: req.db) else { throw Abort(.forbidden) }
        return (process, try await ProcessAccess.organisers(for: req.currentUser, on: req.db))
    }
}
