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
