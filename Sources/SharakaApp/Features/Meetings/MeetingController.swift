import Fluent
import SharakaCore
import SQLKit
import Vapor

/// Workshops: planning, registration with a waiting list, attendance, minutes, calendars.
enum MeetingController {
    @Sendable static func index(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let process = try await ProcessQuery.one(id, on: req.sql) else { throw Abort(.notFound) }
        let canEdit = try await ProcessAccess.canEdit(req.currentUser, organiser: process.organiserID, on: req.db)
        guard process.status.isPublic || canEdit else { throw Abort(.notFound) }
        return await req.render(MeetingPages.index(req.t, process: process, meetings: try await MeetingListQuery.of(process: id, on: req.sql), now: Date(), canEdit: canEdit))
    }

    @Sendable static func new(req: Request) async throws -> Response {
        let (process, organisers) = try await editableProcess(req)
        var form = MeetingForm()
        form.organiser = process.$organiser.id.uuidString
        return await req.render(MeetingPages.form(req.t, process: process, meeting: nil, form: form, errors: [:], organisers: organisers))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let (process, organisers) = try await editableProcess(req)
        let form = MeetingForm.read(req)
        let errors = form.validate(req.t, organisers: Set(organisers.compactMap { $0.id?.uuidString }), process: process.timeline)
        guard errors.isEmpty else {
            return await req.render(MeetingPages.form(req.t, process: process, meeting: nil, form: form, errors: errors, organisers: organisers, status: .unprocessableEntity))
        }
        let meeting = Meeting()
        form.apply(to: meeting)
        meeting.$process.id = process.id!
        meeting.minutes = ""; meeting.decisions = ""
        try await req.db.transaction { db in
            try await meeting.create(on: db)
            try await SearchIndex.refresh(.meeting, meeting.id!, on: db)
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.meeting(meeting.id!).path(req.language))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        return try await showMeeting(id, req)
    }

    /// The workshop page; a refused registration is drawn on it with the choice kept and the
    /// reason beside the box that was left unticked.
    static func showMeeting(_ id: UUID, _ req: Request, registration: MeetingPages.RegistrationAttempt? = nil) async throws -> Response {
        guard let page = try await MeetingPageQuery(id: id).run(on: req.sql) else { throw Abort(.notFound) }
        let meeting = page.meeting
        let canEdit = try await ProcessAccess.canEdit(req.currentUser, organiser: meeting.processOrganiserID, on: req.db)
        guard meeting.processStatus.isPublic || canEdit else { throw Abort(.notFound) }
        var mine: MeetingPageQuery.Mine?
        var organisations: [(id: UUID, name: LocalizedText)] = []
        if let user = req.currentUser {
            mine = try await MeetingPageQuery(id: id).mine(user.id!, on: req.sql)
            organisations = try await MemberOrganisations.of(user, on: req.db).map { ($0.id!, $0.name) }
        }
        let comments = try await CommentTargets.section(.meeting, id, page: .meeting(id), open: meeting.processStatus == .published, req)
        let follow = NotificationPages.followButton(req.t, .meeting, id, following: try await Following.isFollowing(req, .meeting, id),
                                                    signedIn: req.currentUser != nil)
        return await req.render(MeetingPages.show(req.t, .init(
            meeting: meeting, now: Date(), signedIn: req.currentUser != nil, mine: mine, stats: page.stats, canEdit: canEdit,
            files: page.files, proposals: page.proposals, organisations: organisations,
            provinces: try await ProvinceList.all(on: req.sql), comments: comments, follow: follow, registration: registration)))
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let (meeting, process, organisers) = try await editable(req)
        return await req.render(MeetingPages.form(req.t, process: process, meeting: meeting, form: .init(meeting), errors: [:], organisers: organisers))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let (meeting, process, organisers) = try await editable(req)
        let form = MeetingForm.read(req)
        var errors = form.validate(req.t, organisers: Set(organisers.compactMap { $0.id?.uuidString }), process: process.timeline)
        if errors.isEmpty {
            form.apply(to: meeting)
            do {
                try await RegistrationService.update(meeting, language: req.language, app: req.application, on: req.db)
                req.flash(req.t(.saved))
                return req.redirect(to: SiteURL.meeting(meeting.id!).path(req.language))
            } catch WorkshopRegistration.Refusal.capacityBelowRegistered(let n) {
                errors["capacity"] = req.t(.errCapacityBelowRegistered, ["n": req.t.number(n)])
            }
        }
        return await req.render(MeetingPages.form(req.t, process: process, meeting: meeting, form: form, errors: errors, organisers: organisers, status: .unprocessableEntity))
    }

