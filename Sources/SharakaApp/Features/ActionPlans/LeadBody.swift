import Foundation
import SharakaCore

/// The body that leads a commitment: the organisation on the platform, its name in the
/// reader's language; the name as written in an imported plan only when it names no
/// organisation here. One council is one body on every page and chart, whatever the language.
struct LeadBody: Sendable, Hashable {
    let organisationID: UUID?
    let organisationName: LocalizedText?
    let written: String

    func name(in lang: Language) -> String { organisationName?.resolve(for: lang)?.text ?? written }

    /// What pages group by: the organisation, or the written name when there is none.
    var key: String { organisationID?.uuidString ?? written }
}
