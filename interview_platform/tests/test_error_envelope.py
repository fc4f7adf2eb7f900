import json
import re

import pytest
from django.db import OperationalError

pytestmark = [pytest.mark.django_db, pytest.mark.urls("interview_platform.tests.urls")]

ISO_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")


def assert_envelope(response, *, status, type, code):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["success"] is False
    assert set(body) == {"success", "error", "requestId", "timestamp"}
    assert set(body["error"]) == {"type", "message", "code", "details"}
    assert body["error"]["type"] == type
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert body["requestId"] == response["X-Request-ID"]
    assert ISO_Z.match(body["timestamp"])
    return body


def test_unknown_api_path_is_a_404_envelope(client):
    assert_envelope(
        client.get("/api/does-not-exist"), status=404, type="validation_error", code="not_found"
    )


def test_validation_error_lists_fields_in_camel_case(client):
    response = client.post(
        "/api/_test/echo",
        data={"fullName": "much too long", "age": -1},
        content_type="application/json",
    )
    body = assert_envelope(response, status=400, type="validation_error", code="invalid_input")
    assert set(body["error"]["details"]["fields"]) == {"fullName", "age"}


def test_valid_input_is_read_and_written_in_camel_case(client):
    response = client.post(
        "/api/_test/echo", data={"fullName": "Kim", "age": 30}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json() == {"fullName": "Kim", "age": 30}


def test_malformed_json_is_a_validation_error(client):
    response = client.post("/api/_test/echo", data="{not json", content_type="application/json")
    assert_envelope(response, status=400, type="validation_error", code="malformed_request")


def test_unsupported_media_type(client):
    response = client.post("/api/_test/echo", data="hello", content_type="text/plain")
    assert_envelope(response, status=415, type="validation_error", code="unsupported_media_type")


def test_method_not_allowed(client):
    response = client.delete("/api/health")
    assert_envelope(response, status=405, type="validation_error", code="method_not_allowed")


def test_rate_limit_is_429_with_retry_after(client):
    assert client.get("/api/_test/limited").status_code == 200
    assert client.get("/api/_test/limited").status_code == 200
    response = client.get("/api/_test/limited")
    body = assert_envelope(response, status=429, type="rate_limit_error", code="rate_limited")
    retry_after = int(response["Retry-After"])
    assert 1 <= retry_after <= 60
    assert body["error"]["details"]["retryAfter"] == retry_after


def test_database_outage_is_503_database_error(client):
    assert_envelope(
        client.get("/api/_test/db-down"),
        status=503,
        type="database_error",
        code="database_unavailable",
    )


def test_database_outage_outside_drf_is_503(client, monkeypatch):
    from interview_platform.api import health

    def refuse():
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(health, "check_database", refuse)
    monkeypatch.setitem(health.CHECKS, "database", refuse)
    body = assert_envelope(
        client.get("/api/health"), status=503, type="database_error", code="service_unavailable"
    )
    assert body["error"]["details"]["down"] == ["database"]


def test_server_error_hides_the_stack_trace(settings):
    from django.test import Client

    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    body = assert_envelope(
        client.get("/api/_test/boom"), status=500, type="internal_error", code="internal_error"
    )
    assert "secret internals" not in json.dumps(body)
    assert body["error"]["details"] is None


def test_server_error_outside_drf_is_an_envelope_too(settings):
    from django.test import Client

    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    body = assert_envelope(
        client.get("/api/_test/plain-boom"),
        status=500,
        type="internal_error",
        code="internal_error",
    )
    assert "plain django view failed" not in json.dumps(body)


def test_server_error_shows_the_stack_trace_in_debug(settings):
    from django.test import Client

    settings.DEBUG = True
    client = Client(raise_request_exception=False)
    body = assert_envelope(
        client.get("/api/_test/boom"), status=500, type="internal_error", code="internal_error"
    )
    assert "secret internals" in body["error"]["details"]["stack"]


def test_unauthenticated_request_is_auth_error(client):
    # The user-scoped endpoints arrive with later apps; the envelope is checked on a DRF default.
    from rest_framework.test import APIRequestFactory
    from rest_framework.views import APIView

    class Private(APIView):
        def get(self, request):  # pragma: no cover - never reached
            return None

    request = APIRequestFactory().get("/api/private")
    response = Private.as_view()(request)
    response.render()
    body = json.loads(response.content)
    assert response.status_code == 401
    assert body["error"] == {
        "type": "auth_error",
        "code": "not_authenticated",
        "message": body["error"]["message"],
        "details": None,
    }


@pytest.mark.django_db(transaction=True)
def test_an_error_answer_rolls_back_what_the_view_wrote(client):
    from questions.models import Question

    response = client.post("/api/_test/write-then-fail", data={}, content_type="application/json")
    assert_envelope(response, status=400, type="validation_error", code="refused_after_write")
    assert not Question.objects.filter(question="Written before the error").exists()
