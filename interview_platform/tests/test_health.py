import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_health_is_ok_when_every_part_answers(client):
    response = client.get("/api/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker"}
    assert all(check["status"] == "ok" for check in body["checks"].values())


def test_health_reports_a_down_cache_as_503(client, settings):
    broken = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            # Nothing listens on port 1: a real connection failure, no mock.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        },
    }
    with override_settings(CACHES=broken):
        response = client.get("/api/health")
    assert response.status_code == 503
    body = response.json()
    assert body["error"]["details"]["down"] == ["cache"]
    assert body["error"]["details"]["checks"]["database"]["status"] == "ok"


def test_health_reports_a_down_broker_as_503(client):
    from interview_platform.celery import app

    previous = (app.conf.broker_url, app.conf.task_always_eager)
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    app.conf.task_always_eager = False
    try:
        response = client.get("/api/health")
    finally:
        app.conf.broker_url, app.conf.task_always_eager = previous
    assert response.status_code == 503
    assert response.json()["error"]["details"]["down"] == ["broker"]


@pytest.mark.django_db(transaction=True)
def test_health_names_a_database_that_is_really_down(client, settings):
    from django.db import connections

    if connections["default"].vendor != "postgresql":
        pytest.skip("Django keeps the in-memory SQLite test database open; needs PostgreSQL")
    # Nothing listens on port 1: a real refused connection, no mock.
    broken = {**settings.DATABASES["default"], "HOST": "127.0.0.1", "PORT": "1"}
    broken["OPTIONS"] = {"connect_timeout": 1}
    original = connections["default"].settings_dict
    connections["default"].close()
    connections["default"].settings_dict = broken
    try:
        response = client.get("/api/health")
    finally:
        connections["default"].close()
        connections["default"].settings_dict = original
    assert response.status_code == 503
    body = response.json()
    assert body["error"]["type"] == "database_error"
    assert body["error"]["details"]["down"] == ["database"]
