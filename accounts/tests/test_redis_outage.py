"""A Redis outage, on a redis-server of this test's own (never the shared one): the API stays
up, auth limits still hold (per process), revocation still holds, MFA says what is wrong, and a
Redis restarted without persistence brings no revoked token back."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory

from .conftest import PASSWORD, assert_error, bearer, login, totp_code

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server"),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OwnRedis:
    """A throw-away redis-server that keeps nothing on disk."""

    def __init__(self, directory: Path) -> None:
        self.port = _free_port()
        self.directory = directory
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()


@pytest.fixture
def redis(settings, tmp_path):
    server = OwnRedis(tmp_path)
    server.start()
    options = {
        "CLIENT_CLASS": "django_redis.client.DefaultClient",
        "SOCKET_CONNECT_TIMEOUT": 1,
        "SOCKET_TIMEOUT": 1,
    }
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": server.url,
            "OPTIONS": {**options, "IGNORE_EXCEPTIONS": True},
        },
        "ratelimit": {
            "BACKEND": "interview_platform.cache.FailoverRedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": "rl",
            "OPTIONS": {**options, "FAILOVER_RETRY_SECONDS": 5},
        },
    }
    settings.RATELIMIT_ENABLE = True
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "auth": "5/m"}
    from django.core.cache import caches

    caches["ratelimit"].fallback.clear()
    yield server
    server.stop()
    caches["ratelimit"].fallback.clear()


def test_the_api_stays_up_and_login_limits_still_hold_while_redis_is_down(redis, signed_in):
    user, client, _ = signed_in
    redis.stop()

    assert client.get(reverse("users-profile")).status_code == 200
    anonymous = APIClient()
    for _ in range(5):
        wrong = login(anonymous, user.email, "wrong-password")
        assert_error(wrong, status=401, type="auth_error", code="invalid_credentials")
    limited = login(anonymous, user.email, "wrong-password")
    assert_error(limited, status=429, type="rate_limit_error", code="rate_limited")
    assert int(limited.headers["Retry-After"]) > 0


def test_the_sign_in_page_works_and_its_limits_hold_while_redis_is_down(redis):
    user, target = UserFactory(), UserFactory()
    redis.stop()
    browser = Client()
    page = browser.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert page.status_code == 302
    assert browser.session["_auth_user_id"] == str(user.pk)

    attacker = Client()
    for _ in range(5):
        page = attacker.post(reverse("account_login"), {"login": target.email, "password": "no"})
        assert page.status_code == 200
    page = attacker.post(reverse("account_login"), {"login": target.email, "password": PASSWORD})
    assert "_auth_user_id" not in attacker.session
    assert page.status_code in (200, 429)


def test_a_logout_during_the_outage_holds_and_stays_after_an_empty_restart(redis, signed_in):
    _, client, body = signed_in
    redis.stop()
    response = client.post(
        reverse("auth-logout"), {"refreshToken": body["refreshToken"]}, format="json"
    )
    assert response.status_code == 204
    assert_error(
        client.get(reverse("users-profile")), status=401, type="auth_error", code="token_revoked"
    )
    redis.start()  # empty: it kept nothing
    assert_error(
        client.get(reverse("users-profile")), status=401, type="auth_error", code="token_revoked"
    )
    refreshed = APIClient().post(
        reverse("auth-refresh"), {"refreshToken": body["refreshToken"]}, format="json"
    )
    assert_error(refreshed, status=401, type="auth_error", code="token_revoked")


def test_revoked_tokens_stay_revoked_after_redis_restarts_without_persistence(redis, signed_in):
    _, client, body = signed_in
    assert (
        client.post(
            reverse("auth-logout"), {"refreshToken": body["refreshToken"]}, format="json"
        ).status_code
        == 204
    )
    redis.restart()
    assert_error(
        client.get(reverse("users-profile")), status=401, type="auth_error", code="token_revoked"
    )


@pytest.mark.usefixtures("frozen_clock")
def test_mfa_says_it_is_unavailable_instead_of_calling_a_right_code_wrong(redis, mfa_user):
    user, secret = mfa_user
    challenge = login(APIClient(), user.email).json()
    assert challenge["mfaRequired"] is True
    redis.stop()
    response = APIClient().post(
        reverse("auth-mfa-verify"),
        {"mfaToken": challenge["mfaToken"], "code": totp_code(secret)},
        format="json",
    )
    body = assert_error(response, status=503, type="network_error", code="mfa_unavailable")
    assert "try again" in body["error"]["message"].lower()

    redis.start()
    response = APIClient().post(
        reverse("auth-mfa-verify"),
        {"mfaToken": challenge["mfaToken"], "code": totp_code(secret)},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert bearer(response.json()["accessToken"]).get(reverse("users-profile")).status_code == 200
