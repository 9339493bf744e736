import Fluent
import SharakaCore
import Vapor

/// Loads the Oriental Region with its provinces, organisations of every sector and
/// demo accounts. Runs once: a database that already has a region is left alone.
enum DemoSeed {
    struct Account { let email: String; let password: String; let role: Role }

    static let regionCode = "02"

    /// Returns the demo accounts created (with their clear passwords), or [] if the region already existed.
    @discardableResult
    static func run(on app: Application, markAsDemo: Bool = true) async throws -> [Account] {
        let db = app.db
        if try await Region.query(on: db).count() > 0 { return [] }
        guard let row = try Territory.region(regionCode) else { throw Abort(.internalServerError, reason: "region data missing") }
        let accounts = try await db.transaction { db in
            var accounts: [Account] = []
            try await Region(code: row.code,
                             name: LocalizedText([.ar: "جهة \(row.nameAR)", .fr: "Région de l'\(row.nameFR)", .en: "\(row.nameFR) Region", .zgh: "ⵜⴰⵎⵏⴰⴹⵜ ⵏ ⵓⴳⵎⵎⴰⴹ"]),
                             contactEmail: "contact@demo.sharaka.ma", contactPhone: "+212 536 00 00 00",
                             address: "Oujda", isDemo: markAsDemo).create(on: db)
            let provinces = try Territory.provinces(ofRegion: regionCode)
            for p in provinces {
                try await Province(code: p.code, name: LocalizedText([.ar: p.nameAR, .fr: p.nameFR, .en: p.nameFR]), kind: p.kind, population: p.population).create(on: db)
            }
            var orgs: [Sector: [Organisation]] = [:]
            for (sector, names) in DemoOrganisations.all(provinces: provinces) {
                for (i, name) in names.enumerated() {
                    let org = Organisation(name: name, sector: sector, provinceCode: sector == .regionalCouncil ? nil : provinces[i % provinces.count].code,
                                           website: i % 3 == 0 ? "https://example.org/\(sector.rawValue)/\(i + 1)" : "",
                                           description: LocalizedText([.fr: "Organisation de démonstration.", .ar: "هيئة للعرض التجريبي."]))
                    try await org.create(on: db)
                    orgs[sector, default: []].append(org)
                }
            }
            var process: ParticipatoryProcess?
            if let council = orgs[.regionalCouncil]?.first {
                process = try await DemoProcess.create(organiser: council, today: Day(Date()), on: db)
            }
            var official: User?, reviewer: User?
            let people: [(String, String, Role, Sector?)] = [
                ("admin@demo.sharaka.ma", "مدير المنصة", .administrator, nil),
                ("moderator@demo.sharaka.ma", "Modératrice Démo", .moderator, nil),
                ("official@demo.sharaka.ma", "مسؤول مجلس الجهة", .official, .regionalCouncil),
                ("association@demo.sharaka.ma", "Association Démo", .organisationMember, .association),
                ("citizen@demo.sharaka.ma", "مواطنة تجريبية", .citizen, nil),
                ("reviewer@demo.sharaka.ma", "Chercheuse indépendante (démo)", .reviewer, nil),
            ]
            for (email, name, role, sector) in people {
                let password = DemoPassword.make()
                let user = User(name: name, email: email, passwordHash: try await app.password.async.hash(password).get(),
                                language: .ar, provinceCode: provinces.first?.code, role: role)
                user.confirmedAt = Date()
                try await user.create(on: db)
                if let sector, let org = orgs[sector]?.first {
                    try await Membership(userID: user.id!, organisationID: org.id!, role: .manager).create(on: db)
                }
                accounts.append(Account(email: email, password: password, role: role))
                switch role {
                case .official: official = user
                case .reviewer: reviewer = user
                default: break
                }
            }
            if let process, let council = orgs[.regionalCouncil]?.first, let official {
                // Participants cannot sign in: their password is a random one nobody knows.
                let hash = try await app.password.async.hash(DemoPassword.make() + DemoPassword.make()).get()
                try await DemoCoCreation.seed(process: process, council: council, orgs: orgs, provinces: provinces.map(\.code),
                                              official: official, passwordHash: hash, on: db)
                try await DemoPlan.seed(council: council, official: official, reviewer: reviewer!, process: process, app: app, on: db)
            }
            app.regionCache.invalidate()
            app.homeFacts.invalidate()
            return accounts
        }
        // Morocco's real plans beside the demo one, and the Oriental's confirmed commitment into it.
        _ = try await ImportCommitmentsCommand.importFiles(app, commitments: try Territory.path("ogp/commitments"), plans: try Territory.path("ogp/plans"))
        return accounts
    }

    static func printAccounts(_ accounts: [Account], logger: Logger) {
        guard !accounts.isEmpty else { return }
        var lines = ["", "Demo accounts (DEMO DATA — change or delete before real use):"]
        for a in accounts { lines.append("  \(a.role.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)) \(a.email)  password: \(a.password)") }
        print(lines.joined(separator: "\n") + "\n")
    }
}

enum DemoPassword {
    /// Readable but strong enough: 4 groups of letters and digits.
    static func make() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        let groups = (0..<4).map { _ in String((0..<4).map { _ in alphabet.randomElement()! }) }
        return groups.joined(separator: "-") + "7"
    }
}
