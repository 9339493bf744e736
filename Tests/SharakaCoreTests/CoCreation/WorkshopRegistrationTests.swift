import Foundation
import SharakaCore
import Testing

@Suite struct WorkshopRegistrationTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    func workshop(capacity: Int = 2, registered: Int = 0, open: Bool = true, published: Bool = true, startsIn: TimeInterval = 86_400,
                  terms: Bool = false) -> WorkshopRegistration.Workshop {
        .init(processPublished: published, registrationOpen: open, starts: now.addingTimeInterval(startsIn), capacity: capacity,
              registered: registered, requiresTerms: terms)
    }

    @Test func aFreePlaceIsGivenAndAFullWorkshopPutsPeopleOnTheWaitingList() {
        #expect(WorkshopRegistration.register(workshop(registered: 1), alreadyRegistered: false, acceptedTerms: false, now: now) == .success(.registered))
        #expect(WorkshopRegistration.register(workshop(registered: 2), alreadyRegistered: false, acceptedTerms: false, now: now) == .success(.waiting))
    }

    @Test func closedStartedOrUnpublishedWorkshopsRefuse() {
        for w in [workshop(open: false), workshop(published: false), workshop(startsIn: 0), workshop(startsIn: -60)] {
            #expect(WorkshopRegistration.register(w, alreadyRegistered: false, acceptedTerms: true, now: now) == .failure(.closed))
        }
    }

    @Test func termsMustBeAcceptedWhenThereAreAny() {
        #expect(WorkshopRegistration.register(workshop(terms: true), alreadyRegistered: false, acceptedTerms: false, now: now) == .failure(.termsNotAccepted))
        #expect(WorkshopRegistration.register(workshop(terms: true), alreadyRegistered: false, acceptedTerms: true, now: now) == .success(.registered))
    }

    @Test func nobodyRegistersTwice() {
        #expect(WorkshopRegistration.register(workshop(), alreadyRegistered: true, acceptedTerms: true, now: now) == .failure(.alreadyRegistered))
    }

    @Test func cancellingIsPossibleUntilTheStart() {
        #expect(WorkshopRegistration.cancel(starts: now.addingTimeInterval(1), now: now) == nil)
        #expect(WorkshopRegistration.cancel(starts: now, now: now) == .closed)
    }

    @Test func freedPlacesGoToThoseWaitingInOrderOfArrival() {
        let waiting = (0..<4).map { _ in UUID() }
        #expect(WorkshopRegistration.promotions(capacity: 5, registered: 3, waiting: waiting) == Array(waiting.prefix(2)))
        #expect(WorkshopRegistration.promotions(capacity: 5, registered: 5, waiting: waiting).isEmpty)
        #expect(WorkshopRegistration.promotions(capacity: 3, registered: 5, waiting: waiting).isEmpty)
        #expect(WorkshopRegistration.promotions(capacity: 50, registered: 0, waiting: waiting) == waiting)
    }

    @Test func capacityNeverDropsBelowThePlacesGiven() {
        #expect(WorkshopRegistration.changeCapacity(to: 9, registered: 10) == .capacityBelowRegistered(10))
        #expect(WorkshopRegistration.changeCapacity(to: 10, registered: 10) == nil)
    }
}
