"""Hostile anonymous requests get a 4xx in the error envelope, never a 500: JSON nested a
thousand deep, bodies over DATA_UPLOAD_MAX_MEMORY_SIZE, and (from gunicorn itself, before
Django) a request line over gunicorn's limit."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from rest_framework.test import APIClient

ROOT = Path(__file__).resolve().parents[2]


def _assert_envelope(response, *, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:300]
    body = response.json()
    assert body["success"] is False
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert "Traceback" not in response.content.decode()
    return body


@pytest.mark.django_db
@pytest.mark.parametrize("depth", [1000, 100_000])
def test_json_nested_very_deep_is_a_malformed_request(depth):
    body = "[" * depth + "]" * depth
    response = APIClient().post("/api/auth/login", body, content_type="application/json")
    _assert_envelope(response, status=400, code="malformed_request")


@pytest.mark.django_db
def test_json_nested_deeper_than_any_request_needs_is_refused():
    body = {"email": "a@example.com", "password": "x"}
    for _ in range(40):
        body = {"nested": body}
    response = APIClient().post("/api/auth/login", body, format="json")
    _assert_envelope(response, status=400, code="malformed_request")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", lambda size: json.dumps({"email": "a@b.co", "password": "x" * size})),
    ],
)
def test_a_body_over_the_upload_limit_is_413(content_type, body):
    size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024
    response = APIClient().post("/api/auth/login", body(size), content_type=content_type)
    _assert_envelope(response, status=413, code="payload_too_large")


@pytest.mark.django_db
def test_a_multipart_upload_over_the_limit_is_413(auth_client):
    size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024
    response = auth_client.post("/api/users/avatar", {"note": "x" * size}, format="multipart")
    _assert_envelope(response, status=413, code="payload_too_large")


@pytest.mark.django_db
def test_a_form_body_is_refused_where_json_is_documented():
    response = APIClient().post(
        "/api/auth/login",
        "email=a%40b.co&password=x",
        content_type="application/x-www-form-urlencoded",
    )
    _assert_envelope(response, status=415, code="unsupported_media_type")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def gunicorn_server():
    """The app under gunicorn with the repository's gunicorn.conf.py, as the web container runs
    it (embedded settings: nothing here reaches the database)."""
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DATABASE_REPLICA_URLS"}
    }
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "interview_platform.wsgi:application"),
            *("--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "2"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("gunicorn did not start")
    yield port
    process.terminate()
    process.wait(timeout=20)


def test_gunicorns_own_414_is_in_the_envelope(gunicorn_server):
    connection = http.client.HTTPConnection("127.0.0.1", gunicorn_server, timeout=20)
    connection.request("GET", "/api/questions?search=" + "x" * 9000)
    response = connection.getresponse()
    raw = response.read()
    assert response.status == 414
    assert response.getheader("Content-Type") == "application/json"
    body = json.loads(raw)
    assert body["success"] is False
    assert body["error"] == {
        "type": "validation_error",
        "message": "The request line is too long.",
        "code": "uri_too_long",
        "details": None,
    }
    assert body["requestId"] == response.getheader("X-Request-ID")
