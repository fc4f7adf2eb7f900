"""Two-factor authentication: TOTP setup, login with a second factor, recovery codes."""

from __future__ import annotations

import base64
from datetime import timedelta
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.tokens import token_pair_for

from .conftest import assert_error, bearer, login, totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def next_window():
    """30 seconds on: a new TOTP code (each code is accepted once)."""
    return time_machine.travel(timezone.now() + timedelta(seconds=31), tick=False)


def verify(mfa_token: str, code: str):
    return APIClient().post(
        reverse("auth-mfa-verify"), {"mfaToken": mfa_token, "code": code}, format="json"
    )


def test_setup_gives_a_secret_its_otpauth_uri_and_a_qr_code(signed_in):
    user, client, _ = signed_in
    response = client.post(reverse("auth-mfa-totp-setup"))
    assert response.status_code == 200
    body = response.json()
    uri = urlparse(body["otpauthUri"])
    assert uri.scheme == "otpauth" and uri.netloc == "totp"
    assert parse_qs(uri.query)["secret"] == [body["secret"]]
    assert parse_qs(uri.query)["issuer"] == ["Interview Practice"]
    assert user.email in unquote(uri.path)
    assert body["qrCode"].startswith("data:image/svg+xml;base64,")
    assert b"<svg" in base64.b64decode(body["qrCode"].split(",", 1)[1])
    assert not Authenticator.objects.filter(user=user).exists()  # nothing on until confirmed


def test_confirming_turns_mfa_on_and_keeps_the_secret_encrypted(signed_in):
    user, client, _ = signed_in
    secret = client.post(reverse("auth-mfa-totp-setup")).json()["secret"]

    response = client.post(
        reverse("auth-mfa-totp-confirm"), {"code": totp_code(secret)}, format="json"
    )

    assert response.status_code == 201
    codes = response.json()["codes"]
    assert len(codes) == 10
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]
    assert stored != secret and secret not in stored
    assert decrypt(stored) == secret
    seed = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    assert all(code not in str(seed.data) for code in codes)
    assert client.get(reverse("auth-mfa")).json() == {"enabled": True, "recoveryCodesRemaining": 10}


def test_confirming_with_a_wrong_code_is_refused(signed_in):
    _, client, _ = signed_in
    client.post(reverse("auth-mfa-totp-setup"))
    response = client.post(reverse("auth-mfa-totp-confirm"), {"code": "000000"}, format="json")
    assert_error(response, status=400, type="validation_error", code="invalid_mfa_code")


def test_confirming_without_a_setup_is_refused(signed_in):
    _, client, _ = signed_in
    response = client.post(reverse("auth-mfa-totp-confirm"), {"code": "123456"}, format="json")
    assert_error(response, status=400, type="validation_error", code="mfa_setup_expired")


def test_setup_is_refused_while_mfa_is_on(mfa_user):
    user, _ = mfa_user
    client = APIClient()
    client.force_authenticate(user)
    assert_error(
        client.post(reverse("auth-mfa-totp-setup")),
        status=409,
        type="validation_error",
        code="mfa_already_enabled",
    )


def test_login_with_mfa_on_asks_for_the_second_factor_and_verify_finishes_it(mfa_user):
    user, secret = mfa_user
    first = login(APIClient(), user.email)
    assert first.status_code == 200
    assert set(first.json()) == {"mfaRequired", "mfaToken"}
    assert first.json()["mfaRequired"] is True
    user.refresh_from_db()
    assert user.last_login_at is None  # not signed in yet

    response = verify(first.json()["mfaToken"], totp_code(secret))

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"user", "accessToken", "refreshToken"}
    assert bearer(body["accessToken"]).get(reverse("users-profile")).status_code == 200
    user.refresh_from_db()
    assert user.last_login_at is not None


def test_the_mfa_token_is_not_an_access_token(mfa_user):
    user, _ = mfa_user
    mfa_token = login(APIClient(), user.email).json()["mfaToken"]
    assert_error(
        bearer(mfa_token).get(reverse("users-profile")),
        status=401,
        type="auth_error",
        code="token_invalid",
    )


def test_verify_refuses_a_wrong_code_and_allows_another_try(mfa_user):
    user, secret = mfa_user
    mfa_token = login(APIClient(), user.email).json()["mfaToken"]
    assert_error(
        verify(mfa_token, "000000"), status=401, type="auth_error", code="invalid_mfa_code"
    )
    assert verify(mfa_token, totp_code(secret)).status_code == 200


