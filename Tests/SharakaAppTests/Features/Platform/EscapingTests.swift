import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// Stores a markup payload in every field a user can write, renders every page,
/// and looks for the payload arriving as live markup.
@Suite struct EscapingTests {
    /// Markup, and the old CSRF slot marker (private-use characters, which must never reach a page as they are).
    static let payload = "\"'><x onx=1>\u{E000}csrf\u{E000}"

    @Test(arguments: Engine.all)
    func userTextNeverBecomesMarkup(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: the payload everywhere it can go
            let p = Self.payload
            let region = try #require(try await Region.query(on: app.db).first())
            region.name = LocalizedText([.ar: p, .fr: p, .en: p, .zgh: p])
            region.contactEmail = p; region.contactPhone = p; region.address = p
            try await region.save(on: app.db)
            app.regionCache.invalidate()
            let province = try #require(try await Province.query(on: app.db).first())
            province.name = LocalizedText([.ar: p, .fr: p])
            try await province.save(on: app.db)
            let admin = try await TestFixtures.user(app, email: "admin@example.ma", role: .administrator, name: p)
            let org = Organisation(name: LocalizedText([.ar: p, .fr: p, .en: p, .zgh: p]), sector: .regionalCouncil, provinceCode: province.code,
                                   website: "javascript:alert(1)//\(p)", description: LocalizedText([.ar: p, .fr: p]))
            try await org.create(on: app.db)
            try await Membership(userID: admin.id!, organisationID: org.id!, role: .manager).create(on: app.db)
            try await OutboxMessage(recipient: p, subject: p, body: p).create(on: app.db)
            let process = ParticipatoryProcess()
            process.title = LocalizedText([.ar: p, .fr: p, .en: p, .zgh: p]); process.summary = LocalizedText([.ar: p, .fr: p])
            process.description = LocalizedText([.ar: p, .fr: p]); process.scope = [province.code]
            process.contact = p; process.hashtag = p; process.status = "published"; process.$organiser.id = org.id!
            try await process.create(on: app.db)
            let proposal = Proposal()
            proposal.title = p; proposal.body = p + "\nhttps://x.ma/\(p)"; proposal.language = "ar"; proposal.ogpValue = p; proposal.theme = p
            proposal.provinceCode = p; proposal.status = "published"; proposal.supportsCount = 0; proposal.commentsCount = 0; proposal.randomKey = 1
            proposal.searchText = p; proposal.$process.id = process.id!; proposal.$author.id = admin.id!; proposal.$organisation.id = org.id!
            try await proposal.create(on: app.db)
            // The same text in a proposal nobody has answered or taken up yet: its author may still edit it.
            let editable = Proposal()
            editable.title = p; editable.body = p; editable.language = "ar"; editable.ogpValue = p; editable.theme = p
            editable.provinceCode = p; editable.status = "published"; editable.supportsCount = 0; editable.commentsCount = 0; editable.randomKey = 2
            editable.searchText = p; editable.$process.id = process.id!; editable.$author.id = admin.id!; editable.$organisation.id = org.id!
            try await editable.create(on: app.db)
            try await Phase(processID: process.id!, kind: .proposals, name: LocalizedText([.ar: p, .fr: p]), starts: Day(Date()), ends: Day(Date()).adding(days: 3)).create(on: app.db)
            // co-creation content: discussion, answer, workshop with minutes, notification, report
            let comment = Comment(target: .proposal, targetID: proposal.id!, parent: nil, authorID: admin.id!, body: p + "\nhttps://x.ma/\(p)", alignment: .against)
            try await comment.create(on: app.db)
            try await Comment(target: .proposal, targetID: proposal.id!, parent: comment, authorID: admin.id!, body: p, alignment: .neutral).create(on: app.db)
            try await ProposalAnswer(proposalID: proposal.id!, state: .rejected, reasoning: p + "\n" + p, by: admin.id!, organisationID: org.id!).create(on: app.db)
            let meeting = Meeting()
            meeting.title = LocalizedText([.ar: p, .fr: p, .en: p, .zgh: p]); meeting.description = LocalizedText([.ar: p, .fr: p]); meeting.kind = "hybrid"
            meeting.address = p; meeting.link = "javascript:alert(1)//\(p)"; meeting.startsAt = Date().addingTimeInterval(-7200); meeting.endsAt = Date().addingTimeInterval(-3600)
            meeting.capacity = 5; meeting.registrationOpen = true; meeting.registrationTerms = p; meeting.minutes = p + "\n" + p; meeting.decisions = p; meeting.minutesAt = Date()
            meeting.$process.id = process.id!; meeting.$organiser.id = org.id!
            try await meeting.create(on: app.db)
            let registration = MeetingRegistration()
            registration.$meeting.id = meeting.id!; registration.$user.id = admin.id!; registration.status = "registered"; registration.code = p
            registration.attended = true; registration.family = "citizen"; registration.provinceCode = p; registration.createdAt = Date()
            try await registration.create(on: app.db)
            try await MeetingProposal(meetingID: meeting.id!, proposalID: proposal.id!).create(on: app.db)
            try await Notification(userID: admin.id!, kind: .reply, target: .proposal, targetID: proposal.id!, title: p).create(on: app.db)
            try await Report(target: .comment, id: comment.id!, reporterID: admin.id!, reason: .spam, details: p).create(on: app.db)
            for (kind, id) in [(SearchKind.process, process.id!), (.proposal, proposal.id!), (.comment, comment.id!), (.meeting, meeting.id!)] {
                try await SearchIndex.refresh(kind, id, on: app.db)
            }

            // monitoring content: plan, commitment, milestone, progress with a link, assessment, audit entry
            let plan = ActionPlan()
            plan.title = LocalizedText([.ar: p, .fr: p, .en: p, .zgh: p]); plan.description = LocalizedText([.ar: p, .fr: p]); plan.periodStart = 2025; plan.periodEnd = 2027
            plan.status = "in_implementation"; plan.revision = 0; plan.member = p; plan.sourceURL = p; plan.$adoptingBody.id = org.id!; plan.$process.id = process.id!
            try await plan.create(on: app.db)
            let commitment = Commitment()
            commitment.reference = "R-1"; commitment.position = 1; commitment.title = LocalizedText([.ar: p, .fr: p]); commitment.problem = LocalizedText([.fr: p])
            commitment.causes = LocalizedText([.fr: p]); commitment.solution = LocalizedText([.fr: p]); commitment.changes = LocalizedText([.fr: p])
            commitment.ogpValues = "access_to_information"; commitment.theme = "open_data"; commitment.leadBody = p
            commitment.supportingActors = SupportingActors(actors: [.init(kind: "other", name: p)]); commitment.provinces = ProvinceCodes(codes: [province.code])
            commitment.startsOn = "2025-01-01"; commitment.endsOn = "2027-12-31"; commitment.budgetCentimes = 100; commitment.contact = p; commitment.completion = 40
            commitment.$plan.id = plan.id!
            try await commitment.create(on: app.db)
            try await CommitmentProposal(commitmentID: commitment.id!, proposalID: proposal.id!).create(on: app.db)
            let milestone = Milestone()
            milestone.position = 1; milestone.title = LocalizedText([.ar: p, .fr: p]); milestone.deliverable = LocalizedText([.fr: p]); milestone.responsibleBody = p
            milestone.startsOn = "2025-01-01"; milestone.endsOn = "2025-06-30"; milestone.weight = 1; milestone.status = "cancelled"; milestone.percent = 40
            milestone.cancelReason = p; milestone.$commitment.id = commitment.id!
            try await milestone.create(on: app.db)
            let update = ProgressUpdate()
            update.createdAt = Date(); update.reportedOn = "2025-05-01"; update.text = p; update.percent = 40; update.statusBefore = "not_started"; update.statusAfter = "cancelled"
            update.commitmentCompletion = 40; update.$milestone.id = milestone.id!; update.$commitment.id = commitment.id!; update.$author.id = admin.id!
            try await update.create(on: app.db)
            let link = ProgressEvidence(); link.$update.id = update.id!; link.name = p; link.fileSHA256 = nil; link.url = "javascript:alert(1)//\(p)"
            try await link.create(on: app.db)
            try await Comment(target: .progress, targetID: update.id!, parent: nil, authorID: admin.id!, body: p, alignment: .neutral).create(on: app.db)
            let report = AssessmentReport(); report.title = p; report.publishedAt = Date(); report.$plan.id = plan.id!; report.$reviewer.id = admin.id!
            try await report.create(on: app.db)
            let assessment = Assessment()
            assessment.updatedAt = Date(); assessment.verifiable = true; assessment.relevance = "x"; assessment.potentialImpact = p; assessment.completion = p
            assessment.didItOpen = p; assessment.narrative = p; assessment.sources = p; assessment.$commitment.id = commitment.id!; assessment.$reviewer.id = admin.id!
            assessment.$report.id = report.id!
            try await assessment.create(on: app.db)
            try await AuditLog.write(app, actor: admin) { _ in ((), [.init(action: p, objectKind: p, objectID: commitment.id!, scope: commitment.id!, before: ["f": p], after: [p: p])]) }
            try await PlanSnapshot.recordRevision(plan, reason: p, by: admin, on: app.db)
            try await PlanSnapshot.recordRevision(plan, reason: p, by: admin, on: app.db)

            let client = Client(app)
            try await client.login("admin@example.ma", lang: "fr")
            let pages = ["/", "/organisations", "/organisations/\(org.id!)", "/organisations?q=\(Client.encode(p))",
                         "/account", "/admin/users", "/admin/users?q=\(Client.encode(p))", "/admin/organisations",
                         "/admin/organisations/\(org.id!)", "/admin/organisations/new", "/admin/region", "/admin/outbox",
                         "/login?next=\(Client.encode(p))", "/processes", "/processes/\(process.id!)", "/processes/\(process.id!)/edit", "/processes/new", "/processes/\(process.id!)/proposals", "/processes/\(process.id!)/proposals?sort=newest&province=\(Client.encode(p))",
                         "/processes/\(process.id!)/proposals/new", "/proposals/\(proposal.id!)", "/proposals/\(editable.id!)/edit", "/password/reset?token=\(Client.encode(p))", "/password/forgot",
                         "/proposals/\(proposal.id!)?comments=best", "/processes/\(process.id!)/dashboard", "/processes/\(process.id!)/meetings",
                         "/processes/\(process.id!)/meetings/new", "/meetings/\(meeting.id!)", "/meetings/\(meeting.id!)/edit", "/meetings/\(meeting.id!)/minutes",
                         "/notifications", "/moderation", "/search?q=\(Client.encode(p))", "/search?q=x&type=\(Client.encode(p))&process=\(Client.encode(p))",
                         "/account/tokens", "/plans", "/plans/\(plan.id!)", "/plans/\(plan.id!)/edit", "/plans/\(plan.id!)/dashboard", "/plans/\(plan.id!)/print",
                         "/plans/\(plan.id!)/revisions", "/plans/\(plan.id!)/compare?from=1&to=2", "/plans/\(plan.id!)/reports", "/reports/\(report.id!)",
                         "/plans/\(plan.id!)/assessment", "/commitments/\(commitment.id!)", "/commitments/\(commitment.id!)/edit",
                         "/commitments/\(commitment.id!)/history", "/commitments/\(commitment.id!)/assessment", "/commitments/\(commitment.id!)/milestones/new",
                         "/milestones/\(milestone.id!)/edit", "/milestones/\(milestone.id!)/progress", "/progress/\(update.id!)", "/plans/new"]
            for lang in Language.allCases {
                for page in pages {
                    let res = try await client.get("/\(lang.rawValue)\(page)")
                    #expect(res.status == .ok, "\(lang) \(page): \(res.status)")
                    let html = res.body.string
                    #expect(!html.contains("<x onx"), "\(lang) \(page) renders the payload as markup")
                    #expect(!html.contains("'><x"), "\(lang) \(page) breaks out of an attribute")
                    #expect(!html.contains("href=\"javascript:"), "\(lang) \(page) links to javascript:")
                    #expect(!html.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) }, "\(lang) \(page) draws a private-use character as it is")
                    if let token = client.csrf {
                        #expect(html.components(separatedBy: token).count == html.components(separatedBy: "name=\"_csrf\"").count, "\(lang) \(page) shows the token outside a form")
                    }
                }
            }
            // a form re-rendered with the payload keeps it escaped too
            try await client.get("/fr/admin/organisations/new")
            let refused = try await client.post("/fr/admin/organisations", ["name_fr": p, "sector": "nope", "website": p])
            #expect(refused.status == .unprocessableEntity)
            #expect(!refused.body.string.contains("<x onx") && !refused.body.string.contains("'><x"))
        }
    }

    /// Feature code reaches Plot only through `H` and `Attr`, which escape attribute values.
    @Test func onlyTheHTMLComponentImportsPlot() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../Sources/SharakaApp").standardized
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        for file in files where file.lastPathComponent != "HTML.swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains("import Plot"), "\(file.lastPathComponent) imports Plot directly")
            #expect(!text.contains(".attribute(named:"), "\(file.lastPathComponent) writes a raw attribute")
        }
    }

    @Test func attributeEscapingCoversQuotesAndAngles() {
        #expect(Self.payload.attributeEscaped == "&quot;&#39;&gt;&lt;x onx=1&gt;&#xE000;csrf&#xE000;")
        #expect("a&b".textEscaped == "a&amp;b")
        #expect(H.render(H.el("a", [.href("\"x")], [H.text("<b>")])) == "<a href=\"&quot;x\">&lt;b&gt;</a>")
    }
}