    /// A place if one is free, else the end of the waiting list (`RegistrationService`).
    @Sendable static func register(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (meeting, _) = try await find(req)
        let back = SiteURL.meeting(meeting.id!).path(req.language) + "#registration"
        // Refusals come back on the workshop page with the choice kept and the reason beside its field.
        var attempt = MeetingPages.RegistrationAttempt(onBehalf: (try? req.content.get(String.self, at: "on_behalf")) ?? "")
        var organisation: Organisation?
        if !attempt.onBehalf.isEmpty {
            organisation = try await MemberOrganisations.of(user, on: req.db).first { $0.id?.uuidString == attempt.onBehalf }
            if organisation == nil { attempt.errors["on_behalf"] = req.t(.errUnknownChoice) }
        }
        do {
            guard attempt.errors.isEmpty else { return try await showMeeting(meeting.id!, req, registration: attempt) }
            let done = try await RegistrationService.register(meeting.id!, user: user, organisation: organisation,
                                                              acceptedTerms: (try? req.content.get(String.self, at: "accept_terms")) == "yes", app: req.application, on: req.db)
            req.flash(done.status == .registered ? req.t(.registrationDone, ["code": done.code]) : req.t(.registrationWaiting))
        } catch let refusal as WorkshopRegistration.Refusal {
            switch refusal {
            case .termsNotAccepted:
                attempt.errors["accept_terms"] = req.t(.errAcceptTerms)
                return try await showMeeting(meeting.id!, req, registration: attempt)
            case .alreadyRegistered: req.flash(req.t(.registrationAlready))
            case .closed, .capacityBelowRegistered: throw Refusal(.unprocessableEntity, .refusalRegistrationClosed)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two clicks racing past the check: the unique index keeps one.
            req.flash(req.t(.registrationAlready))
        }
        return req.redirect(to: back)
    }

    /// Frees the place and gives it to the first person waiting, in the same transaction.
    @Sendable static func cancel(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (meeting, _) = try await find(req)
        do {
            try await RegistrationService.cancel(meeting.id!, user: user, language: req.language, app: req.application, on: req.db)
        } catch is WorkshopRegistration.Refusal {
            throw Refusal(.unprocessableEntity, .refusalRegistrationClosed)
        }
        req.flash(req.t(.registrationCancelled))
        return req.redirect(to: SiteURL.meeting(meeting.id!).path(req.language) + "#registration")
    }

    @Sendable static func attendanceForm(req: Request) async throws -> Response {
        let (meeting, process, _) = try await editable(req)
        return await req.render(MeetingPages.attendance(req.t, meeting: meeting, process: process, registrations: try await registrations(meeting, req)))
    }

    @Sendable static func saveAttendance(req: Request) async throws -> Response {
        let (meeting, _, _) = try await editable(req)
        guard MeetingRules.canRecordAttendance(starts: meeting.startsAt, now: Date()) else { throw Refusal(.unprocessableEntity, .errAttendanceBeforeMeeting) }
        let present = Set(((try? req.content.get([String].self, at: "attended")) ?? []).compactMap(UUID.init(uuidString:)))
        try await req.db.transaction { db in
            try await MeetingRegistration.query(on: db).filter(\.$meeting.$id == meeting.id!).set(\.$attended, to: false).update()
            if !present.isEmpty {
                try await MeetingRegistration.query(on: db).filter(\.$meeting.$id == meeting.id!).filter(\.$id ~~ Array(present))
                    .filter(\.$status == RegistrationStatus.registered.rawValue).set(\.$attended, to: true).update()
            }
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.meetingAttendance(meeting.id!).path(req.language))
    }

    /// The attendee list for organisers: a spreadsheet-safe CSV (formula prefixes neutralised).
    @Sendable static func attendees(req: Request) async throws -> Response {
        let (meeting, _, _) = try await editable(req)
        let t = req.t
        let provinces = Dictionary(uniqueKeysWithValues: try await Province.query(on: req.db).all().map { ($0.code, t.text($0.name)) })
        var rows = [[t(.fieldName), t(.fieldOrganisation), t(.fieldSector), t(.fieldProvince), t(.fieldStatus), t(.registrationCode), t(.attendanceAttended)]]
        for r in try await registrations(meeting, req) {
            rows.append([r.user.isDeleted ? t(.deletedUser) : r.user.name, r.organisation.map { t.text($0.name) } ?? "",
                         t.family(Sector.Family(rawValue: r.family)), r.provinceCode.flatMap { provinces[$0] } ?? "",
                         r.statusValue == .registered ? t(.registrationRegistered) : t(.registrationWaitingShort), r.code, r.attended ? "1" : "0"])
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"attendees-\(meeting.id!).csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + CSV.document(rows)))
    }

    @Sendable static func minutesForm(req: Request) async throws -> Response {
        let (meeting, process, _) = try await editable(req)
        return await req.render(MeetingPages.minutes(req.t, meeting: meeting, process: process, minutes: meeting.minutes, decisions: meeting.decisions,
                                                     candidates: try await minuteCandidates(meeting, req), linked: try await linkedIDs(meeting, req), errors: [:]))
    }

    @Sendable static func saveMinutes(req: Request) async throws -> Response {
        let (meeting, process, _) = try await editable(req)
        let field = req.formText
        let minutes = field("minutes"), decisions = field("decisions")
        let chosen = Set(((try? req.content.get([String].self, at: "proposals")) ?? []).compactMap(UUID.init(uuidString:)))
        let candidates = try await minuteCandidates(meeting, req)
        var errors: [String: String] = [:]
        if !MeetingRules.canWriteMinutes(ends: meeting.endsAt, now: Date()) { errors["minutes"] = req.t(.errMinutesBeforeMeeting) }
        if let p = AccountRules.checkText(minutes, length: 10...20_000) { errors["minutes"] = req.t.problem(p, min: 10, max: 20_000) }
        if let p = AccountRules.checkText(decisions, length: 0...10_000, required: false) { errors["decisions"] = req.t.problem(p, max: 10_000) }
        if !chosen.isSubset(of: Set(candidates.map(\.id))) { errors["proposals"] = req.t.problem(.unknownChoice) }
        var file: (String, String)?
        if errors.isEmpty, let upload = try? req.content.get(File.self, at: "attachment"), upload.data.readableBytes > 0 {
            do {
                let stored = try await req.application.fileStore.store(Data(buffer: upload.data), originalName: upload.filename,
                    allowed: [.pdf, .png, .jpeg, .webp, .officeDocument, .csv, .plainText], maxBytes: req.settings.maxUploadBytes, on: req.db)
                file = (stored.id!, stored.attachmentName(upload.filename))
            } catch let e as FileUploadError {
                errors["attachment"] = e.message(req.t, maxBytes: req.settings.maxUploadBytes)
            }
        }
        guard errors.isEmpty else {
            return await req.render(MeetingPages.minutes(req.t, meeting: meeting, process: process, minutes: minutes, decisions: decisions,
                                                         candidates: candidates, linked: chosen, errors: errors, status: .unprocessableEntity))
        }
        let attachment = file
        try await req.db.transaction { db in
            meeting.minutes = minutes; meeting.decisions = decisions
            if meeting.minutesAt == nil { meeting.minutesAt = Date() }
            try await meeting.save(on: db)
            try await SearchIndex.refresh(.meeting, meeting.id!, on: db)
            try await MeetingProposal.query(on: db).filter(\.$meeting.$id == meeting.id!).delete()
            for id in chosen { try await MeetingProposal(meetingID: meeting.id!, proposalID: id).create(on: db) }
            if let (sha, name) = attachment {
                let f = MeetingFile(); f.$meeting.id = meeting.id!; f.fileSHA256 = sha; f.name = name; f.createdAt = Date()
                try await f.create(on: db)
            }
        }
        req.flash(req.t(.saved))
        return req.redirect(to: SiteURL.meeting(meeting.id!).path(req.language) + "#minutes")
    }

    @Sendable static func meetingCalendar(req: Request) async throws -> Response {
        let (meeting, process) = try await find(req)
        return calendar(req, name: req.t.text(meeting.title), events: [event(req, meeting)], file: "meeting-\(meeting.id!)", process: process)
    }

    @Sendable static func processCalendar(req: Request) async throws -> Response {
        let process = try await VisibleProcess.find(req)
        try await VisibleProcess.require(process, req)
        let t = req.t
        var events = process.phases.compactMap { ph -> ICalendar.Event? in
            guard let s = Day(iso: ph.startsOn), let e = Day(iso: ph.endsOn) else { return nil }
            return .init(uid: "phase-\(ph.id!)@sharaka", summary: "\(t.text(process.title)) — \(t.text(ph.name).isEmpty ? ProcessPages.phaseLabel(t, ph.kindValue) : t.text(ph.name))",
                         url: req.publicURL + SiteURL.process(process.id!).path(req.language), when: .allDay(s, e))
        }
        events += try await Meeting.query(on: req.db).filter(\.$process.$id == process.id!).sort(\.$startsAt).all().map { event(req, $0) }
        return calendar(req, name: t.text(process.title), events: events, file: "process-\(process.id!)", process: process)
    }

    // MARK: helpers

    private static func calendar(_ req: Request, name: String, events: [ICalendar.Event], file: String, process: ParticipatoryProcess) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(file).ics\"")
        return Response(status: .ok, headers: headers, body: .init(string: ICalendar.document(name: name, events: events, now: Date())))
    }

