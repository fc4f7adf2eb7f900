"""Fixtures of the accounts tests: signing in over HTTP, TOTP codes, the fake identity provider."""

from __future__ import annotations

import copy
import time

import pytest
import time_machine
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory

from .fake_idp import CLIENT_SECRET, GOOGLE_CLIENT_ID, LINKEDIN_CLIENT_ID, FakeIdentityProvider

PASSWORD = "correct-horse-battery"


def bearer(access_token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access_token}")
    return client


def login(client: APIClient, email: str, password: str = PASSWORD):
    return client.post(reverse("auth-login"), {"email": email, "password": password}, format="json")


def totp_code(secret: str) -> str:
    """The code an authenticator app shows now for `secret` (allauth's own HOTP functions)."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def assert_error(response, *, status: int, type: str, code: str) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert body["success"] is False
    assert body["error"]["type"] == type
    assert body["error"]["code"] == code, body
    assert body["error"]["message"]
    return body


@pytest.fixture
def frozen_clock():
    """Stops the clock, so a TOTP code read from it is still current when the server checks."""
    with time_machine.travel(timezone.now(), tick=False):
        yield


@pytest.fixture
def signed_in(db):
    """A user signed in over the API: (user, client with its bearer token, the login body)."""
    user = UserFactory()
    body = login(APIClient(), user.email).json()
    return user, bearer(body["accessToken"]), body


@pytest.fixture
def make_signed_in(db):
    def make(**user_fields):
        user = UserFactory(**user_fields)
        body = login(APIClient(), user.email).json()
        return user, bearer(body["accessToken"]), body

    return make


@pytest.fixture(scope="session")
def fake_idp():
    idp = FakeIdentityProvider().start()
    yield idp
    idp.stop()


@pytest.fixture
def oauth_providers(settings, monkeypatch, fake_idp):
    """Google and LinkedIn configured as in production, pointed at the fake provider."""
    from allauth.socialaccount.providers.google import views as google_views

    fake_idp.reset()
    providers = copy.deepcopy(settings.SOCIALACCOUNT_PROVIDERS)
    providers["google"].update(
        APPS=[{"client_id": GOOGLE_CLIENT_ID, "secret": CLIENT_SECRET, "key": ""}],
        CERTS_URL=fake_idp.google_certs_url,
        ACCESS_TOKEN_URL=fake_idp.google_token_url,
        IDENTITY_URL=fake_idp.google_userinfo_url,
    )
    providers["openid_connect"]["APPS"] = [
        {
            "provider_id": "linkedin",
            "name": "LinkedIn",
            "client_id": LINKEDIN_CLIENT_ID,
            "secret": CLIENT_SECRET,
            "settings": {
                "server_url": fake_idp.linkedin_server_url,
                "token_auth_method": "client_secret_post",
            },
        }
    ]
    settings.SOCIALACCOUNT_PROVIDERS = providers
    # allauth copies Google's URLs out of the settings once, when its module is first imported
    # (at start-up, before any test): give that copy the URLs just set.
    google = providers["google"]
    monkeypatch.setattr(google_views, "CERTS_URL", google["CERTS_URL"])
    monkeypatch.setattr(
        google_views.GoogleOAuth2Adapter, "access_token_url", google["ACCESS_TOKEN_URL"]
    )
    monkeypatch.setattr(google_views.GoogleOAuth2Adapter, "identity_url", google["IDENTITY_URL"])
    return fake_idp


@pytest.fixture
def mfa_user(db):
    """A user with TOTP on (through allauth, as the confirm endpoint does): (user, secret)."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = UserFactory()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return user, secret
