import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// Workshops keep to their process's dates; attendance and minutes keep to the workshop's.
@Suite struct MeetingTimingAppTests {
    @Test(arguments: Engine.all)
    func attendanceAndMinutesWaitForTheWorkshopAndWorkshopsForTheProcess(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a process running from 40 days ago to 20 days ahead, its official
            let process = try await processInPhase(app, .workshops)
            let (official, base) = try await MeetingTests.organiserAtNewWorkshop(app, process)
            let t = Localizer(.fr)

            // act + check: a workshop before the process began is refused next to its date
            let early = try await official.post(base, MeetingTests.form(process, starts: Date().addingTimeInterval(-60 * 86_400)))
            #expect(early.status == .unprocessableEntity && early.body.string.contains(t(.errMeetingOutsideProcess).textEscaped))
            #expect(try await Meeting.query(on: app.db).count() == 0)

            // a workshop under way (started an hour ago, three hours long)
            #expect(try await official.post(base, MeetingTests.form(process, starts: Date().addingTimeInterval(-3600))).status == .seeOther)
            let now = try #require(try await Meeting.query(on: app.db).first())
            try await official.get("/fr/meetings/\(now.id!)/minutes")
            let minutes = try await official.post("/fr/meetings/\(now.id!)/minutes", ["minutes": "Compte rendu détaillé de l'atelier."])
            #expect(minutes.status == .unprocessableEntity && minutes.body.string.contains(t(.errMinutesBeforeMeeting).textEscaped))
            // attendance is taken while it runs …
            #expect(try await official.post("/fr/meetings/\(now.id!)/attendance", [:]).status == .seeOther)

            // … not before it starts
            #expect(try await official.post(base, MeetingTests.form(process, starts: Date().addingTimeInterval(86_400))).status == .seeOther)
            let later = try #require(try await Meeting.query(on: app.db).filter(\.$id != now.id!).first())
            let refused = try await official.post("/fr/meetings/\(later.id!)/attendance", [:])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains(t(.errAttendanceBeforeMeeting).textEscaped))
        }
    }
}
