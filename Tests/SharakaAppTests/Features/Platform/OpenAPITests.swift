import Fluent
@testable import SharakaApp
import Testing
import Vapor

@Suite struct OpenAPITests {
    @Test(arguments: Engine.all)
    func documentDescribesExactlyTheRoutesThatExist(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let res = try await Client(app).get("/api/v1/openapi.json")
            #expect(res.status == .ok)
            let doc = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as! [String: Any]
            #expect(doc["openapi"] as? String == "3.1.0")
            let documented = Set((doc["paths"] as! [String: [String: Any]]).flatMap { path, ops in ops.keys.map { "\($0.uppercased()) /api/v1\(path)" } })
            let routed = Set(app.routes.all.compactMap { route -> String? in
                let parts = route.path.map { c -> String in
                    if case .parameter(let name) = c { return "{\(name)}" }
                    return c.description
                }
                guard parts.starts(with: ["api", "v1"]) else { return nil }
                return "\(route.method.rawValue) /" + parts.joined(separator: "/")
            })
            #expect(documented == routed)
        }
    }

    @Test(arguments: Engine.all)
    func organisationsEndpointPaginatesAndFilters(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            for i in 0..<7 {
                try await Organisation(name: .init([.fr: "Association \(i)"]), sector: i < 5 ? .association : .company, provinceCode: "02.411").create(on: app.db)
            }
            let client = Client(app)
            let res = try await client.get("/api/v1/organisations?per_page=2&page=2&sector=association")
            let page = try JSONDecoder().decode(PageDTO<OrganisationDTO>.self, from: Data(res.body.string.utf8))
            #expect(page.total == 5 && page.items.count == 2 && page.page == 2)
            #expect(try await client.get("/api/v1/organisations?sector=banks").status == .badRequest)
            #expect(try await client.get("/api/v1/organisations/\(page.items[0].id)").status == .ok)
            #expect(try await client.get("/api/v1/organisations/nope").status == .badRequest)
            let region = try JSONDecoder().decode(RegionDTO.self, from: Data(try await client.get("/api/v1/region").body.string.utf8))
            #expect(region.code == "02" && region.name["ar"] == "جهة الشرق")
            #expect(try await client.get("/api/v1/provinces").body.string.contains("02.411"))
        }
    }
}
