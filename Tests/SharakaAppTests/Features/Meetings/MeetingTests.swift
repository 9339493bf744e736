import Fluent
@testable import SharakaApp
import SharakaCore
import SQLKit
import Testing
import Vapor

@Suite struct MeetingTests {
    /// The organising body's official, signed in on the new-workshop form of `process`; the
    /// workshops' base path.
    static func organiserAtNewWorkshop(_ app: Application, _ process: ParticipatoryProcess) async throws -> (client: Client, base: String) {
        try await organiserOfficial(app, process)
        let official = Client(app)
        try await official.login("official@oriental.ma", lang: "fr")
        let base = "/fr/processes/\(process.id!)/meetings"
        try await official.get(base + "/new")
        return (official, base)
    }

    static func form(_ process: ParticipatoryProcess, starts: Date, hours: Double = 3, capacity: Int = 2, terms: String = "",
                     termsFr: String = "J'accepte que mon nom figure dans la liste de présence.") -> [String: String] {
        ["title_ar": "ورشة وجدة حول الميزانية المفتوحة", "title_fr": "Atelier d'Oujda sur le budget ouvert",
         "description_fr": "Présentation puis travail en groupes.", "kind": "in_person", "address": "Conseil régional, Oujda",
         "starts": MoroccoTime.format(starts), "ends": MoroccoTime.format(starts.addingTimeInterval(hours * 3600)),
         "capacity": String(capacity), "registration_open": "yes", "terms_ar": terms, "terms_fr": terms.isEmpty ? "" : termsFr, "organiser": process.$organiser.id.uuidString]
    }

    @Test(arguments: Engine.all)
    func registrationWaitingListAndPromotion(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .workshops)
            try await organiserOfficial(app, process)
            let association = Organisation(name: .init([.fr: "Association Angad"]), sector: .association, provinceCode: "02.411")
            try await association.create(on: app.db)
            var people: [Client] = []
            for (i, name) in ["Amina", "=HYPERLINK(\"http://x\")", "Chaima", "Driss"].enumerated() {
                let u = try await TestFixtures.user(app, email: "p\(i)@example.ma", name: name)
                if i == 0 { try await Membership(userID: u.id!, organisationID: association.id!, role: .member).create(on: app.db) }
                let c = Client(app)
                try await c.login("p\(i)@example.ma")
                people.append(c)
            }
            let official = Client(app)
            try await official.login("official@oriental.ma")
            let base = "/fr/processes/\(process.id!)/meetings"
            #expect(try await official.get(base + "/new").status == .ok)
            #expect(try await people[0].get(base + "/new").status == .forbidden)