def test_a_totp_code_and_an_mfa_token_work_once(mfa_user):
    user, secret = mfa_user
    code = totp_code(secret)
    mfa_token = login(APIClient(), user.email).json()["mfaToken"]
    assert verify(mfa_token, code).status_code == 200
    assert_error(verify(mfa_token, code), status=401, type="auth_error", code="token_reused")
    second = login(APIClient(), user.email).json()["mfaToken"]
    assert_error(verify(second, code), status=401, type="auth_error", code="invalid_mfa_code")


def test_an_expired_mfa_token_is_refused(mfa_user):
    user, secret = mfa_user
    mfa_token = login(APIClient(), user.email).json()["mfaToken"]
    with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
        assert_error(
            verify(mfa_token, totp_code(secret)),
            status=401,
            type="auth_error",
            code="token_expired",
        )


def test_a_forged_mfa_token_is_refused(mfa_user):
    _, secret = mfa_user
    assert_error(
        verify("not-a-token", totp_code(secret)),
        status=401,
        type="auth_error",
        code="token_invalid",
    )


def test_a_recovery_code_signs_in_once(mfa_user):
    user, _ = mfa_user
    # A sign-in just made: fresh enough to see the codes (test_reauthentication.py).
    client = bearer(token_pair_for(user).access)
    recovery = client.get(reverse("auth-mfa-recovery-codes")).json()["codes"][0]

    assert verify(login(APIClient(), user.email).json()["mfaToken"], recovery).status_code == 200
    again = verify(login(APIClient(), user.email).json()["mfaToken"], recovery)
    assert_error(again, status=401, type="auth_error", code="invalid_mfa_code")
    assert recovery not in client.get(reverse("auth-mfa-recovery-codes")).json()["codes"]


def test_recovery_codes_are_regenerated_with_a_code_from_the_app(mfa_user):
    user, secret = mfa_user
    # A sign-in just made: fresh enough to see the codes (test_reauthentication.py).
    client = bearer(token_pair_for(user).access)
    old = client.get(reverse("auth-mfa-recovery-codes")).json()["codes"]

    refused = client.post(reverse("auth-mfa-recovery-codes"), {"code": old[0]}, format="json")
    assert_error(refused, status=400, type="validation_error", code="invalid_mfa_code")

    response = client.post(
        reverse("auth-mfa-recovery-codes"), {"code": totp_code(secret)}, format="json"
    )
    assert response.status_code == 201
    new = response.json()["codes"]
    assert len(new) == 10 and set(new).isdisjoint(old)
    assert client.get(reverse("auth-mfa-recovery-codes")).json()["codes"] == new


def test_disabling_needs_a_valid_code(mfa_user):
    user, secret = mfa_user
    client = APIClient()
    client.force_authenticate(user)
    wrong = client.post(reverse("auth-mfa-totp-disable"), {"code": "000000"}, format="json")
    assert_error(wrong, status=400, type="validation_error", code="invalid_mfa_code")

    right = client.post(
        reverse("auth-mfa-totp-disable"), {"code": totp_code(secret)}, format="json"
    )

    assert right.status_code == 204
    assert not Authenticator.objects.filter(user=user).exists()
    assert set(login(APIClient(), user.email).json()) == {"user", "accessToken", "refreshToken"}


def test_disabling_or_regenerating_without_mfa_is_refused(signed_in):
    _, client, _ = signed_in
    for name in ("auth-mfa-totp-disable", "auth-mfa-recovery-codes"):
        response = client.post(reverse(name), {"code": "123456"}, format="json")
        assert_error(response, status=400, type="validation_error", code="mfa_not_enabled")
    assert client.get(reverse("auth-mfa")).json() == {"enabled": False, "recoveryCodesRemaining": 0}
    assert client.get(reverse("auth-mfa-recovery-codes")).json() == {"codes": []}


def test_the_whole_setup_from_the_api(signed_in):
    user, client, _ = signed_in
    secret = client.post(reverse("auth-mfa-totp-setup")).json()["secret"]
    client.post(reverse("auth-mfa-totp-confirm"), {"code": totp_code(secret)}, format="json")
    with next_window():
        mfa_token = login(APIClient(), user.email).json()["mfaToken"]
        assert verify(mfa_token, totp_code(secret)).status_code == 200


def test_mfa_endpoints_need_authentication():
    client = APIClient()
    for method, name in [
        ("get", "auth-mfa"),
        ("post", "auth-mfa-totp-setup"),
        ("post", "auth-mfa-totp-confirm"),
        ("post", "auth-mfa-totp-disable"),
        ("get", "auth-mfa-recovery-codes"),
    ]:
        response = getattr(client, method)(reverse(name))
        assert_error(response, status=401, type="auth_error", code="not_authenticated")
