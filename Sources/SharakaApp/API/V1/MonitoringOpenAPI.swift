import SharakaCore

/// The monitoring part of the OpenAPI document (paths and schemas), merged by `OpenAPIDocument`.
enum MonitoringOpenAPI {
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    static var paths: [String: Any] {
        let problem: [String: Any] = ["description": "Problem details (RFC 9457)",
                                      "content": ["application/problem+json": ["schema": ref("Problem")]]]
        func ok(_ schema: [String: Any]) -> [String: Any] { ["description": "OK", "content": ["application/json": ["schema": schema]]] }
        let idParam: [String: Any] = ["name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
        return [
            "/plans": ["get": ["operationId": "listPlans", "summary": "Public action plans (without drafts)",
                               "responses": ["200": ok(["type": "array", "items": ref("Plan")])]]],
            "/plans/{id}": ["get": ["operationId": "getPlan", "summary": "One plan with its commitments and milestones",
                                    "parameters": [idParam], "responses": ["200": ok(ref("Plan")), "400": problem, "404": problem]]],
            "/plans/{id}/dashboard": ["get": ["operationId": "getPlanDashboard", "summary": "The figures of the plan's dashboard",
                                              "parameters": [idParam], "responses": ["200": ok(ref("Dashboard")), "400": problem, "404": problem]]],
            "/commitments/{id}": ["get": ["operationId": "getCommitment", "summary": "One commitment with milestones, progress and source proposals",
                                          "parameters": [idParam], "responses": ["200": ok(ref("Commitment")), "400": problem, "404": problem]]],
            "/audit/{sequence}": ["get": ["operationId": "getAuditEntry", "summary": "One entry of the hash-chained audit log, with links to its neighbours",
                                          "parameters": [["name": "sequence", "in": "path", "required": true, "schema": ["type": "integer", "minimum": 1]]],
                                          "responses": ["200": ok(ref("AuditEntry")), "400": problem, "404": problem]]],
            "/commitments/{id}/history": ["get": ["operationId": "getCommitmentHistory", "summary": "The commitment's entries of the hash-chained audit log",
                                                  "parameters": [idParam], "responses": ["200": ok(["type": "array", "items": ref("AuditEntry")]), "400": problem, "404": problem]]],
        ]
    }

    static var schemas: [String: Any] {
        let uuid: [String: Any] = ["type": "string", "format": "uuid"]
        let date: [String: Any] = ["type": "string", "format": "date"]
        let text: [String: Any] = ref("LocalizedText")
        let int: [String: Any] = ["type": "integer"], str: [String: Any] = ["type": "string"]
        return [
            "Plan": ["type": "object", "required": ["id", "title", "description", "periodStart", "periodEnd", "status", "revision", "adoptingBody", "ogpName", "sourceURL", "commitmentCount"],
                     "properties": ["id": uuid, "title": text, "description": text, "periodStart": int, "periodEnd": int,
                                    "status": ["type": "string", "enum": PlanStatus.allCases.filter(\.isPublic).map(\.rawValue)],
                                    "revision": int, "adoptingBody": uuid, "process": ["type": ["string", "null"], "format": "uuid"],
                                    "ogpName": str, "sourceURL": str, "commitmentCount": int,
                                    "commitments": ["type": ["array", "null"], "items": ref("Commitment")]]],
            "Milestone": ["type": "object", "required": ["id", "position", "title", "deliverable", "responsibleBody", "startsOn", "endsOn", "weight", "status", "percent", "delayed", "cancelReason"],
                          "properties": ["id": uuid, "position": int, "title": text, "deliverable": text, "responsibleBody": str, "startsOn": date, "endsOn": date,
                                         "weight": ["type": "integer", "minimum": 0, "maximum": 100],
                                         "status": ["type": "string", "enum": MilestoneStatus.allCases.map(\.rawValue)],
                                         "percent": ["type": "integer", "minimum": 0, "maximum": 100],
                                         "delayed": ["type": "boolean", "description": "Computed: the end date has passed and it is neither completed nor cancelled."],
                                         "cancelReason": str]],
            "ProgressUpdate": ["type": "object", "required": ["id", "milestone", "reportedOn", "text", "percent", "statusBefore", "statusAfter", "commitmentCompletion", "evidence", "createdAt"],
                               "properties": ["id": uuid, "milestone": uuid, "reportedOn": date, "text": str, "percent": int, "statusBefore": str, "statusAfter": str,
                                              "commitmentCompletion": int, "evidence": ["type": "array", "items": str], "createdAt": ["type": "string", "format": "date-time"]]],
            "Commitment": ["type": "object", "required": ["id", "plan", "reference", "title", "problem", "causes", "solution", "changes", "ogpValues", "theme", "leadBody",
                                                          "supportingActors", "provinces", "startsOn", "endsOn", "contact", "completion", "level", "milestones", "proposals"],
                           "properties": ["id": uuid, "plan": uuid, "reference": str, "title": text, "problem": text, "causes": text, "solution": text, "changes": text,
                                          "ogpValues": ["type": "array", "items": ["type": "string", "enum": OGPValue.allCases.map(\.rawValue)]],
                                          "theme": str, "leadBody": str, "leadOrganisation": ["type": ["string", "null"], "format": "uuid"],
                                          "supportingActors": ["type": "array", "items": ["type": "object", "required": ["kind", "name"], "properties": [
                                              "kind": ["type": "string", "enum": CommitmentActor.allCases.map(\.rawValue)], "name": str]]],
                                          "provinces": ["type": "array", "items": str], "startsOn": date, "endsOn": date,
                                          "budget": ["type": ["string", "null"], "pattern": "^[0-9]+\\.[0-9]{2}$", "description": "Exact amount in MAD, as a decimal string."],
                                          "contact": str, "completion": ["type": "integer", "minimum": 0, "maximum": 100],
                                          "level": ["type": "string", "enum": IRMCompletion.allCases.map(\.rawValue)],
                                          "milestones": ["type": "array", "items": ref("Milestone")], "proposals": ["type": "array", "items": uuid],
                                          "progress": ["type": ["array", "null"], "items": ref("ProgressUpdate")]]],
            "Dashboard": ["type": "object", "required": ["commitments", "byLevel", "milestones", "budgetTotal", "fromProposals", "byLeadBody", "byProvince", "budgets", "timeline"],
                          "properties": ["commitments": int, "byLevel": ["type": "object", "additionalProperties": int],
                                         "milestones": ["type": "object", "required": ["onTime", "delayed", "completed", "cancelled"], "properties": [
                                             "onTime": int, "delayed": int, "completed": int, "cancelled": int]],
                                         "budgetTotal": ["type": ["string", "null"], "pattern": "^[0-9]+\\.[0-9]{2}$"], "fromProposals": int,
                                         "byLeadBody": ["type": "array", "items": ["type": "object", "required": ["organisation", "name", "commitments", "averageCompletion"], "properties": [
                                             "organisation": ["type": ["string", "null"], "format": "uuid"],
                                             "name": ["type": "object", "additionalProperties": str, "description": "The body's name by language; \"und\" when an imported plan names it only in words."],
                                             "commitments": int, "averageCompletion": int]]],
                                         "byProvince": ["type": "array", "description": "The whole region first (code null), then each province.", "items": ["type": "object", "required": ["code", "name", "commitments"], "properties": [
                                             "code": ["type": ["string", "null"]], "name": ["oneOf": [text, ["type": "null"]]], "commitments": int]]],
                                         "budgets": ["type": "array", "items": ["type": "object", "required": ["commitment", "reference", "amount"], "properties": [
                                             "commitment": uuid, "reference": str, "amount": ["type": "string", "pattern": "^[0-9]+\\.[0-9]{2}$"]]]],
                                         "timeline": ["type": "array", "items": ["type": "object", "required": ["commitment", "reference", "title", "startsOn", "endsOn", "status", "delayed"], "properties": [
                                             "commitment": uuid, "reference": str, "title": text, "startsOn": date, "endsOn": date,
                                             "status": ["type": "string", "enum": ["not_started", "in_progress", "completed", "cancelled"]], "delayed": ["type": "boolean"]]]]]],
            "AuditEntry": ["type": "object", "required": ["sequence", "recordedAt", "actor", "action", "objectKind", "objectId", "scope", "actorName", "withheld",
                                                      "before", "after", "beforeCanonical", "afterCanonical", "previousHash", "hash", "links"],
                           "properties": ["sequence": int, "recordedAt": str, "actor": ["type": "string", "description": "An account's id, or \"import\" for the command line."],
                                          "action": str, "objectKind": str, "objectId": str, "scope": str,
                                          "actorName": ["type": ["string", "null"], "description": "The actor's name when the actor acts in a public capacity (officials, reviewers, moderators, administrators)."],
                                          "withheld": ["type": "boolean", "description": "True when the entry is about something the public may not read; its fields are then null but its hashes still chain."],
                                          "before": ["type": ["object", "null"], "additionalProperties": str, "description": "The changed fields before."],
                                          "after": ["type": ["object", "null"], "additionalProperties": str, "description": "The changed fields after."],
                                          "beforeCanonical": ["type": ["string", "null"], "description": "Canonical JSON of the fields before, exactly as hashed."],
                                          "afterCanonical": ["type": ["string", "null"], "description": "Canonical JSON of the fields after, exactly as hashed."],
                                          "previousHash": str, "hash": ["type": "string", "description": "SHA-256 (hex) of the entry, chained to previousHash."],
                                          "links": ["type": "object", "required": ["previous", "next"], "properties": [
                                              "previous": ["type": ["string", "null"]], "next": ["type": ["string", "null"]]]]]],
        ]
    }
}
