import Foundation
import SharakaCore

/// Morocco's regions and provinces as shipped in Resources/data (HCP census 2024).
enum Territory {
    struct ProvinceRow { let code: String; let nameFR: String; let nameAR: String; let kind: String; let regionCode: String; let population: Int }
    struct RegionRow { let code: String; let nameFR: String; let nameAR: String; let population: Int }

    static func provinces(ofRegion region: String) throws -> [ProvinceRow] {
        try rows("provinces").compactMap { r in
            guard r.count >= 7, r[5] == region, let pop = Int(r[6]) else { return nil }
            return ProvinceRow(code: r[0], nameFR: r[2], nameAR: r[3], kind: r[4], regionCode: r[5], population: pop)
        }
    }

    static func region(_ code: String) throws -> RegionRow? {
        try rows("regions").first { $0.first == code }.flatMap { r in
            Int(r[4]).map { RegionRow(code: r[0], nameFR: r[2], nameAR: r[3], population: $0) }
        }
    }

    /// A shipped data file's rows after the header.
    static func rows(_ name: String) throws -> [[String]] {
        Array(try CSV.parse(String(contentsOfFile: try path(name), encoding: .utf8)).dropFirst())
    }

    /// Where a file of Resources/data lives ("provinces", "ogp/commitments").
    static func path(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Resources/data") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url.path
    }
}
