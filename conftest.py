"""Shared fixtures. Tests run on PostgreSQL + Redis when DATABASE_URL/REDIS_URL are set (CI),
else on SQLite + local memory; the report header says which."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test.client import ClientHandler
from rest_framework.test import APIClient

from interview_platform.handlers import make_view_atomic

# The test client serves requests as wsgi.py does: safe methods outside the request transaction.
ClientHandler.make_view_atomic = make_view_atomic


def pytest_report_header(config):
    import django

    django.setup()
    db = settings.DATABASES["default"]
    cache_backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    from interview_platform.celery import app

    broker = app.conf.broker_url.split("://")[0]
    engine = db["ENGINE"].rsplit(".", 1)[-1]
    return [f"backends: database={engine} cache={cache_backend} broker={broker}"]


@pytest.fixture(autouse=True)
def _isolated_cache():
    # Every alias: rate-limit counters live in their own ("ratelimit").
    for alias in settings.CACHES:
        caches[alias].clear()
    yield
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _eager_celery():
    """Tasks run in the test's own process unless a test starts a real worker."""
    from interview_platform.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 at OWASP's floor costs ~20 ms a hash; tests that are about hashing override this.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def user(db):
    from accounts.tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def staff_user(db):
    from accounts.tests.factories import UserFactory

    return UserFactory(role="admin")


@pytest.fixture
def auth_client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    client.user = user
    return client


@pytest.fixture
def staff_client(staff_user) -> APIClient:
    client = APIClient()
    client.force_authenticate(staff_user)
    client.user = staff_user
    return client
