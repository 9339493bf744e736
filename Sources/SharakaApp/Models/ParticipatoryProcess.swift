import Fluent
import SharakaCore
import Vapor

final class ParticipatoryProcess: Model, @unchecked Sendable {
    static let schema = "processes"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "published_at") var publishedAt: Date?

    // data fields
    @Field(key: "title") var title: LocalizedText
    @Field(key: "summary") var summary: LocalizedText
    @Field(key: "description") var description: LocalizedText
    /// Province codes; empty means the whole region. Wrapped in an object because
    /// PostgreSQL's driver would send a bare Swift array as text[], not JSON.
    @Field(key: "scope") var scopeCodes: ProvinceCodes
    var scope: [String] {
        get { scopeCodes.codes }
        set { scopeCodes = ProvinceCodes(codes: newValue) }
    }
    @Field(key: "contact") var contact: String
    @Field(key: "hashtag") var hashtag: String
    @Field(key: "status") var status: String

    // relationships
    @Parent(key: "organisation_id") var organiser: Organisation
    /// The phase whose start followers were last told about ("none" before the first).
    @OptionalField(key: "announced_phase") var announcedPhase: String?
    @Children(for: \.$process) var phases: [Phase]

    init() {}

    var statusValue: ProcessStatus { ProcessStatus(rawValue: status) ?? .draft }

    var timeline: Timeline {
        Timeline($phases.value?.compactMap(\.window) ?? [])
    }
}

struct ProvinceCodes: Codable, Sendable, Equatable {
    var codes: [String]
}

final class Phase: Model, @unchecked Sendable {
    static let schema = "phases"

    @ID(key: .id) var id: UUID?
    @Parent(key: "process_id") var process: ParticipatoryProcess
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: LocalizedText
    @Field(key: "description") var description: LocalizedText
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String

    init() {}

    init(processID: UUID, kind: PhaseKind, name: LocalizedText, description: LocalizedText = .init(), starts: Day, ends: Day) {
        self.$process.id = processID
        self.kind = kind.rawValue
        self.name = name
        self.description = description
        self.startsOn = starts.iso
        self.endsOn = ends.iso
    }

    var kindValue: PhaseKind { PhaseKind(rawValue: kind) ?? .information }

    var window: PhaseWindow? {
        guard let s = Day(iso: startsOn), let e = Day(iso: endsOn) else { return nil }
        return PhaseWindow(kind: kindValue, starts: s, ends: e)
    }
}
