"""Register, login, refresh, logout and bearer-token checks, over HTTP."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from accounts.tests.factories import UserFactory
from interview_platform.logging import user_id_var

from .conftest import assert_error, bearer, login

pytestmark = pytest.mark.django_db

REGISTER = {"email": "New.User@Example.com", "password": "a-long-pass-phrase", "name": "Kim"}


def refresh(refresh_token: str):
    return APIClient().post(reverse("auth-refresh"), {"refreshToken": refresh_token}, format="json")


def test_the_whole_walk_from_register_to_logout():
    client = APIClient()
    registered = client.post(reverse("auth-register"), REGISTER, format="json")
    assert registered.status_code == 201, registered.content

    logged_in = login(client, "new.user@example.com", REGISTER["password"])
    assert logged_in.status_code == 200
    first = logged_in.json()
    profile = bearer(first["accessToken"]).get(reverse("auth-profile"))
    assert profile.status_code == 200
    assert profile.json()["email"] == "new.user@example.com"

    rotated = refresh(first["refreshToken"])
    assert rotated.status_code == 200
    second = rotated.json()
    assert second["refreshToken"] != first["refreshToken"]

    user = bearer(second["accessToken"])
    logout = user.post(
        reverse("auth-logout"), {"refreshToken": second["refreshToken"]}, format="json"
    )
    assert logout.status_code == 204
    assert_error(
        user.get(reverse("users-profile")), status=401, type="auth_error", code="token_revoked"
    )
    assert_error(
        refresh(second["refreshToken"]), status=401, type="auth_error", code="token_revoked"
    )


def test_register_answers_the_user_and_a_token_pair():
    response = APIClient().post(
        reverse("auth-register"), {**REGISTER, "language": "en"}, format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"user", "accessToken", "refreshToken"}
    assert body["user"]["email"] == "new.user@example.com"
    assert body["user"]["name"] == "Kim"
    assert body["user"]["role"] == "user"
    assert body["user"]["preferences"]["language"] == "en"
    assert body["user"]["subscription"] == {"type": "free", "expiresAt": None}
    user = User.objects.get(email="new.user@example.com")
    assert user.check_password(REGISTER["password"])
    assert user.last_login_at is not None
    assert user.emailaddress_set.get().email == "new.user@example.com"


def test_register_refuses_an_email_taken_in_any_case():
    UserFactory(email="taken@example.com")
    response = APIClient().post(
        reverse("auth-register"), {**REGISTER, "email": "TAKEN@example.com"}, format="json"
    )
    body = assert_error(response, status=409, type="validation_error", code="email_taken")
    assert "email" in body["error"]["details"]["fields"]


def test_register_refuses_a_weak_password():
    response = APIClient().post(
        reverse("auth-register"), {**REGISTER, "password": "12345678"}, format="json"
    )
    body = assert_error(response, status=400, type="validation_error", code="weak_password")
    assert body["error"]["details"]["fields"]["password"]
    assert not User.objects.exists()


def test_register_validates_its_fields():
    response = APIClient().post(
        reverse("auth-register"), {"email": "not-an-email", "password": "x"}, format="json"
    )
    body = assert_error(response, status=400, type="validation_error", code="invalid_input")
    assert set(body["error"]["details"]["fields"]) == {"email", "name"}


def test_login_answers_tokens_and_records_the_login():
    user = UserFactory(email="kim@example.com")
    before = timezone.now()
    response = login(APIClient(), "KIM@example.com")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"user", "accessToken", "refreshToken"}
    assert body["user"]["id"] == str(user.pk)
    user.refresh_from_db()
    assert user.last_login_at >= before
    assert body["user"]["lastLoginAt"] is not None


def test_login_reads_the_user_once_and_writes_each_row_once(django_assert_max_num_queries):
    """The user and whether they have a second factor in one query; the last login, the token
    family and the outstanding refresh token one statement each; and the request's transaction
    (a savepoint in tests). It was 12: the audit log's read-back, simplejwt's get_or_create."""
    user = UserFactory()
    with django_assert_max_num_queries(6):
        response = login(APIClient(), user.email)
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.last_login_at is not None
    assert user.outstandingtoken_set.count() == 1
    assert user.token_families.count() == 1


def test_login_refuses_a_wrong_password_and_an_unknown_email_alike():
    UserFactory(email="kim@example.com")
    wrong = login(APIClient(), "kim@example.com", "wrong-password")
    unknown = login(APIClient(), "nobody@example.com")
    for response in (wrong, unknown):
        assert_error(response, status=401, type="auth_error", code="invalid_credentials")
    assert wrong.json()["error"]["message"] == unknown.json()["error"]["message"]


def test_login_tells_a_deactivated_account_only_with_the_right_password():
    UserFactory(email="kim@example.com", is_active=False)
    assert_error(
        login(APIClient(), "kim@example.com"),
        status=403,
        type="auth_error",
        code="account_disabled",
    )
    assert_error(
        login(APIClient(), "kim@example.com", "wrong"),
        status=401,
        type="auth_error",
        code="invalid_credentials",
    )


def test_refresh_rotates_the_pair(signed_in):
    _, _, body = signed_in
    response = refresh(body["refreshToken"])
    assert response.status_code == 200
    pair = response.json()
    assert set(pair) == {"accessToken", "refreshToken"}
    assert bearer(pair["accessToken"]).get(reverse("users-profile")).status_code == 200


def test_refresh_refuses_an_expired_token(signed_in):
    _, _, body = signed_in
    with time_machine.travel(timezone.now() + timedelta(days=15), tick=False):
        assert_error(
            refresh(body["refreshToken"]), status=401, type="auth_error", code="token_expired"
        )


def test_refresh_refuses_a_tampered_token_and_an_access_token(signed_in):
    _, _, body = signed_in
    tampered = body["refreshToken"][:-4] + (
        "AAAA" if body["refreshToken"][-4:] != "AAAA" else "BBBB"
    )
    for token in (tampered, body["accessToken"], "not-a-jwt"):
        assert_error(refresh(token), status=401, type="auth_error", code="token_invalid")


def test_refresh_refuses_a_deactivated_account(signed_in):
    user, _, body = signed_in
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert_error(
        refresh(body["refreshToken"]), status=403, type="auth_error", code="account_disabled"
    )


def test_logout_needs_the_callers_own_refresh_token(signed_in, make_signed_in):
    _, client, _ = signed_in
    _, _, other = make_signed_in()
    response = client.post(
        reverse("auth-logout"), {"refreshToken": other["refreshToken"]}, format="json"
    )
    assert_error(response, status=401, type="auth_error", code="token_invalid")
    assert refresh(other["refreshToken"]).status_code == 200


def test_logout_needs_an_access_token(signed_in):
    _, _, body = signed_in
    response = APIClient().post(
        reverse("auth-logout"), {"refreshToken": body["refreshToken"]}, format="json"
    )
    assert_error(response, status=401, type="auth_error", code="not_authenticated")


def test_an_expired_access_token_says_so(signed_in):
    _, client, _ = signed_in
    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        assert_error(
            client.get(reverse("users-profile")),
            status=401,
            type="auth_error",
            code="token_expired",
        )


def test_a_malformed_or_foreign_access_token_is_invalid(signed_in):
    _, _, body = signed_in
    for token in ("garbage", body["refreshToken"], body["accessToken"] + "x"):
        response = bearer(token).get(reverse("users-profile"))
        assert_error(response, status=401, type="auth_error", code="token_invalid")


def test_an_access_token_stops_working_when_the_account_is_deactivated(signed_in):
    user, client, _ = signed_in
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert_error(
        client.get(reverse("users-profile")), status=403, type="auth_error", code="account_disabled"
    )


def test_a_stale_token_does_not_block_signing_in_again(signed_in):
    user, _, _ = signed_in
    client = bearer("garbage")
    assert login(client, user.email).status_code == 200


def test_log_lines_of_an_authenticated_request_carry_the_user_id(signed_in):
    user, client, _ = signed_in
    seen = []

    class Capture(logging.Handler):
        def emit(self, record):
            seen.append(user_id_var.get())

    handler = Capture()
    logging.getLogger("api.request").addHandler(handler)
    try:
        client.get(reverse("users-profile"))
    finally:
        logging.getLogger("api.request").removeHandler(handler)
    assert str(user.pk) in seen


def test_errors_speak_the_requested_language():
    UserFactory(email="kim@example.com")
    response = APIClient().post(
        reverse("auth-login"),
        {"email": "kim@example.com", "password": "wrong"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="ko",
    )
    body = assert_error(response, status=401, type="auth_error", code="invalid_credentials")
    assert body["error"]["message"] == "이메일 또는 비밀번호가 올바르지 않습니다."
