import Fluent
@testable import SharakaApp
import SharakaCore
import Testing
import Vapor
import VaporTesting

@Suite struct CoCreationAPITests {
    /// A JSON request with an optional bearer token.
    static func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String? = nil, json: [String: Any]? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.replaceOrAdd(name: .authorization, value: "Bearer \(token)") }
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
        }
        var captured: TestingHTTPResponse?
        try await app.testing().test(method, path, headers: headers, body: body, afterResponse: { captured = $0 })
        return captured!
    }

    static func object(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as! [String: Any]
    }

    @Test(arguments: Engine.all)
    func readsAndTokenWrites(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "author@example.ma", name: "Amina")
            try await TestFixtures.user(app, email: "dev@example.ma", name: "Développeuse")
            let existing = try await TestFixtures.proposal(app, process: process, author: author)

            // a token made on the account page, shown once, stored hashed
            let dev = Client(app)
            try await dev.login("dev@example.ma")
            try await dev.get("/fr/account/tokens")
            #expect(try await dev.post("/fr/account/tokens", ["name": ""]).status == .unprocessableEntity)
            let made = try await dev.post("/fr/account/tokens", ["name": "Application de l'association"]).body.string
            let token = try #require(made.range(of: "shk_[A-Za-z0-9_-]+", options: .regularExpression).map { String(made[$0]) })
            let stored = try #require(try await APIToken.query(on: app.db).first())
            #expect(stored.tokenHash == APIToken.hash(token) && !stored.tokenHash.contains(token))

            // reads
            let phases = try await Self.send(app, .GET, "/api/v1/processes/\(process.id!)/phases")
            #expect(phases.status == .ok && phases.body.string.contains("\"current\":true"))
            let list = try Self.object(try await Self.send(app, .GET, "/api/v1/processes/\(process.id!)/proposals?sort=most_supported"))
            #expect(list["total"] as? Int == 1)
            #expect(try await Self.send(app, .GET, "/api/v1/processes/\(process.id!)/proposals?sort=best").status == .badRequest)
            #expect(try await Self.send(app, .GET, "/api/v1/processes/\(process.id!)/proposals?answer=maybe").status == .badRequest)
            #expect(try await Self.send(app, .GET, "/api/v1/processes/\(UUID())/proposals").status == .notFound)
            #expect(try await Self.send(app, .GET, "/api/v1/proposals/nope").status == .badRequest)

            // writes need the token; a session cookie is not enough
            let form: [String: Any] = ["title": "Publier les délibérations du conseil", "body": "Mettre en ligne les délibérations sous quinze jours.",
                                       "language": "fr", "ogp_value": "access_to_information", "theme": "anti_corruption"]
            #expect(try await Self.send(app, .POST, "/api/v1/processes/\(process.id!)/proposals", json: form).status == .unauthorized)
            #expect(try await Self.send(app, .POST, "/api/v1/processes/\(process.id!)/proposals", token: "shk_forged", json: form).status == .unauthorized)
            // bad input: every field explained, nothing stored
            let bad = try await Self.send(app, .POST, "/api/v1/processes/\(process.id!)/proposals", token: token, json: ["title": "court", "language": "xx"])
            #expect(bad.status == .unprocessableEntity && bad.headers.contentType?.subType == "problem+json")
            let errors = try #require(try Self.object(bad)["errors"] as? [String: String])
            #expect(Set(errors.keys).isSuperset(of: ["title", "body", "language", "ogp_value", "theme"]))
            #expect(try await Proposal.query(on: app.db).count() == 1)
            let created = try await Self.send(app, .POST, "/api/v1/processes/\(process.id!)/proposals", token: token, json: form)
            #expect(created.status == .created)
            let newID = try #require(try Self.object(created)["id"] as? String)
            #expect(created.headers.first(name: .location) == "/api/v1/proposals/\(newID)")
            #expect(try await Proposal.query(on: app.db).count() == 2)

            // support: once; twice changes nothing; own proposal refused; take back
            let s1 = try Self.object(try await Self.send(app, .POST, "/api/v1/proposals/\(existing.id!)/support", token: token))
            #expect(s1["changed"] as? Bool == true && s1["supports"] as? Int == 1)
            let s2 = try Self.object(try await Self.send(app, .POST, "/api/v1/proposals/\(existing.id!)/support", token: token))
            #expect(s2["changed"] as? Bool == false && s2["supports"] as? Int == 1)
            #expect(try await Self.send(app, .POST, "/api/v1/proposals/\(newID)/support", token: token).status == .unprocessableEntity)
            let s3 = try Self.object(try await Self.send(app, .DELETE, "/api/v1/proposals/\(existing.id!)/support", token: token))
            #expect(s3["changed"] as? Bool == true && s3["supports"] as? Int == 0)

            // comments: bad body → 422 with the field; a reply; the thread reads back
            let emptyComment = try await Self.send(app, .POST, "/api/v1/comments", token: token, json: ["target_kind": "proposal", "target_id": existing.id!.uuidString, "body": " "])
            #expect(emptyComment.status == .unprocessableEntity && emptyComment.body.string.contains("\"body\""))
            #expect(try await Self.send(app, .POST, "/api/v1/comments", token: token, json: ["target_kind": "planet", "target_id": existing.id!.uuidString, "body": "Bonjour"]).status == .badRequest)
            let c1 = try await Self.send(app, .POST, "/api/v1/comments", token: token, json: ["target_kind": "proposal", "target_id": existing.id!.uuidString, "body": "Je soutiens.", "alignment": "in_favour"])
            #expect(c1.status == .created)
            let c1ID = try #require(try Self.object(c1)["id"] as? String)
            #expect(try await Self.send(app, .POST, "/api/v1/comments", token: token, json: ["target_kind": "proposal", "target_id": existing.id!.uuidString, "parent_id": c1ID, "body": "Et je précise."]).status == .created)
            let thread = try Self.object(try await Self.send(app, .GET, "/api/v1/proposals/\(existing.id!)/comments"))
            let items = try #require(thread["items"] as? [[String: Any]])
            #expect(items.map { $0["depth"] as? Int } == [0, 1] && items[0]["alignment"] as? String == "in_favour")

            // the proposal with its answer
            let official = try await organiserOfficial(app, process)
            try await ProposalAnswer(proposalID: existing.id!, state: .accepted, reasoning: "Retenue pour le plan d'action 2025–2027.", by: official.id!, organisationID: process.$organiser.id).create(on: app.db)
            let one = try Self.object(try await Self.send(app, .GET, "/api/v1/proposals/\(existing.id!)"))
            #expect((one["answer"] as? [String: Any])?["state"] as? String == "accepted" && one["comments"] as? Int == 2)

            // meetings
            #expect(try await Self.send(app, .GET, "/api/v1/processes/\(process.id!)/meetings").body.string == "[]")
            #expect(try await Self.send(app, .GET, "/api/v1/meetings/\(UUID())").status == .notFound)

            // a revoked token stops working
            #expect(try await dev.post("/fr/account/tokens/\(stored.id!)/revoke").status == .seeOther)
            #expect(try await Self.send(app, .POST, "/api/v1/proposals/\(existing.id!)/support", token: token).status == .unauthorized)
        }
    }

    @Test(arguments: Engine.all)
    func proposalListsWalkByCursorOverEveryRowOnceInTheirOrder(engine: Engine) async throws {
        try await withTestApp(engine) { app in
            // setup: proposals with ties in supports, comments and even creation time
            let process = try await processInPhase(app, .proposals)
            let author = try await TestFixtures.user(app, email: "walk@example.ma")
            let sameTime = Date(timeIntervalSince1970: 1_780_000_000.123456)
            for i in 0..<11 {
                let p = try await TestFixtures.proposal(app, process: process, author: author, title: "Proposition numéro \(i) pour la région")
                p.supportsCount = i % 3; p.commentsCount = i % 2
                try await p.save(on: app.db)
                if i % 4 == 0 { try await Proposal.query(on: app.db).filter(\.$id == p.id!).set(\.$createdAt, to: sameTime).update() }
            }
            func page(_ query: String) async throws -> [String: Any] {
                let res = try await Self.send(app, .GET, "/api/v1/processes/\(process.id!)/proposals?\(query)")
                #expect(res.status == .ok, "\(query)")
                return try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as! [String: Any]
            }
            for sort in ["newest", "most_supported", "most_commented"] {
                let all = (try await page("sort=\(sort)&per_page=200")["items"] as! [[String: Any]]).map { $0["id"] as! String }
                // act: three at a time, by cursor
                var walked: [String] = []
                var cursor: String? = nil
                repeat {
                    let body = try await page("sort=\(sort)&per_page=3" + (cursor.map { "&cursor=\($0)" } ?? ""))
                    walked += (body["items"] as! [[String: Any]]).map { $0["id"] as! String }
                    #expect((body["page"] is NSNull) == (cursor != nil))
                    cursor = body["nextCursor"] as? String
                } while cursor != nil && walked.count < 50
                // check: the same rows in the same order as one long page, none twice
                #expect(walked == all, "\(sort)")
                #expect(Set(walked).count == 11)
            }
            // a cursor that is not ours, or belongs to another sort, is a 400 problem
            let newest = try await page("sort=newest&per_page=3")["nextCursor"] as! String
            for bad in ["abc", "%%%", String(repeating: "A", count: 500), newest] {
                let res = try await Self.send(app, .GET, "/api/v1/processes/\(process.id!)/proposals?sort=most_supported&cursor=\(bad)")
                #expect(res.status == .badRequest, "\(bad.prefix(20))")
            }
        }
    }
}
