"""Google and LinkedIn sign-in through allauth, against the fake identity provider on 127.0.0.1."""

from __future__ import annotations

import jsonschema
import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from accounts.tests.factories import UserFactory

from .conftest import PASSWORD, assert_error, bearer, login

pytestmark = pytest.mark.django_db

REDIRECT_URI = "https://app.example.com/oauth/callback"


def google(body: dict):
    return APIClient().post(reverse("auth-oauth-google"), body, format="json")


def linkedin(body: dict):
    return APIClient().post(reverse("auth-oauth-linkedin"), body, format="json")


def assert_signed_in(response, *, email: str, created: bool) -> dict:
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"user", "accessToken", "refreshToken", "created"}
    assert body["created"] is created
    assert body["user"]["email"] == email
    assert bearer(body["accessToken"]).get(reverse("users-profile")).status_code == 200
    return body


def test_a_google_id_token_creates_a_new_account(oauth_providers):
    token = oauth_providers.google_id_token(
        email="Kim@Example.com", given_name="Minji", family_name="Kim", locale="ko"
    )
    body = assert_signed_in(google({"idToken": token}), email="kim@example.com", created=True)

    user = User.objects.get(pk=body["user"]["id"])
    assert user.name == "Minji Kim"
    assert user.preferences["language"] == "ko"
    assert not user.has_usable_password()
    assert SocialAccount.objects.get(user=user).provider == "google"
    assert EmailAddress.objects.get(user=user).verified


def test_a_google_id_token_links_an_existing_account_with_that_verified_email(oauth_providers):
    user = UserFactory(email="kim@example.com")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    token = oauth_providers.google_id_token(email="kim@example.com")

    body = assert_signed_in(google({"idToken": token}), email="kim@example.com", created=False)

    assert body["user"]["id"] == str(user.pk)
    assert User.objects.count() == 1
    assert SocialAccount.objects.get(user=user).uid == "1234567890"
    assert login(APIClient(), user.email, PASSWORD).status_code == 200  # password kept


def test_linking_an_unverified_local_address_wipes_its_password(oauth_providers):
    # allauth's guard against account pre-hijacking: whoever registered the address with a
    # password never proved they own it, so that password stops working once Google vouches.
    user = UserFactory(email="kim@example.com")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)

    body = assert_signed_in(
        google({"idToken": oauth_providers.google_id_token(email="kim@example.com")}),
        email="kim@example.com",
        created=False,
    )

    assert body["user"]["id"] == str(user.pk)
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_the_second_google_sign_in_finds_the_account_by_its_google_id(oauth_providers):
    first = google({"idToken": oauth_providers.google_id_token(email="kim@example.com")})
    again = google({"idToken": oauth_providers.google_id_token(email="kim@example.com")})
    assert again.json()["created"] is False
    assert again.json()["user"]["id"] == first.json()["user"]["id"]


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param({"signed_by_stranger": True}, id="bad-signature"),
        pytest.param({"audience": "someone-elses-client"}, id="wrong-audience"),
        pytest.param({"expires_in": -120}, id="expired"),
        pytest.param({"issuer": "https://evil.example.com"}, id="wrong-issuer"),
    ],
)
def test_a_google_id_token_that_fails_verification_is_refused(oauth_providers, claims):
    response = google({"idToken": oauth_providers.google_id_token(**claims)})
    assert_error(response, status=401, type="auth_error", code="oauth_token_invalid")
    assert not User.objects.exists()


def test_a_google_id_token_cannot_be_replayed(oauth_providers):
    token = oauth_providers.google_id_token()
    assert google({"idToken": token}).status_code == 200
    assert_error(
        google({"idToken": token}), status=401, type="auth_error", code="oauth_token_invalid"
    )


def test_a_google_authorization_code_is_exchanged_at_the_token_endpoint(oauth_providers):
    code = oauth_providers.authorization_code(
        id_token=oauth_providers.google_id_token(email="lee@example.com", name="Lee Jun"),
        userinfo={"sub": "1234567890", "email": "lee@example.com"},
    )
    response = google({"code": code, "redirectUri": REDIRECT_URI, "codeVerifier": "v" * 43})

    assert_signed_in(response, email="lee@example.com", created=True)
    exchange = oauth_providers.token_requests[-1]
    assert exchange["redirect_uri"] == REDIRECT_URI
    assert exchange["code_verifier"] == "v" * 43
    assert exchange["grant_type"] == "authorization_code"


def test_an_unknown_google_code_is_refused(oauth_providers):
    response = google({"code": "made-up", "redirectUri": REDIRECT_URI})
    assert_error(response, status=401, type="auth_error", code="oauth_token_invalid")


def test_google_needs_an_id_token_or_a_code_with_its_redirect_uri(oauth_providers):
    body = assert_error(
        google({"code": "only-a-code"}), status=400, type="validation_error", code="invalid_input"
    )
    assert "idToken" in body["error"]["details"]["fields"]


