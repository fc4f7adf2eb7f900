"""Sensitive actions need a fresh re-authentication (password or code within a few minutes):
recovery codes, password and email changes; over bearer tokens and browser sessions alike."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory
from accounts.tokens import token_pair_for

from .conftest import PASSWORD, assert_error, bearer, login, totp_code

pytestmark = pytest.mark.django_db

LATER = timedelta(minutes=7)  # past the 5-minute window, within the 15-minute access token
NEW_PASSWORD = "another-long-pass-phrase"


def _reauthentication_required(response):
    return assert_error(response, status=403, type="auth_error", code="reauthentication_required")


@pytest.fixture
def mfa_signed_in(mfa_user):
    user, secret = mfa_user
    pair = token_pair_for(user)
    return user, secret, bearer(pair.access), pair


def test_recovery_codes_need_more_than_a_bearer_token(mfa_signed_in):
    _, _, client, _ = mfa_signed_in
    with time_machine.travel(timezone.now() + LATER, tick=False):
        _reauthentication_required(client.get(reverse("auth-mfa-recovery-codes")))

        response = client.post(
            reverse("auth-reauthenticate"), {"password": PASSWORD}, format="json"
        )
        assert response.status_code == 200, response.content
        assert response.json()["expiresAt"]
        codes = client.get(reverse("auth-mfa-recovery-codes"))
        assert codes.status_code == 200
        assert len(codes.json()["codes"]) > 0


def test_a_reauthentication_stops_counting_after_the_window(mfa_signed_in):
    _, secret, client, _ = mfa_signed_in
    start = timezone.now()
    with time_machine.travel(start + LATER, tick=False):
        assert (
            client.post(
                reverse("auth-reauthenticate"), {"code": totp_code(secret)}, format="json"
            ).status_code
            == 200
        )
        assert client.get(reverse("auth-mfa-recovery-codes")).status_code == 200
    with time_machine.travel(start + LATER + timedelta(minutes=6), tick=False):
        _reauthentication_required(client.get(reverse("auth-mfa-recovery-codes")))


def test_a_sign_in_just_made_counts_as_fresh(mfa_signed_in):
    _, _, client, _ = mfa_signed_in
    assert client.get(reverse("auth-mfa-recovery-codes")).status_code == 200


def test_a_wrong_proof_is_refused(mfa_signed_in):
    _, _, client, _ = mfa_signed_in
    wrong_password = client.post(
        reverse("auth-reauthenticate"), {"password": "wrong"}, format="json"
    )
    assert_error(wrong_password, status=403, type="auth_error", code="invalid_credentials")
    wrong_code = client.post(reverse("auth-reauthenticate"), {"code": "000000"}, format="json")
    assert_error(wrong_code, status=403, type="auth_error", code="invalid_mfa_code")


def test_a_password_change_needs_the_current_password_or_a_fresh_proof(signed_in):
    user, client, _ = signed_in
    with time_machine.travel(timezone.now() + LATER, tick=False):
        _reauthentication_required(
            client.post(reverse("users-password"), {"newPassword": NEW_PASSWORD}, format="json")
        )
        wrong = client.post(
            reverse("users-password"),
            {"currentPassword": "wrong", "newPassword": NEW_PASSWORD},
            format="json",
        )
        assert_error(wrong, status=403, type="auth_error", code="invalid_credentials")

        changed = client.post(
            reverse("users-password"),
            {"currentPassword": PASSWORD, "newPassword": NEW_PASSWORD},
            format="json",
        )
        assert changed.status_code == 200, changed.content
        fresh = changed.json()
        assert_error(
            client.get(reverse("users-profile")),
            status=401,
            type="auth_error",
            code="token_revoked",
        )
        assert bearer(fresh["accessToken"]).get(reverse("users-profile")).status_code == 200
    assert login(APIClient(), user.email, NEW_PASSWORD).status_code == 200


def test_an_email_change_needs_a_fresh_proof(signed_in, django_capture_on_commit_callbacks):
    user, client, _ = signed_in
    UserFactory(email="taken@example.com")
    with time_machine.travel(timezone.now() + LATER, tick=False):
        _reauthentication_required(
            client.post(reverse("users-email"), {"email": "new@example.com"}, format="json")
        )
        client.post(reverse("auth-reauthenticate"), {"password": PASSWORD}, format="json")
        taken = client.post(reverse("users-email"), {"email": "Taken@example.com"}, format="json")
        assert_error(taken, status=409, type="validation_error", code="email_taken")
        with django_capture_on_commit_callbacks(execute=True):
            changed = client.post(
                reverse("users-email"), {"email": "New@Example.com"}, format="json"
            )
        assert changed.status_code == 200, changed.content
        assert changed.json()["user"]["email"] == "new@example.com"
        assert EmailAddress.objects.get(user=user).email == "new@example.com"
        assert not EmailAddress.objects.get(user=user).verified
        assert_error(
            client.get(reverse("users-profile")),
            status=401,
            type="auth_error",
            code="token_revoked",
        )
        new_client = bearer(changed.json()["accessToken"])
        assert new_client.get(reverse("users-profile")).json()["email"] == "new@example.com"


def test_a_browser_session_needs_allauths_reauthentication_too(mfa_user):
    user, _ = mfa_user
    browser = Client()
    browser.force_login(user)
    session = browser.session
    session["account_authentication_methods"] = [{"method": "mfa", "at": 0, "type": "totp"}]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()

    _reauthentication_required(browser.get(reverse("auth-mfa-recovery-codes")))
    response = browser.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302, response.content
    assert browser.get(reverse("auth-mfa-recovery-codes")).status_code == 200


def test_the_email_page_asks_to_reauthenticate():
    user = UserFactory()
    browser = Client()
    browser.force_login(user)
    response = browser.post(
        reverse("account_email"), {"action_add": "", "email": "second@example.com"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not EmailAddress.objects.filter(email="second@example.com").exists()


@pytest.mark.parametrize(
    ("method", "name", "status"),
    [
        ("post", "auth-mfa-totp-disable", 204),
        ("post", "auth-mfa-recovery-codes", 201),
        ("delete", "users-account", 204),
    ],
)
def test_turning_mfa_off_new_recovery_codes_and_deletion_need_a_fresh_proof(
    mfa_signed_in, method, name, status
):
    user, secret, client, _ = mfa_signed_in
    with time_machine.travel(timezone.now() + LATER, tick=False):
        # A bearer token alone, and a "DELETE" typed with it, prove nothing.
        body = {"confirm": "DELETE"} if name == "users-account" else {}
        _reauthentication_required(getattr(client, method)(reverse(name), body, format="json"))
        assert user.__class__.objects.filter(pk=user.pk).exists()

        proof = {"code": totp_code(secret)}
        assert client.post(reverse("auth-reauthenticate"), proof, format="json").status_code == 200
        response = getattr(client, method)(reverse(name), body, format="json")
        assert response.status_code == status, response.content


def test_a_social_only_account_deletes_after_signing_in_again(db):
    user = UserFactory()
    user.set_unusable_password()
    user.save()
    start = timezone.now()
    stale = bearer(token_pair_for(user).access)
    with time_machine.travel(start + LATER, tick=False):
        _reauthentication_required(
            stale.delete(reverse("users-account"), {"confirm": "DELETE"}, format="json")
        )
        fresh = bearer(token_pair_for(user).access)  # a new sign-in with Google, say
        refused = fresh.delete(reverse("users-account"), {"confirm": "yes"}, format="json")
        assert_error(refused, status=400, type="validation_error", code="confirmation_required")
        response = fresh.delete(reverse("users-account"), {"confirm": "DELETE"}, format="json")
        assert response.status_code == 204
    assert not user.__class__.objects.filter(pk=user.pk).exists()


def test_the_settings_page_sends_a_stale_session_to_confirm_access_before_deleting():
    user = UserFactory()
    user.set_unusable_password()
    user.save()
    browser = Client()
    browser.force_login(user)  # a session with no record of a recent sign-in
    response = browser.post(reverse("web:settings-delete"), {"confirm": "DELETE"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert user.__class__.objects.filter(pk=user.pk).exists()