    private static func event(_ req: Request, _ m: Meeting) -> ICalendar.Event {
        let t = req.t
        return .init(uid: "meeting-\(m.id!)@sharaka", summary: t.text(m.title), description: t.text(m.description),
                     location: [m.address, m.link].filter { !$0.isEmpty }.joined(separator: " — "),
                     url: req.publicURL + SiteURL.meeting(m.id!).path(req.language), when: .timed(m.startsAt, m.endsAt))
    }

    static func find(_ req: Request) async throws -> (Meeting, ParticipatoryProcess) {
        guard let id = req.parameters.get("id", as: UUID.self),
              let meeting = try await Meeting.query(on: req.db).filter(\.$id == id).with(\.$organiser).first(),
              let process = try await ParticipatoryProcess.query(on: req.db).filter(\.$id == meeting.$process.id).with(\.$phases).with(\.$organiser).first()
        else { throw Abort(.notFound) }
        try await VisibleProcess.require(process, req)
        return (meeting, process)
    }

    private static func editableProcess(_ req: Request) async throws -> (ParticipatoryProcess, [Organisation]) {
        let user = try req.requireUser()
        let process = try await VisibleProcess.find(req)
        guard try await ProcessAccess.canEdit(user, process, on: req.db) else { throw Abort(.forbidden) }
        return (process, try await organisers(user, process, req))
    }