@pytest.mark.parametrize(
    ("body", "valid"),
    [
        ({}, False),
        ({"code": "only-a-code"}, False),
        ({"redirectUri": REDIRECT_URI}, False),
        ({"idToken": "a.b.c"}, True),
        ({"code": "c", "redirectUri": REDIRECT_URI}, True),
    ],
)
def test_the_schema_says_google_needs_an_id_token_or_a_code_with_its_redirect_uri(
    oauth_providers, client, body, valid
):
    # Schemathesis found it (OAuth pass against the fake provider): `{}` and a lone code matched
    # the schema and were refused with 400.
    schema = client.get("/api/schema", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/auth/oauth/google"]["post"]
    assert operation["requestBody"]["required"] is True
    validator = jsonschema.Draft4Validator(
        {"components": schema["components"], "$ref": "#/components/schemas/GoogleOAuthRequest"}
    )
    assert validator.is_valid(body) is valid
    assert (google(body).status_code == 400) is not valid


def test_a_linkedin_code_signs_up_through_openid_connect(oauth_providers):
    code = oauth_providers.authorization_code(
        id_token=oauth_providers.linkedin_id_token(subject="li-42", email="park@example.com"),
        userinfo={
            "sub": "li-42",
            "email": "park@example.com",
            "email_verified": True,
            "name": "Park Jisoo",
            "locale": {"country": "US", "language": "en"},
        },
    )
    response = linkedin({"code": code, "redirectUri": REDIRECT_URI})

    body = assert_signed_in(response, email="park@example.com", created=True)
    user = User.objects.get(pk=body["user"]["id"])
    assert user.name == "Park Jisoo"
    assert user.preferences["language"] == "en"
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == ("linkedin", "li-42")
    assert oauth_providers.token_requests[-1]["redirect_uri"] == REDIRECT_URI


def test_linkedin_links_an_existing_account_with_that_verified_email(oauth_providers):
    user = UserFactory(email="park@example.com")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    code = oauth_providers.authorization_code(
        id_token=oauth_providers.linkedin_id_token(subject="li-7", email="park@example.com"),
        userinfo={"sub": "li-7", "email": "park@example.com", "email_verified": True},
    )
    body = assert_signed_in(
        linkedin({"code": code, "redirectUri": REDIRECT_URI}),
        email="park@example.com",
        created=False,
    )
    assert body["user"]["id"] == str(user.pk)


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param({"audience": "someone-elses-client"}, id="wrong-audience"),
        pytest.param({"expires_in": -120}, id="expired"),
    ],
)
def test_a_linkedin_id_token_that_fails_verification_is_refused(oauth_providers, claims):
    code = oauth_providers.authorization_code(
        id_token=oauth_providers.linkedin_id_token(**claims),
        userinfo={"sub": "li-42", "email": "park@example.com", "email_verified": True},
    )
    response = linkedin({"code": code, "redirectUri": REDIRECT_URI})
    assert_error(response, status=401, type="auth_error", code="oauth_token_invalid")
    assert not User.objects.exists()


def test_an_unknown_linkedin_code_is_refused(oauth_providers):
    response = linkedin({"code": "made-up", "redirectUri": REDIRECT_URI})
    assert_error(response, status=401, type="auth_error", code="oauth_token_invalid")


def test_an_unverified_provider_email_cannot_claim_an_existing_account(oauth_providers):
    UserFactory(email="kim@example.com")
    token = oauth_providers.google_id_token(email="kim@example.com", email_verified=False)
    assert_error(
        google({"idToken": token}), status=409, type="validation_error", code="email_taken"
    )
    assert not SocialAccount.objects.exists()


def test_a_deactivated_account_cannot_sign_in_with_google(oauth_providers):
    user = UserFactory(email="kim@example.com", is_active=False)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    response = google({"idToken": oauth_providers.google_id_token(email="kim@example.com")})
    assert_error(response, status=403, type="auth_error", code="account_disabled")


def test_an_mfa_user_signing_in_with_google_gets_the_mfa_challenge(oauth_providers, mfa_user):
    user, _secret = mfa_user
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    response = google({"idToken": oauth_providers.google_id_token(email=user.email)})
    assert response.status_code == 200
    body = response.json()
    assert body["mfaRequired"] is True
    assert body["mfaToken"]
    assert "accessToken" not in body


def test_the_api_leaves_no_session_behind(oauth_providers):
    response = google({"idToken": oauth_providers.google_id_token()})
    assert response.status_code == 200
    cookies = {name: morsel.value for name, morsel in response.cookies.items()}
    assert not cookies.get("sessionid")
    assert "messages" not in cookies


def test_an_unconfigured_provider_is_404_not_an_internal_error(settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"google": {"APPS": []}, "openid_connect": {"APPS": []}}
    assert_error(
        google({"idToken": "x"}),
        status=404,
        type="validation_error",
        code="oauth_provider_not_configured",
    )
    assert_error(
        linkedin({"code": "x", "redirectUri": REDIRECT_URI}),
        status=404,
        type="validation_error",
        code="oauth_provider_not_configured",
    )
