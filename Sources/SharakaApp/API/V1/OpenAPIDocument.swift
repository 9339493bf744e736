import Foundation
import Vapor

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
        let doc: [String: Any] = [
            "openapi": "3.1.0",
            "info": ["title": "Sharaka API", "version": "1.0.0",
                     "description": "Open data of the Sharaka open-government platform: the region, its provinces, the organisations taking part and the participatory processes."],
            "servers": [["url": "/api/v1"]],
            "paths": [
                "/openapi.json": ["get": ["operationId": "getOpenAPI", "summary": "This document",
                                          "responses": ["200": ok(["type": "object"])]]],
                "/region": ["get": ["operationId": "getRegion", "summary": "The region this instance serves",
                                    "responses": ["200": ok(["$ref": "#/components/schemas/Region"]), "404": problem]]],
                "/provinces": ["get": ["operationId": "listProvinces", "summary": "Prefectures and provinces of the region",
                                       "responses": ["200": ok(["type": "array", "items": ["$ref": "#/components/schemas/Province"]])]]],
                "/organisations": ["get": [
                    "operationId": "listOrganisations", "summary": "Organisations, paginated",
                    "parameters": [
                        ["name": "page", "in": "query", "schema": ["type": "integer", "minimum": 1, "default": 1]],
                        ["name": "per_page", "in": "query", "schema": ["type": "integer", "minimum": 1, "maximum": 200, "default": 50]],
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
            ],
            "components": ["schemas": [
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
                    "page": ["type": "integer"], "perPage": ["type": "integer"], "total": ["type": "integer"]]],
            ]],
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
