import Fluent
import SharakaCore
import Vapor

/// Read-only JSON for the region and its organisations. Listed in `OpenAPIDocument`;
/// a test checks that both agree.
enum APIRoutes {
    static func register(_ api: any RoutesBuilder) {
        api.get("openapi.json", use: OpenAPIDocument.serve)
        api.get("region", use: region)
        api.get("provinces", use: provinces)
        api.get("organisations", use: organisations)
        api.get("organisations", ":id", use: organisation)
        ProcessAPI.register(api)
        CoCreationAPI.register(api)
        MonitoringAPI.register(api)
    }

    @Sendable static func region(req: Request) async throws -> RegionDTO {
        guard let r = try await Region.query(on: req.db).first() else { throw Abort(.notFound, reason: "No region is set up.") }
        return RegionDTO(code: r.code, name: r.name.values, contactEmail: r.contactEmail, contactPhone: r.contactPhone,
                         address: r.address, logo: r.logoSHA256.map { SiteURL.file($0) }, demo: r.isDemo)
    }

    @Sendable static func provinces(req: Request) async throws -> [ProvinceDTO] {
        try await ProvinceList.all(on: req.sql).map { ProvinceDTO(code: $0.code, name: $0.name.values, kind: $0.kind, population: $0.population) }
    }

    @Sendable static func organisations(req: Request) async throws -> PageDTO<OrganisationDTO> {
        let paging = try APIPaging(req)
        var sector: Sector?
        if let raw = try req.query.get(String?.self, at: "sector") {
            guard let s = Sector(rawValue: raw) else { throw Abort(.badRequest, reason: "Unknown sector '\(raw)'.") }
            sector = s
        }
        let text = (try? req.query.get(String.self, at: "q")) ?? ""
        guard text.count <= 100 else { throw Abort(.badRequest, reason: "q is at most 100 characters.") }
        let list = try await OrganisationQuery.page(sector: sector, text: text, offset: paging.range.lowerBound, limit: paging.range.count, on: req.sql)
        return PageDTO(items: list.items.map(OrganisationDTO.init), page: paging.page, perPage: paging.per, total: list.total)
    }

    @Sendable static func organisation(req: Request) async throws -> OrganisationDTO {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.badRequest, reason: "The id must be a UUID.") }
        guard let found = try await OrganisationQuery.one(id, on: req.sql) else { throw Abort(.notFound, reason: "No organisation with this id.") }
        return OrganisationDTO(found.item)
    }
}

struct RegionDTO: Content {
    let code: String
    let name: [String: String]
    let contactEmail: String
    let contactPhone: String
    let address: String
    let logo: String?
    let demo: Bool
}

struct ProvinceDTO: Content {
    let code: String
    let name: [String: String]
    let kind: String
    let population: Int
}

struct OrganisationDTO: Content {
    let id: UUID
    let name: [String: String]
    let sector: String
    let province: String?
    let website: String
    let description: [String: String]

    init(_ o: OrganisationItem) {
        id = o.id
        name = o.name.values
        sector = o.sector.rawValue
        province = o.provinceCode
        website = o.website
        description = o.description.values
    }
}

struct PageDTO<Item: Content>: Content {
    let items: [Item]
    /// Null when the page was asked for by cursor.
    @NullWhenAbsent var page: Int?
    let perPage: Int
    let total: Int
    /// Where the next page starts, for lists read by keyset; null on the last page.
    @NullWhenAbsent var nextCursor: String?

    init(items: [Item], page: Int?, perPage: Int, total: Int, nextCursor: String? = nil) {
        self.items = items; self.page = page; self.perPage = perPage; self.total = total; self.nextCursor = nextCursor
    }
}
