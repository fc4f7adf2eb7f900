"""The OpenAPI schema says what the API does: paginated lists are documented as pages, every
error response carries the error envelope, and fields marked required are always sent."""

from __future__ import annotations

import jsonschema
import jsonschema_rs
import pytest
from django.urls import reverse

from questions.tests.factories import QuestionFactory

LISTS = [
    ("/api/questions", "get"),
    ("/api/admin/questions", "get"),
    ("/api/sessions", "get"),
    ("/api/admin/sessions", "get"),
    ("/api/analytics/export", "get"),
    ("/api/admin/users", "get"),
]


@pytest.fixture
def schema(client, db):
    response = client.get("/api/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def _resolve(schema, node):
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


@pytest.mark.parametrize(("path", "method"), LISTS)
def test_paginated_lists_are_documented_as_pages(schema, path, method):
    body = schema["paths"][path][method]["responses"]["200"]["content"]["application/json"]
    page = _resolve(schema, body["schema"])
    assert page["type"] == "object"
    assert {"count", "next", "previous", "results"} <= set(page["properties"])


@pytest.mark.django_db
def test_every_list_that_answers_a_page_documents_a_page(schema, staff_client):
    # Found by the response, not by a hand-kept list: a new paginated endpoint is covered as
    # soon as it exists (GET /api/jobs/profiles answered a page documented as an array).
    answered_pages = []
    for path, item in schema["paths"].items():
        if "{" in path or "get" not in item or path.startswith("/api/schema"):
            continue
        response = staff_client.get(path)
        body = (
            response.json()
            if response.get("Content-Type", "").startswith("application/json")
            else None
        )
        if isinstance(body, dict) and {"count", "next", "previous", "results"} <= set(body):
            answered_pages.append(path)
            test_paginated_lists_are_documented_as_pages(schema, path, "get")
    assert {"/api/jobs/profiles", "/api/sessions"} <= set(answered_pages)


def test_every_error_response_is_the_envelope(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            for code, response in operation["responses"].items():
                if str(code)[0] in "45":
                    content = response["content"]["application/json"]["schema"]
                    assert content == {"$ref": "#/components/schemas/ErrorEnvelope"}, (
                        f"{method.upper()} {path} {code}"
                    )
    envelope = schema["components"]["schemas"]["ErrorEnvelope"]
    assert set(envelope["required"]) == {"success", "error", "requestId", "timestamp"}


def test_a_resource_path_documents_404_and_a_signed_in_operation_401(schema):
    detail = schema["paths"]["/api/sessions/{session_id}"]["get"]["responses"]
    assert {"401", "404"} <= set(detail)
    assert {"400", "404"} <= set(schema["paths"]["/api/questions"]["get"]["responses"])
    for path, method in [("/api/sessions", "post"), ("/api/sessions/{session_id}/next", "post")]:
        assert {"404", "409"} <= set(schema["paths"][path][method]["responses"])
    assert "429" in schema["paths"]["/api/sessions"]["post"]["responses"]  # daily limit


@pytest.mark.django_db
def test_required_fields_are_sent_to_everyone(schema, auth_client):
    question_schema = _resolve(schema, {"$ref": "#/components/schemas/Question"})
    question = QuestionFactory()
    body = auth_client.get(reverse("question-detail", args=[question.pk])).json()
    missing = set(question_schema.get("required", [])) - set(body)
    assert not missing, missing
    assert body["createdBy"] is None  # staff-only in value, always present in shape


def _valid(schema, name: str, body: dict) -> bool:
    # The component inside a document that holds the others, so its `$ref`s resolve.
    document = {"components": schema["components"], "$ref": f"#/components/schemas/{name}"}
    return jsonschema.Draft4Validator(document).is_valid(body)


CUSTOM_QUESTION = {
    "category": "custom",
    "difficulty": "easy",
    "type": "behavioral",
    "language": "en",
    "question": "Tell me about a time you calmed an upset customer.",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "method", "path", "body"),
    [
        ("QuestionWriteRequest", "post", "/api/admin/questions", CUSTOM_QUESTION),
        ("GenerateInputRequest", "post", "/api/questions/generate", CUSTOM_QUESTION),
        ("SessionStartRequest", "post", "/api/sessions", {"category": "custom"}),
    ],
)
def test_a_custom_category_without_its_name_is_invalid_in_the_schema_too(
    schema, staff_client, name, method, path, body
):
    # Schemathesis found it: `{"category": "custom", "customCategory": ""}` matched the schema
    # and was refused with 400 (POST /api/admin/questions).
    for custom in ({}, {"customCategory": ""}, {"customCategory": "  "}):
        refused = {**body, **custom}
        assert not _valid(schema, name, refused), refused
        response = getattr(staff_client, method)(path, refused, format="json")
        assert response.status_code == 400, response.content
        assert "customCategory" in response.json()["error"]["details"]["fields"]
    named = {**body, "customCategory": "Barista"}
    assert _valid(schema, name, named)
    assert _valid(schema, name, {**body, "category": "marketing"})
    assert getattr(staff_client, method)(path, named, format="json").status_code < 300


@pytest.mark.django_db
def test_a_value_padded_past_its_max_length_is_refused_as_the_schema_says(schema, staff_client):
    # Schemathesis found it: `customCategory` is `maxLength: 100`, and 101 characters starting
    # with a whitespace were trimmed to 100 and accepted.
    field = schema["components"]["schemas"]["QuestionWriteRequest"]["properties"]["customCategory"]
    assert field["maxLength"] == 100
    padded = {**CUSTOM_QUESTION, "category": "marketing", "customCategory": " " + "x" * 100}
    assert not _valid(schema, "QuestionWriteRequest", padded)

    response = staff_client.post("/api/admin/questions", padded, format="json")

    assert response.status_code == 400, response.content
    assert "customCategory" in response.json()["error"]["details"]["fields"]
    exact = {**padded, "customCategory": "x" * 100}
    assert staff_client.post("/api/admin/questions", exact, format="json").status_code == 201


@pytest.mark.django_db
@pytest.mark.parametrize("blank", ["\x85", "\x1c\x1f", " \u3000\n"])
def test_what_the_trim_removes_is_blank_in_the_schema_too(schema, staff_client, blank):
    # Schemathesis found it: `"\x85"` has a non-whitespace character by JSON Schema's regex rules
    # (what schemathesis validates with), and the API trimmed it to blank and refused it.
    properties = schema["components"]["schemas"]["QuestionWriteRequest"]["properties"]
    keyword = jsonschema_rs.validator_for(properties["expectedKeywords"]["items"])
    assert not keyword.is_valid(blank)
    assert keyword.is_valid(f"{blank}STAR{blank}")
    body = {**CUSTOM_QUESTION, "category": "marketing", "expectedKeywords": [blank]}

    response = staff_client.post("/api/admin/questions", body, format="json")

    assert response.status_code == 400, response.content
    assert "expectedKeywords" in response.json()["error"]["details"]["fields"]
