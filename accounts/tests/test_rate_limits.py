"""Auth endpoints: 5 requests a minute per IP and per account, answered 429 with Retry-After."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory

from .conftest import assert_error, login

pytestmark = pytest.mark.django_db


def from_ip(ip: str) -> APIClient:
    return APIClient(REMOTE_ADDR=ip)


def test_the_sixth_login_from_one_ip_in_a_minute_is_refused():
    client = from_ip("10.0.0.1")
    for n in range(5):
        assert login(client, f"user{n}@example.com").status_code == 401
    response = login(client, "user9@example.com")
    body = assert_error(response, status=429, type="rate_limit_error", code="rate_limited")
    retry_after = int(response["Retry-After"])
    assert 1 <= retry_after <= 60
    assert body["error"]["details"]["retryAfter"] == retry_after


def test_one_account_is_limited_across_ips():
    user = UserFactory()
    for n in range(5):
        assert login(from_ip(f"10.0.1.{n}"), user.email, "wrong").status_code == 401
    response = login(from_ip("10.0.1.99"), user.email.upper())
    assert_error(response, status=429, type="rate_limit_error", code="rate_limited")
    assert login(from_ip("10.0.1.99"), "someone-else@example.com").status_code == 401


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("auth-register", {"email": "a@example.com", "password": "x", "name": "A"}),
        ("auth-refresh", {"refreshToken": "x"}),
        ("auth-forgot-password", {"email": "a@example.com"}),
        ("auth-reset-password", {"uid": "x", "token": "y", "password": "z"}),
        ("auth-oauth-google", {"idToken": "x"}),
        ("auth-oauth-linkedin", {"code": "x", "redirectUri": "https://a.example.com/cb"}),
        ("auth-mfa-verify", {"mfaToken": "x", "code": "123456"}),
    ],
)
def test_every_public_auth_endpoint_is_limited(name, body):
    client = from_ip("10.0.2.1")
    for _ in range(5):
        assert client.post(reverse(name), body, format="json").status_code != 429
    response = client.post(reverse(name), body, format="json")
    assert_error(response, status=429, type="rate_limit_error", code="rate_limited")


def test_mfa_code_guesses_are_limited_per_account(make_signed_in):
    _, client, _ = make_signed_in()
    for _ in range(5):
        client.post(reverse("auth-mfa-totp-confirm"), {"code": "000000"}, format="json")
    response = client.post(reverse("auth-mfa-totp-confirm"), {"code": "000000"}, format="json")
    assert_error(response, status=429, type="rate_limit_error", code="rate_limited")


def test_the_rate_comes_from_settings(settings):
    settings.RATE_LIMITS = {**getattr(settings, "RATE_LIMITS", {}), "auth": "2/m"}
    client = from_ip("10.0.3.1")
    assert login(client, "a@example.com").status_code == 401
    assert login(client, "b@example.com").status_code == 401
    assert login(client, "c@example.com").status_code == 429
