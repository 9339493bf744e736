import Fluent
import Foundation
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor

/// Places are decided on the workshop as it is under its lock: people arriving together never
/// take more places than there are, and freed places go to those waiting, in order, once.
@Suite struct RegistrationRaceTests {
    @Test(arguments: Engine.all)
    func peopleRegisteringAndCancellingAtOnceNeverOverfillAWorkshop(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: a workshop of 3 places next week, twelve people
            let process = try await processInPhase(app, .workshops)
            let (official, base) = try await MeetingTests.organiserAtNewWorkshop(app, process)
            #expect(try await official.post(base, MeetingTests.form(process, starts: Date().addingTimeInterval(7 * 86_400), capacity: 3)).status == .seeOther)
            let meeting = try #require(try await Meeting.query(on: app.db).first())
            var people: [User] = []
            for i in 0..<12 { people.append(try await TestFixtures.user(app, email: "r\(i)@example.ma", name: "Personne \(i)")) }

            // act: all twelve at once, and a second click from one of them
            let statuses = await withTaskGroup(of: RegistrationStatus?.self) { group in
                for u in people + [people[0]] {
                    group.addTask { try? await RegistrationService.register(meeting.id!, user: u, organisation: nil, acceptedTerms: false, app: app, on: app.db).status }
                }
                return await group.reduce(into: [RegistrationStatus?]()) { $0.append($1) }
            }
            // check: three places, nine waiting, nobody twice
            #expect(statuses.filter { $0 == .registered }.count == 3)
            #expect(statuses.filter { $0 == .waiting }.count == 9)
            #expect(statuses.filter { $0 == nil }.count == 1)
            #expect(try await RegistrationService.registered(meeting.id!, on: app.db) == 3)
            #expect(try await MeetingRegistration.query(on: app.db).count() == 12)

            // act: the three with places cancel at once
            let placed = try await MeetingRegistration.query(on: app.db).filter(\.$status == "registered").all().map(\.$user.id)
            let waiting = try await MeetingRegistration.query(on: app.db).filter(\.$status == "waiting").sort(\.$createdAt).sort(\.$id).all().map(\.$user.id)
            await withTaskGroup(of: Void.self) { group in
                for id in placed {
                    let u = people.first { $0.id == id }!
                    group.addTask { try? await RegistrationService.cancel(meeting.id!, user: u, language: .fr, app: app, on: app.db) }
                }
            }
            // check: the first three waiting got the places, were told once each, the rest still wait
            let now = try await MeetingRegistration.query(on: app.db).filter(\.$status == "registered").all().map(\.$user.id)
            #expect(Set(now) == Set(waiting.prefix(3)))
            #expect(try await MeetingRegistration.query(on: app.db).filter(\.$status == "waiting").count() == 6)
            try await NotificationQueue.deliverQueued(app)
            let told = try await Notification.query(on: app.db).filter(\.$kind == "promoted").all().map(\.$user.id)
            #expect(told.count == 3 && Set(told) == Set(waiting.prefix(3)))
        }
    }
}