            // bad input: explained field by field, nothing stored
            let start = Date().addingTimeInterval(7 * 86_400)
            var bad = Self.form(process, starts: start)
            bad["title_ar"] = ""; bad["title_fr"] = ""; bad["kind"] = "online"; bad["link"] = ""
            bad["ends"] = MoroccoTime.format(start.addingTimeInterval(-3600)); bad["capacity"] = "0"; bad["organiser"] = UUID().uuidString
            let refused = try await official.post(base, bad)
            #expect(refused.status == .unprocessableEntity)
            for field in ["link", "ends", "capacity", "organiser"] { #expect(refused.body.string.contains("f-\(field)-error"), "\(field)") }
            var tooLong = Self.form(process, starts: start, hours: 24 * 20)
            tooLong["starts"] = "2026-13-40T25:00"
            #expect(try await official.post(base, tooLong).status == .unprocessableEntity)
            #expect(try await people[0].post(base, Self.form(process, starts: start)).status == .forbidden)
            #expect(try await Meeting.query(on: app.db).count() == 0)

            let terms = "أوافق على نشر اسمي في لائحة الحضور."
            // terms in Arabic only, for a workshop titled in Arabic and French: the French is asked for
            let arabicOnly = try await official.post(base, Self.form(process, starts: start, capacity: 2, terms: terms, termsFr: ""))
            #expect(arabicOnly.status == .unprocessableEntity && arabicOnly.body.string.contains("f-terms_fr-error"))
            #expect(arabicOnly.body.string.contains(Localizer(.fr)(.errTermsLanguage).textEscaped) && arabicOnly.body.string.contains(terms))
            #expect(try await official.post(base, Self.form(process, starts: start, capacity: 2, terms: terms)).status == .seeOther)
            let meeting = try #require(try await Meeting.query(on: app.db).first())
            let url = "/fr/meetings/\(meeting.id!)"
            for c in people { try await c.get(url) }
            // each reader sees the terms in their language
            let french = try await people[0].get(url).body.string
            #expect(french.contains("J&#39;accepte que mon nom figure") || french.contains("J'accepte que mon nom figure"))
            #expect(try await people[0].get("/ar/meetings/\(meeting.id!)").body.string.contains(terms))

            // the terms must be accepted; then two places, then the waiting list
            // unticked: the page again, the choice kept, the reason beside the box
            let unticked = try await people[0].post(url + "/register", ["on_behalf": association.id!.uuidString])
            #expect(unticked.status == .unprocessableEntity)
            let refusedPage = unticked.body.string
            #expect(refusedPage.contains("id=\"f-accept_terms-error\"") && refusedPage.contains(Localizer(.fr)(.errAcceptTerms)))
            #expect(refusedPage.contains("value=\"\(association.id!.uuidString)\" selected"))
            // on behalf of an organisation one does not belong to: said on the page, nothing stored
            let foreign = try await people[1].post(url + "/register", ["accept_terms": "yes", "on_behalf": association.id!.uuidString])
            #expect(foreign.status == .unprocessableEntity)
            #expect(foreign.body.string.contains("href=\"#f-on_behalf\"") && foreign.body.string.contains(Localizer(.fr)(.errUnknownChoice).textEscaped))
            #expect(try await MeetingRegistration.query(on: app.db).count() == 0)
            #expect(try await people[0].post(url + "/register", ["accept_terms": "yes", "on_behalf": association.id!.uuidString]).status == .seeOther)
            let first = try #require(try await MeetingRegistration.query(on: app.db).first())
            #expect(first.statusValue == .registered && first.code.count == 8 && first.family == "civil_society" && first.provinceCode == "02.411")
            #expect(try await people[0].get(url).body.string.contains(first.code))
            #expect(try await people[1].post(url + "/register", ["accept_terms": "yes"]).status == .seeOther)
            #expect(try await people[2].post(url + "/register", ["accept_terms": "yes"]).status == .seeOther)
            #expect(try await people[3].post(url + "/register", ["accept_terms": "yes"]).status == .seeOther)
            let page2 = try await people[3].get(url).body.string
            #expect(page2.contains(Localizer(.fr)(.registrationWaitingPosition, ["n": "2"])))
            // twice, or on behalf of an organisation one does not belong to: refused, nothing changed
            #expect(try await people[1].post(url + "/register", ["accept_terms": "yes"]).status == .seeOther)
            #expect(try await people[1].post(url + "/register", ["accept_terms": "yes", "on_behalf": association.id!.uuidString]).status == .unprocessableEntity)
            let statuses = try await MeetingRegistration.query(on: app.db).sort(\.$createdAt).all().map(\.statusValue)
            #expect(statuses == [.registered, .registered, .waiting, .waiting])

            // capacity cannot drop below the registered count
            #expect(try await official.post(url + "/edit", Self.form(process, starts: start, capacity: 1, terms: terms)).status == .unprocessableEntity)
            #expect(try await Meeting.find(meeting.id, on: app.db)?.capacity == 2)

            // a cancellation promotes the first person waiting, who is told
            #expect(try await people[0].post(url + "/cancel").status == .seeOther)
            let third = try #require(try await User.query(on: app.db).filter(\.$email == "p2@example.ma").first())
            let fourth = try #require(try await User.query(on: app.db).filter(\.$email == "p3@example.ma").first())
            #expect(try await MeetingRegistration.query(on: app.db).filter(\.$user.$id == third.id!).first()?.statusValue == .registered)
            #expect(try await MeetingRegistration.query(on: app.db).filter(\.$user.$id == fourth.id!).first()?.statusValue == .waiting)
            #expect(try await Notification.query(on: app.db).filter(\.$kind == "promoted").all().map(\.$user.id) == [third.id!])
            // more places: the rest of the list moves up
            #expect(try await official.post(url + "/edit", Self.form(process, starts: start, capacity: 5, terms: terms)).status == .seeOther)
            #expect(try await MeetingRegistration.query(on: app.db).filter(\.$status == "waiting").count() == 0)
            #expect(try await Notification.query(on: app.db).filter(\.$kind == "promoted").count() == 2)

            // the attendee list: organisers only, spreadsheet-safe
            #expect(try await people[1].get(url + "/attendees.csv").status == .forbidden)
            let csv = try await official.get(url + "/attendees.csv")
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
            #expect(csv.body.string.hasPrefix("\u{FEFF}"))
            #expect(csv.body.string.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
            #expect(!csv.body.string.contains("Amina"))

            // calendar exports
            let ics = try await Client(app).get(url + "/calendar.ics")
            #expect(ics.status == .ok && ics.headers.contentType?.subType == "calendar")
            #expect(ics.body.string.contains("BEGIN:VEVENT") && ics.body.string.contains("SUMMARY:Atelier d'Oujda sur le budget ouvert"))
            let processICS = try await Client(app).get("/fr/processes/\(process.id!)/calendar.ics").body.string
            #expect(processICS.components(separatedBy: "BEGIN:VEVENT").count - 1 == 3) // two phases + the workshop
            #expect(try await Client(app).get("/fr/meetings/\(UUID())/calendar.ics").status == .notFound)

            // closed registration is refused on the server too
            var closed = Self.form(process, starts: start, capacity: 5, terms: terms)
            closed["registration_open"] = ""
            #expect(try await official.post(url + "/edit", closed).status == .seeOther)
            #expect(try await people[0].post(url + "/register", ["accept_terms": "yes"]).status == .unprocessableEntity)
        }
    }

    @Test(arguments: Engine.all)
    func attendanceStatisticsAndMinutes(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .workshops)
            try await organiserOfficial(app, process)
            let citizen = try await TestFixtures.user(app, email: "c@example.ma", name: "Chaima")
            let proposal = try await TestFixtures.proposal(app, process: process, author: citizen, title: "Un registre public des subventions")
            let official = Client(app), reader = Client(app)
            try await official.login("official@oriental.ma"); try await reader.login("c@example.ma")
            let base = "/fr/processes/\(process.id!)/meetings"
            // minutes are refused before the meeting
            #expect(try await official.post(base, Self.form(process, starts: Date().addingTimeInterval(86_400))).status == .seeOther)
            let future = try #require(try await Meeting.query(on: app.db).first())
            #expect(try await official.post("/fr/meetings/\(future.id!)/minutes", ["minutes": "Compte rendu détaillé de l'atelier."]).status == .unprocessableEntity)

            // a workshop that took place yesterday
            #expect(try await official.post(base, Self.form(process, starts: Date().addingTimeInterval(-86_400))).status == .seeOther)
            let past = try #require(try await Meeting.query(on: app.db).filter(\.$id != future.id!).first())
            let url = "/fr/meetings/\(past.id!)"
            var regs: [MeetingRegistration] = []
            for (i, (family, province)) in [("civil_society", "02.411"), ("public", "02.381"), ("citizen", "02.411")].enumerated() {
                let u = try await TestFixtures.user(app, email: "r\(i)@example.ma")
                let r = MeetingRegistration()
                r.$meeting.id = past.id!; r.$user.id = u.id!; r.status = "registered"; r.code = "CODE000\(i)"; r.attended = false
                r.family = family; r.provinceCode = province; r.createdAt = Date()
                try await r.create(on: app.db)
                regs.append(r)
            }
            #expect(try await reader.get(url + "/attendance").status == .forbidden)
            #expect(try await reader.post(url + "/attendance", ["attended[0]": regs[0].id!.uuidString]).status == .forbidden)
            #expect(try await official.get(url + "/attendance").status == .ok)
            #expect(try await official.post(url + "/attendance", ["attended[0]": regs[0].id!.uuidString, "attended[1]": regs[2].id!.uuidString]).status == .seeOther)
            #expect(try await MeetingRegistration.query(on: app.db).filter(\.$attended == true).count() == 2)
            let page = try await Client(app).get(url).body.string
            #expect(page.contains(Localizer(.fr)(.dashboardBySector)) && page.contains("Oujda-Angad"))
            // the balance is counted in SQL, by family and province
            let stats = try #require(try await MeetingPageQuery(id: past.id!).run(on: app.db as! any SQLDatabase)).stats
            #expect(stats.registered == 3 && stats.attended == 2 && stats.waiting == 0)
            #expect(stats.byProvince["02.411"]?.registered == 2 && stats.byFamily["public"]?.registered == 1)

            // minutes: bad input refused, then text, decisions, an attachment and the proposals it gave
            #expect(try await reader.post(url + "/minutes", ["minutes": "Compte rendu détaillé de l'atelier."]).status == .forbidden)
            #expect(try await official.post(url + "/minutes", ["minutes": "court"]).status == .unprocessableEntity)
            #expect(try await official.post(url + "/minutes", ["minutes": "Compte rendu détaillé de l'atelier.", "proposals[0]": UUID().uuidString]).status == .unprocessableEntity)
            #expect(try await Meeting.find(past.id, on: app.db)?.minutesAt == nil)
            try await official.get(url + "/minutes")
            let saved = try await official.postMultipart(url + "/minutes", ["minutes": "Trente participants ; trois groupes de travail.", "decisions": "Publier le budget en CSV.",
                                                                            "proposals[0]": proposal.id!.uuidString],
                                                         file: ("attachment", "liste.csv", "text/csv", Data("nom,organisation\nAmina,Association\n".utf8)))
            #expect(saved.status == .seeOther)
            #expect(try await Meeting.find(past.id, on: app.db)?.minutesAt != nil)
            #expect(try await MeetingFile.query(on: app.db).count() == 1)
            let minutesPage = try await Client(app).get(url).body.string
            #expect(minutesPage.contains("Trente participants") && minutesPage.contains("Publier le budget en CSV.") && minutesPage.contains(proposal.title))
            let proposalPage = try await Client(app).get("/fr/proposals/\(proposal.id!)").body.string
            #expect(proposalPage.contains(Localizer(.fr)(.proposalFromMeeting)) && proposalPage.contains(url))
        }
    }
}
