import Vapor

/// A request refused for a reason the person should read in their own language
/// (wrong phase, own proposal, no longer editable…). Nothing was changed.
struct Refusal: AbortError {
    let status: HTTPResponseStatus
    let key: L10nKey

    init(_ status: HTTPResponseStatus = .unprocessableEntity, _ key: L10nKey) {
        self.status = status
        self.key = key
    }

    /// English text for API clients and logs.
    var reason: String { Localizer(.en)(key) }
}
