import Foundation

/// Registration for a workshop with a waiting list, decided on the workshop as it is under
/// its row lock: the count of places taken, whether registration is still open, whether the
/// person is already on the list. Places go in order of arrival and are never given twice.
public enum WorkshopRegistration {
    public struct Workshop: Sendable, Equatable {
        public var processPublished: Bool
        public var registrationOpen: Bool
        public var starts: Date
        public var capacity: Int
        /// Places taken (registrations with the status "registered").
        public var registered: Int
        public var requiresTerms: Bool

        public init(processPublished: Bool, registrationOpen: Bool, starts: Date, capacity: Int, registered: Int, requiresTerms: Bool) {
            self.processPublished = processPublished; self.registrationOpen = registrationOpen; self.starts = starts
            self.capacity = capacity; self.registered = registered; self.requiresTerms = requiresTerms
        }
    }

    public enum Refusal: Error, Sendable, Equatable {
        /// Registration is closed, the workshop has started, or its process is not published.
        case closed
        /// The workshop has terms and they were not accepted.
        case termsNotAccepted
        /// The person is already registered or waiting.
        case alreadyRegistered
        /// Capacity below the places already given.
        case capacityBelowRegistered(Int)
    }

    public static func register(_ w: Workshop, alreadyRegistered: Bool, acceptedTerms: Bool, now: Date) -> Result<RegistrationStatus, Refusal> {
        guard w.processPublished, MeetingRules.canRegister(open: w.registrationOpen, starts: w.starts, now: now) else { return .failure(.closed) }
        if w.requiresTerms, !acceptedTerms { return .failure(.termsNotAccepted) }
        if alreadyRegistered { return .failure(.alreadyRegistered) }
        return .success(MeetingRules.statusForNew(registered: w.registered, capacity: w.capacity))
    }

    /// Cancelling is possible until the workshop starts; the place freed goes to the waiting list.
    public static func cancel(starts: Date, now: Date) -> Refusal? {
        now < starts ? nil : .closed
    }

    /// The people waiting (in order of arrival) who now get a place.
    public static func promotions(capacity: Int, registered: Int, waiting: [UUID]) -> [UUID] {
        Array(waiting.prefix(max(0, capacity - registered)))
    }

    /// Places already given stay given: capacity cannot drop below the registered count.
    public static func changeCapacity(to capacity: Int, registered: Int) -> Refusal? {
        capacity < registered ? .capacityBelowRegistered(registered) : nil
    }
}
