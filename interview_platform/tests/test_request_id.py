import io
import json
import logging
import uuid

import pytest

from interview_platform.logging import JsonFormatter, RequestContextFilter

pytestmark = pytest.mark.django_db


def test_incoming_request_id_is_echoed(client):
    response = client.get("/api/health", HTTP_X_REQUEST_ID="abc-123.def")
    assert response["X-Request-ID"] == "abc-123.def"


def test_request_id_is_generated_when_missing(client):
    response = client.get("/api/health")
    assert uuid.UUID(response["X-Request-ID"])


def test_insane_request_id_is_replaced(client):
    response = client.get("/api/health", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    assert response["X-Request-ID"] != "<script>alert(1)</script>"
    assert uuid.UUID(response["X-Request-ID"])


def test_error_body_carries_the_request_id(client):
    response = client.get("/api/nope", HTTP_X_REQUEST_ID="trace-42")
    assert response.json()["requestId"] == "trace-42"


def test_every_log_line_of_a_request_has_the_request_id(client):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestContextFilter())
    logger = logging.getLogger("api.request")
    logger.addHandler(handler)
    try:
        client.get("/api/health", HTTP_X_REQUEST_ID="log-me-1")
    finally:
        logger.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines, "the access log wrote nothing"
    line = lines[-1]
    assert line["requestId"] == "log-me-1"
    assert line["level"] == "info"
    assert line["service"] == "api"
    assert line["operation"] == "GET /api/health"
    assert isinstance(line["duration"], float)
    assert line["metadata"]["status"] == 200
    assert set(line) >= {"timestamp", "userId", "sessionId"}


def test_log_lines_about_a_session_carry_its_id(auth_client):
    session_id = uuid.uuid4()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestContextFilter())
    logger = logging.getLogger("api.request")
    logger.addHandler(handler)
    try:
        auth_client.get(f"/api/sessions/{session_id}")
    finally:
        logger.removeHandler(handler)
    line = json.loads(stream.getvalue().splitlines()[-1])
    assert line["sessionId"] == str(session_id)
    assert line["userId"] == str(auth_client.user.id)
    assert line["level"] == "warn"  # the 404