    private static func editable(_ req: Request) async throws -> (Meeting, ParticipatoryProcess, [Organisation]) {
        let user = try req.requireUser()
        let (meeting, process) = try await find(req)
        guard try await ProcessAccess.canEdit(user, process, on: req.db) else { throw Abort(.forbidden) }
        return (meeting, process, try await organisers(user, process, req))
    }

    private static func organisers(_ user: User, _ process: ParticipatoryProcess, _ req: Request) async throws -> [Organisation] {
        var list = try await ProcessAccess.organisers(for: user, on: req.db)
        if !list.contains(where: { $0.id == process.$organiser.id }) { list.insert(process.organiser, at: 0) }
        return list
    }

    private static func registrations(_ meeting: Meeting, _ req: Request) async throws -> [MeetingRegistration] {
        try await MeetingRegistration.query(on: req.db).filter(\.$meeting.$id == meeting.id!).with(\.$user).with(\.$organisation)
            .sort(\.$status).sort(\.$createdAt).all()
    }

    private static func minuteCandidates(_ meeting: Meeting, _ req: Request) async throws -> [ProposalCandidates.Item] {
        try await ProposalCandidates.of(process: meeting.$process.id, keeping: try await linkedIDs(meeting, req), on: req.sql)
    }

    private static func linkedIDs(_ meeting: Meeting, _ req: Request) async throws -> Set<UUID> {
        Set(try await MeetingProposal.query(on: req.db).filter(\.$meeting.$id == meeting.id!).all().map(\.$proposal.id))
    }
}

