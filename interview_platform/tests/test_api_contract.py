"""The API refuses what its schema forbids, and accepts the spellings the schema documents:
query parameters in camelCase (with snake_case aliases), page and page size within bounds, JSON
bodies (multipart only where a file is uploaded)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from interview_platform.api.schema import NOT_BLANK
from questions.tests.factories import QuestionFactory
from sessions_app.tests.factories import InterviewSessionFactory

ERROR_KEYS = {"success", "error", "requestId", "timestamp"}


def _refused(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["error"]["type"] == "validation_error"
    assert body["error"]["code"] == code
    return body


@pytest.fixture
def schema(client, db):
    return client.get("/api/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"pageSize": "null"},
        {"pageSize": "0"},
        {"pageSize": "101"},
        {"pageSize": "2.5"},
        {"page_size": "abc"},
        {"page": "0"},
        {"page": "last"},
        {"page": "-1"},
    ],
)
def test_an_invalid_page_or_page_size_is_refused_not_replaced(auth_client, params):
    for path in ("/api/questions", "/api/sessions", "/api/jobs/profiles", "/api/analytics/export"):
        body = _refused(auth_client.get(path, params), 400, "invalid_input")
        assert set(body["error"]["details"]["fields"]) <= {"page", "pageSize"}


@pytest.mark.django_db
def test_page_size_has_a_snake_case_alias(auth_client):
    QuestionFactory.create_batch(3)
    for params in ({"pageSize": 2}, {"page_size": 2}):
        body = auth_client.get("/api/questions", params).json()
        assert (body["count"], len(body["results"])) == (3, 2)


@pytest.mark.django_db
def test_filters_take_camel_case_names_and_their_snake_case_aliases(auth_client, staff_client):
    old = InterviewSessionFactory(user=auth_client.user)
    old.created_at = timezone.now() - timedelta(days=10)
    old.save(update_fields=["created_at"])
    recent = InterviewSessionFactory(user=auth_client.user)
    since = (timezone.now() - timedelta(days=1)).date().isoformat()
    for name in ("fromDate", "from_date"):
        ids = [s["id"] for s in auth_client.get("/api/sessions", {name: since}).json()["results"]]
        assert ids == [str(recent.pk)], name

    QuestionFactory(is_active=False)
    QuestionFactory()
    for name in ("isActive", "is_active"):
        body = staff_client.get("/api/admin/questions", {name: "false"}).json()
        assert body["count"] == 1, name


def test_query_parameters_are_documented_in_camel_case_once(schema):
    names = {
        parameter["name"]
        for item in schema["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict)
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query"
    }
    assert {"fromDate", "toDate", "isActive", "subscriptionType", "pageSize"} <= names
    assert not [name for name in names if "_" in name]
    assert "snake_case" in schema["info"]["description"]
    page_size = next(
        p for p in schema["paths"]["/api/questions"]["get"]["parameters"] if p["name"] == "pageSize"
    )
    assert (page_size["schema"]["minimum"], page_size["schema"]["maximum"]) == (1, 100)


def test_only_staff_lists_document_the_user_filter(schema):
    def names(path):
        return {p["name"] for p in schema["paths"][path]["get"]["parameters"]}

    assert "user" not in names("/api/sessions")
    assert "user" in names("/api/admin/sessions")


@pytest.mark.django_db
def test_a_category_language_outside_the_enum_is_refused(auth_client):
    _refused(
        auth_client.get("/api/questions/categories", {"language": "AAA"}), 400, "invalid_input"
    )
    names = [c["name"] for c in auth_client.get("/api/questions/categories?language=en").json()]
    assert "Software engineering" in names or names


@pytest.mark.django_db
def test_a_time_zone_outside_the_documented_list_is_refused(auth_client, schema):
    parameter = schema["paths"]["/api/analytics/user-stats"]["get"]["parameters"][0]
    assert {"Asia/Seoul", "UTC"} <= set(parameter["schema"]["enum"])
    assert (
        auth_client.get("/api/analytics/user-stats", {"timezone": "Asia/Seoul"}).status_code == 200
    )
    _refused(auth_client.get("/api/analytics/user-stats", {"timezone": "00"}), 400, "invalid_input")


@pytest.mark.django_db
def test_bodies_are_json_as_documented(auth_client, schema):
    # A form body cannot say `false` or hold the nested preferences: it was read as something
    # else (`preferences.language: "AAA"` answered 200 and was dropped).
    refused = auth_client.patch(
        "/api/users/profile",
        "name=Kim&preferences=%7B%22language%22%3A+%22AAA%22%7D",
        content_type="application/x-www-form-urlencoded",
    )
    _refused(refused, 415, "unsupported_media_type")
    bad = auth_client.patch(
        "/api/users/profile", {"preferences": {"language": "AAA"}}, format="json"
    )
    _refused(bad, 400, "invalid_input")
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            content = (
                operation.get("requestBody", {}).get("content", {})
                if method != "parameters"
                else {}
            )
            allowed = {"application/json", "multipart/form-data"}
            assert set(content) <= allowed, (method, path)
            if "multipart/form-data" in content:
                assert path in {"/api/users/avatar", "/api/jobs/profiles"}, path


def test_the_export_download_documents_the_file_types_it_serves(schema):
    responses = schema["paths"]["/api/analytics/export/{export_id}/download"]["get"]["responses"]
    assert set(responses["200"]["content"]) == {
        "application/json",
        "application/zip",
        "application/pdf",
    }
    fmt = schema["components"]["schemas"]["ExportCreateRequest"]["properties"]["format"]
    assert "application/zip" in fmt["description"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("patch", "/api/users/settings", {"notifications": 0}, "notifications"),
        ("patch", "/api/users/settings", {"notifications": "f"}, "notifications"),
        ("patch", "/api/users/profile", {"name": 5}, "name"),
        ("post", "/api/sessions", {"category": "design", "sessionSource": 0}, "sessionSource"),
        ("post", "/api/sessions", {"category": "design", "questionCount": "5"}, "questionCount"),
        ("post", "/api/analysis/answer", {"answer": "x" * 20, "questionId": 7}, "questionId"),
    ],
)
def test_a_json_body_of_another_type_is_refused_not_converted(
    auth_client, method, path, body, field
):
    # `0` was read as false, `5` as "5" and 7 as a UUID (DRF's fields are lenient for forms).
    response = getattr(auth_client, method)(path, body, format="json")
    assert field in _refused(response, 400, "invalid_input")["error"]["details"]["fields"]


@pytest.mark.django_db
def test_query_parameters_are_still_converted_from_text(staff_client):
    QuestionFactory(is_active=False)
    assert staff_client.get("/api/admin/questions", {"isActive": "false"}).json()["count"] == 1
    _refused(staff_client.get("/api/admin/questions", {"isActive": ""}), 400, "invalid_input")
    _refused(staff_client.get("/api/admin/questions", {"isActive": "maybe"}), 400, "invalid_input")


def test_a_body_that_needs_one_of_its_fields_is_required(schema):
    operation = schema["paths"]["/api/auth/reauthenticate"]["post"]
    assert operation["requestBody"]["required"] is True
    body = schema["components"]["schemas"]["ReauthenticateRequest"]
    assert body["anyOf"] == [{"required": ["password"]}, {"required": ["code"]}]
    assert "415" in operation["responses"]


@pytest.mark.django_db
def test_a_trimmed_field_documents_that_blank_text_is_refused(auth_client, schema):
    code = schema["components"]["schemas"]["ReauthenticateRequest"]["properties"]["code"]
    assert code["pattern"] == NOT_BLANK
    response = auth_client.patch("/api/users/profile", {"name": " \n"}, format="json")
    assert "name" in _refused(response, 400, "invalid_input")["error"]["details"]["fields"]
    name = schema["components"]["schemas"]["PatchedProfileUpdateRequest"]["properties"]["name"]
    assert name["pattern"] == NOT_BLANK


@pytest.mark.django_db
def test_an_email_longer_than_an_address_can_be_is_refused_not_a_500(auth_client):
    # 255 characters fit User.email but not allauth's EmailAddress (254): the change was a 500.
    email = "a@" + ".".join(["b" * 63] * 3) + "." + "c" * 61
    assert len(email) == 255
    response = auth_client.post("/api/users/email", {"email": email}, format="json")
    assert "email" in _refused(response, 400, "invalid_input")["error"]["details"]["fields"]


@pytest.mark.django_db
def test_a_slug_filter_documents_the_characters_it_takes(auth_client, schema):
    tag = next(
        p for p in schema["paths"]["/api/questions"]["get"]["parameters"] if p["name"] == "tag"
    )
    assert tag["schema"]["pattern"] == r"^[-a-zA-Z0-9_]+$"
    _refused(auth_client.get("/api/questions", {"tag": "篦h"}), 400, "invalid_input")
