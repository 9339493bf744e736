import SharakaCore

extension Localizer {
    func ogpValue(_ v: OGPValue) -> String {
        switch v {
        case .accessToInformation: self(.valueAccessToInformation)
        case .civicParticipation: self(.valueCivicParticipation)
        case .publicAccountability: self(.valuePublicAccountability)
        case .technologyInnovation: self(.valueTechnologyInnovation)
        }
    }

    func theme(_ v: ProposalTheme) -> String {
        switch v {
        case .fiscalTransparency: self(.themeFiscalTransparency)
        case .publicServices: self(.themePublicServices)
        case .antiCorruption: self(.themeAntiCorruption)
        case .accessToJustice: self(.themeAccessToJustice)
        case .environment: self(.themeEnvironment)
        case .openData: self(.themeOpenData)
        case .other: self(.themeOther)
        }
    }

    func family(_ f: Sector.Family?) -> String {
        switch f {
        case .publicSector: self(.familyPublic)
        case .civilSociety: self(.familyCivilSociety)
        case .privateSector: self(.familyPrivate)
        case .academiaMedia: self(.familyAcademiaMedia)
        case nil: self(.familyCitizens)
        }
    }
}
