"""The served OpenAPI document is valid OpenAPI 3.1, and the API answers as it says."""
import json
import urllib.request

from openapi_spec_validator import validate


def get_json(url):
    with urllib.request.urlopen(url) as response:
        return response.status, response.headers.get("Content-Type"), json.load(response)


def test_openapi_document_is_valid(site):
    status, content_type, doc = get_json(site.url("/api/v1/openapi.json"))
    assert status == 200 and content_type.startswith("application/json")
    validate(doc)
    assert doc["openapi"].startswith("3.1")


def test_api_answers_match_the_document(site):
    _, _, doc = get_json(site.url("/api/v1/openapi.json"))
    schemas = doc["components"]["schemas"]
    _, _, page = get_json(site.url("/api/v1/organisations?per_page=5"))
    assert set(schemas["OrganisationPage"]["required"]) <= set(page)
    assert len(page["items"]) == 5 and page["total"] >= 72
    for item in page["items"]:
        assert set(schemas["Organisation"]["required"]) <= set(item)
        assert item["sector"] in schemas["Sector"]["enum"]
    _, _, region = get_json(site.url("/api/v1/region"))
    assert region["code"] == "02" and region["name"]["ar"]
    try:
        urllib.request.urlopen(site.url("/api/v1/organisations?per_page=0"))
        raise AssertionError("per_page=0 accepted")
    except urllib.error.HTTPError as error:
        assert error.code == 400
        assert error.headers.get("Content-Type").startswith("application/problem+json")
        assert json.load(error)["status"] == 400


def test_co_creation_answers_match_the_document(site):
    """Every co-creation read endpoint, on the demo data, validated against its schema."""
    from jsonschema import Draft202012Validator
    _, _, doc = get_json(site.url("/api/v1/openapi.json"))

    def check(path, schema):
        _, _, value = get_json(site.url("/api/v1" + path))
        Draft202012Validator({"$ref": schema, "components": doc["components"]}).validate(value)
        return value

    _, _, processes = get_json(site.url("/api/v1/processes"))
    pid = processes[0]["id"]
    phases = get_json(site.url("/api/v1/processes/%s/phases" % pid))[2]
    for phase in phases:
        Draft202012Validator({"$ref": "#/components/schemas/Phase", "components": doc["components"]}).validate(phase)
    page = check("/processes/%s/proposals?sort=most_supported&per_page=50" % pid, "#/components/schemas/ProposalPage")
    assert page["total"] >= 40 and any(p["answer"] for p in page["items"])
    supports = [p["supports"] for p in page["items"]]
    assert supports == sorted(supports, reverse=True)
    commented = next(p for p in page["items"] if p["comments"] > 0)
    check("/proposals/%s" % commented["id"], "#/components/schemas/Proposal")
    thread = check("/proposals/%s/comments" % commented["id"], "#/components/schemas/CommentPage")
    assert thread["total"] == commented["comments"]
    meetings = get_json(site.url("/api/v1/processes/%s/meetings" % pid))[2]
    assert len(meetings) >= 2
    for m in meetings:
        check("/meetings/%s" % m["id"], "#/components/schemas/Meeting")
    assert any(m["minutes"] for m in meetings)


def test_monitoring_answers_match_the_document(site):
    """Plans, commitments, dashboards and histories on the demo data, validated against their schemas."""
    from jsonschema import Draft202012Validator
    _, _, doc = get_json(site.url("/api/v1/openapi.json"))

    def check(path, schema):
        _, _, value = get_json(site.url("/api/v1" + path))
        Draft202012Validator({"$ref": schema, "components": doc["components"]}).validate(value)
        return value

    plans = get_json(site.url("/api/v1/plans"))[2]
    assert len(plans) >= 4
    for p in plans:
        Draft202012Validator({"$ref": "#/components/schemas/Plan", "components": doc["components"]}).validate(p)
    regional = next(p for p in plans if p["ogpName"] == "Oriental OGP Local 2025-2027")
    plan = check("/plans/%s" % regional["id"], "#/components/schemas/Plan")
    assert any(c["reference"] == "MAORT0002" for c in plan["commitments"])
    check("/plans/%s/dashboard" % regional["id"], "#/components/schemas/Dashboard")
    reported = next(c for c in plan["commitments"] if c["completion"] > 0)
    commitment = check("/commitments/%s" % reported["id"], "#/components/schemas/Commitment")
    assert commitment["progress"]
    history = get_json(site.url("/api/v1/commitments/%s/history" % reported["id"]))[2]
    for entry in history:
        Draft202012Validator({"$ref": "#/components/schemas/AuditEntry", "components": doc["components"]}).validate(entry)
    assert history
