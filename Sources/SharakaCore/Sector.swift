/// The stakeholder families OGP asks co-creation to balance.
public enum Sector: String, CaseIterable, Sendable, Codable {
    case regionalCouncil = "regional_council"
    case prefectureProvince = "prefecture_province"
    case deconcentratedAdministration = "deconcentrated_administration"
    case association
    case company
    case academiaMedia = "academia_media"

    /// The four groups dashboards count contributions by.
    public enum Family: String, CaseIterable, Sendable { case publicSector = "public", civilSociety = "civil_society", privateSector = "private", academiaMedia = "academia_media" }

    public var family: Family {
        switch self {
        case .regionalCouncil, .prefectureProvince, .deconcentratedAdministration: .publicSector
        case .association: .civilSociety
        case .company: .privateSector
        case .academiaMedia: .academiaMedia
        }
    }

    public var isPublicBody: Bool { family == .publicSector }
}

/// Roles inside one organisation.
public enum MembershipRole: String, CaseIterable, Sendable, Codable {
    case member, manager
}
