import Foundation
import SharakaCore
import Vapor

/// Answer states as the API spells them.
enum AnswerStateNames { static var all: [String] { AnswerState.allCases.map(\.rawValue) } }

/// The OpenAPI 3.1 description of /api/v1, written by hand next to the routes it describes.
enum OpenAPIDocument {
    static let json: Data = {
        let localized: [String: Any] = ["type": "object", "description": "Text per language code (ar, fr, en, zgh).",
                                        "additionalProperties": ["type": "string"]]
        let problem: [String: Any] = ["description": "Problem details (RFC 9457)",
                                      "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]]
        func ok(_ schema: [String: Any], _ description: String = "OK") -> [String: Any] {
            ["description": description, "content": ["application/json": ["schema": schema]]]
        }
        func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
        let idParam: [String: Any] = ["name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
        let paging = APIPaging.openAPIParameters
        let invalid: [String: Any] = ["description": "Validation problems per field",
                                      "content": ["application/problem+json": ["schema": ref("ValidationProblem")]]]
        let bearer: [[String: Any]] = [["token": []]]
        let writeErrors: [String: Any] = ["400": problem, "401": problem, "404": problem]
        func merged(_ a: [String: Any], _ b: [String: Any]) -> [String: Any] { a.merging(b) { x, _ in x } }
        let coCreation: [String: Any] = [
            "/processes/{id}/phases": ["get": ["operationId": "listPhases", "summary": "The timeline of a process",
                                                "parameters": [idParam], "responses": ["200": ok(["type": "array", "items": ref("Phase")]), "400": problem, "404": problem]]],
            "/processes/{id}/proposals": [
                "get": ["operationId": "listProposals", "summary": "Proposals of a process with supports and current answer",
                        "parameters": [idParam] + paging + [
                            ["name": "sort", "in": "query", "schema": ["type": "string", "enum": ["newest", "most_supported", "most_commented"], "default": "newest"]],
                            ["name": "answer", "in": "query", "schema": ["type": "string", "enum": ["none"] + AnswerStateNames.all]],
                            ["name": "cursor", "in": "query", "description": "nextCursor of the previous page, for the same sort: reads on along the index (page is then ignored).",
                             "schema": ["type": "string", "maxLength": 400]]],
                        "responses": ["200": ok(ref("ProposalPage")), "400": problem, "404": problem]],
                "post": ["operationId": "createProposal", "summary": "Publish a proposal (during the proposals phase)", "security": bearer,
                         "parameters": [idParam],
                         "requestBody": ["required": true, "content": ["application/json": ["schema": ref("NewProposal")]]],
                         "responses": merged(["201": ok(ref("Proposal"), "Created"), "422": invalid], writeErrors)],
            ],
            "/proposals/{id}": ["get": ["operationId": "getProposal", "summary": "One proposal with its answer history",
                                        "parameters": [idParam], "responses": ["200": ok(ref("Proposal")), "400": problem, "404": problem]]],
            "/proposals/{id}/comments": ["get": ["operationId": "listProposalComments", "summary": "The comment thread of a proposal, oldest first, in thread order",
                                                 "parameters": [idParam] + paging, "responses": ["200": ok(ref("CommentPage")), "400": problem, "404": problem]]],
            "/proposals/{id}/support": [
                "post": ["operationId": "supportProposal", "summary": "Support a proposal (once per account)", "security": bearer, "parameters": [idParam],
                         "responses": merged(["200": ok(ref("Support")), "422": problem], writeErrors)],
                "delete": ["operationId": "unsupportProposal", "summary": "Take back a support", "security": bearer, "parameters": [idParam],
                           "responses": merged(["200": ok(ref("Support")), "422": problem], writeErrors)],
            ],
            "/comments": ["post": ["operationId": "createComment", "summary": "Comment on a proposal, process or meeting, or reply (depth ≤ 3)", "security": bearer,
                                   "requestBody": ["required": true, "content": ["application/json": ["schema": ref("NewComment")]]],
                                   "responses": merged(["201": ok(ref("Comment"), "Created"), "422": invalid], writeErrors)]],
            "/processes/{id}/meetings": ["get": ["operationId": "listMeetings", "summary": "Workshops of a process",
                                                 "parameters": [idParam], "responses": ["200": ok(["type": "array", "items": ref("Meeting")]), "400": problem, "404": problem]]],
            "/meetings/{id}": ["get": ["operationId": "getMeeting", "summary": "One workshop, with minutes once written",
                                       "parameters": [idParam], "responses": ["200": ok(ref("Meeting")), "400": problem, "404": problem]]],
        ]
        let uuid: [String: Any] = ["type": "string", "format": "uuid"]
        let nullableUUID: [String: Any] = ["type": ["string", "null"], "format": "uuid"]
        let dateTime: [String: Any] = ["type": "string", "format": "date-time"]
        let coCreationSchemas: [String: Any] = [
            "ValidationProblem": ["type": "object", "required": ["type", "title", "status", "errors"], "properties": [
                "type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"], "detail": ["type": "string"],
                "errors": ["type": "object", "additionalProperties": ["type": "string"]]]],
            "Answer": ["type": "object", "required": ["state", "reasoning", "date", "organisation"], "properties": [
                "state": ["type": "string", "enum": AnswerStateNames.all], "reasoning": ["type": "string"], "date": dateTime, "organisation": uuid]],
            "Proposal": ["type": "object", "required": ["id", "process", "title", "body", "language", "ogpValue", "theme", "status", "supports", "comments"], "properties": [
                "id": uuid, "process": uuid, "title": ["type": "string"], "body": ["type": "string"], "language": ["type": "string"],
                "ogpValue": ["type": "string"], "theme": ["type": "string"], "province": ["type": ["string", "null"]], "organisation": nullableUUID,
                "status": ["type": "string", "enum": ["published", "withdrawn"]], "supports": ["type": "integer"], "comments": ["type": "integer"],
                "mergedInto": nullableUUID, "createdAt": dateTime, "answer": ["oneOf": [ref("Answer"), ["type": "null"]]],
                "answerHistory": ["type": "array", "items": ref("Answer")]]],
            "ProposalPage": ["type": "object", "required": ["items", "page", "perPage", "total"], "properties": [
                "items": ["type": "array", "items": ref("Proposal")], "page": ["type": ["integer", "null"], "description": "Null when asked for by cursor."], "perPage": ["type": "integer"], "total": ["type": "integer"], "nextCursor": ["type": ["string", "null"], "description": "Pass as cursor for the next page (proposals); null on the last page."]]],
            "NewProposal": ["type": "object", "required": ["title", "body", "language", "ogp_value", "theme"], "properties": [
                "title": ["type": "string", "minLength": ProposalRules.titleLength.lowerBound, "maxLength": ProposalRules.titleLength.upperBound],
                "body": ["type": "string", "minLength": ProposalRules.bodyLength.lowerBound, "maxLength": ProposalRules.bodyLength.upperBound],
                "language": ["type": "string", "enum": ["ar", "fr", "en", "zgh"]],
                "ogp_value": ["type": "string", "enum": ["access_to_information", "civic_participation", "public_accountability", "technology_innovation"]],
                "theme": ["type": "string", "enum": ["fiscal_transparency", "public_services", "anti_corruption", "access_to_justice", "environment", "open_data", "other"]],
                "province": ["type": "string"], "on_behalf": ["type": "string", "format": "uuid", "description": "An organisation the account belongs to."]]],
            "Comment": ["type": "object", "required": ["id", "depth", "status", "alignment", "upVotes", "downVotes", "createdAt", "edited"], "properties": [
                "id": uuid, "parent": nullableUUID, "depth": ["type": "integer", "minimum": 0, "maximum": 3],
                "body": ["type": ["string", "null"]], "status": ["type": "string", "enum": ["published", "deleted", "hidden"]],
                "alignment": ["type": "string", "enum": ["in_favour", "against", "neutral"]], "author": ["type": ["string", "null"]],
                "upVotes": ["type": "integer"], "downVotes": ["type": "integer"], "createdAt": dateTime, "edited": ["type": "boolean"]]],
            "CommentPage": ["type": "object", "required": ["items", "page", "perPage", "total"], "properties": [
                "items": ["type": "array", "items": ref("Comment")], "page": ["type": ["integer", "null"], "description": "Null when asked for by cursor."], "perPage": ["type": "integer"], "total": ["type": "integer"], "nextCursor": ["type": ["string", "null"], "description": "Pass as cursor for the next page (proposals); null on the last page."]]],
            "NewComment": ["type": "object", "required": ["target_kind", "target_id", "body"], "properties": [
                "target_kind": ["type": "string", "enum": Comment.Target.allCases.map(\.rawValue)], "target_id": uuid, "parent_id": uuid,
                "body": ["type": "string", "minLength": CommentRules.bodyLength.lowerBound, "maxLength": CommentRules.bodyLength.upperBound], "alignment": ["type": "string", "enum": ["in_favour", "against", "neutral"]]]],
            "Support": ["type": "object", "required": ["proposal", "supported", "changed", "supports"], "properties": [
                "proposal": uuid, "supported": ["type": "boolean"], "changed": ["type": "boolean"], "supports": ["type": "integer"]]],
            "Meeting": ["type": "object", "required": ["id", "process", "title", "kind", "startsAt", "endsAt", "capacity", "registered", "waiting", "registrationOpen", "organiser", "proposals"], "properties": [
                "id": uuid, "process": uuid, "title": ref("LocalizedText"), "description": ref("LocalizedText"),
                "kind": ["type": "string", "enum": ["in_person", "online", "hybrid"]], "address": ["type": "string"], "link": ["type": "string"],
                "startsAt": dateTime, "endsAt": dateTime, "capacity": ["type": "integer"], "registered": ["type": "integer"], "waiting": ["type": "integer"],
                "registrationOpen": ["type": "boolean"], "organiser": uuid, "minutes": ["type": ["string", "null"]], "decisions": ["type": ["string", "null"]],
                "proposals": ["type": "array", "items": uuid]]],
        ]
        let doc: [String: Any] = [
            "openapi": "3.1.0",
            "info": ["title": "Sharaka API", "version": "1.0.0",
                     "description": "Open data of the Sharaka open-government platform: the region, its provinces, the organisations taking part, the participatory processes, the action plans and their monitoring."],
            "servers": [["url": "/api/v1"]],
            "paths": coCreation.merging(MonitoringOpenAPI.paths) { a, _ in a }.merging([
                "/openapi.json": ["get": ["operationId": "getOpenAPI", "summary": "This document",
                                          "responses": ["200": ok(["type": "object"])]]],
                "/region": ["get": ["operationId": "getRegion", "summary": "The region this instance serves",
                                    "responses": ["200": ok(["$ref": "#/components/schemas/Region"]), "404": problem]]],
                "/provinces": ["get": ["operationId": "listProvinces", "summary": "Prefectures and provinces of the region",
                                       "responses": ["200": ok(["type": "array", "items": ["$ref": "#/components/schemas/Province"]])]]],
                "/organisations": ["get": [
                    "operationId": "listOrganisations", "summary": "Organisations, paginated",
                    "parameters": paging + [
                        ["name": "sector", "in": "query", "schema": ["$ref": "#/components/schemas/Sector"]],
                        ["name": "q", "in": "query", "schema": ["type": "string", "maxLength": 100]],
                    ],
                    "responses": ["200": ok(["$ref": "#/components/schemas/OrganisationPage"]), "400": problem],
                ]],
                "/processes": ["get": ["operationId": "listProcesses", "summary": "Published participatory processes with their timelines",
                                       "responses": ["200": ok(["type": "array", "items": ["$ref": "#/components/schemas/Process"]])]]],
                "/processes/{id}": ["get": [
                    "operationId": "getProcess", "summary": "One published process",
                    "parameters": [["name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]],
                    "responses": ["200": ok(["$ref": "#/components/schemas/Process"]), "400": problem, "404": problem],
                ]],
                "/organisations/{id}": ["get": [
                    "operationId": "getOrganisation", "summary": "One organisation",
                    "parameters": [["name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]],
                    "responses": ["200": ok(["$ref": "#/components/schemas/Organisation"]), "400": problem, "404": problem],
                ]],
            ] as [String: Any]) { a, _ in a },
            "components": ["securitySchemes": ["token": ["type": "http", "scheme": "bearer", "description": "A personal token made on the account page (shk_…)."]],
                           "schemas": coCreationSchemas.merging(MonitoringOpenAPI.schemas) { a, _ in a }.merging([
                "Problem": ["type": "object", "required": ["type", "title", "status"], "properties": [
                    "type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"],
                    "detail": ["type": "string"], "instance": ["type": "string"]]],
                "LocalizedText": localized,
                "Sector": ["type": "string", "enum": ["regional_council", "prefecture_province", "deconcentrated_administration", "association", "company", "academia_media"]],
                "Region": ["type": "object", "required": ["code", "name", "contactEmail", "contactPhone", "address", "demo"], "properties": [
                    "code": ["type": "string"], "name": ["$ref": "#/components/schemas/LocalizedText"],
                    "contactEmail": ["type": "string"], "contactPhone": ["type": "string"], "address": ["type": "string"],
                    "logo": ["type": ["string", "null"]], "demo": ["type": "boolean"]]],
                "Province": ["type": "object", "required": ["code", "name", "kind", "population"], "properties": [
                    "code": ["type": "string"], "name": ["$ref": "#/components/schemas/LocalizedText"],
                    "kind": ["type": "string", "enum": ["prefecture", "province"]], "population": ["type": "integer"]]],
                "Organisation": ["type": "object", "required": ["id", "name", "sector", "website", "description"], "properties": [
                    "id": ["type": "string", "format": "uuid"], "name": ["$ref": "#/components/schemas/LocalizedText"],
                    "sector": ["$ref": "#/components/schemas/Sector"], "province": ["type": ["string", "null"]],
                    "website": ["type": "string"], "description": ["$ref": "#/components/schemas/LocalizedText"]]],
                "Phase": ["type": "object", "required": ["id", "kind", "name", "startsOn", "endsOn", "current"], "properties": [
                    "id": ["type": "string", "format": "uuid"],
                    "kind": ["type": "string", "enum": ["information", "proposals", "workshops", "consolidation", "response", "adoption"]],
                    "name": ["$ref": "#/components/schemas/LocalizedText"],
                    "startsOn": ["type": "string", "format": "date"], "endsOn": ["type": "string", "format": "date"],
                    "current": ["type": "boolean"]]],
                "Process": ["type": "object", "required": ["id", "title", "summary", "description", "scope", "organisation", "contact", "hashtag", "status", "phases"], "properties": [
                    "id": ["type": "string", "format": "uuid"], "title": ["$ref": "#/components/schemas/LocalizedText"],
                    "summary": ["$ref": "#/components/schemas/LocalizedText"], "description": ["$ref": "#/components/schemas/LocalizedText"],
                    "scope": ["type": "array", "items": ["type": "string"], "description": "Province codes; empty for the whole region."],
                    "organisation": ["type": "string", "format": "uuid"], "contact": ["type": "string"], "hashtag": ["type": "string"],
                    "status": ["type": "string", "enum": ["published", "closed"]],
                    "phases": ["type": "array", "items": ["$ref": "#/components/schemas/Phase"]]]],
                "OrganisationPage": ["type": "object", "required": ["items", "page", "perPage", "total"], "properties": [
                    "items": ["type": "array", "items": ["$ref": "#/components/schemas/Organisation"]],
                    "page": ["type": ["integer", "null"], "description": "Null when asked for by cursor."], "perPage": ["type": "integer"], "total": ["type": "integer"], "nextCursor": ["type": ["string", "null"], "description": "Pass as cursor for the next page (proposals); null on the last page."]]],
            ] as [String: Any]) { a, _ in a }],
        ]
        return try! JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .withoutEscapingSlashes])
    }()

    @Sendable static func serve(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(data: json))
    }
}
