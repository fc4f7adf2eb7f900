"""Token revocation: refresh-token families (reuse ends the sign-in), concurrent refreshes on
real PostgreSQL connections, and every password or email change ending all of a user's tokens,
whatever the path."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import TokenFamily, User
from accounts.tests.factories import UserFactory

from .conftest import PASSWORD, assert_error, bearer, login

NEW_PASSWORD = "another-long-pass-phrase"


def refresh(refresh_token: str):
    return APIClient().post(reverse("auth-refresh"), {"refreshToken": refresh_token}, format="json")


def profile(access_token: str):
    return bearer(access_token).get(reverse("users-profile"))


def assert_signed_out(body: dict) -> None:
    assert_error(profile(body["accessToken"]), status=401, type="auth_error", code="token_revoked")
    assert_error(refresh(body["refreshToken"]), status=401, type="auth_error", code="token_revoked")


# --- refresh-token families (RFC 6819 5.2.2.3) -----------------------------------------------


@pytest.mark.django_db
def test_a_replayed_refresh_token_revokes_the_token_it_was_rotated_into(signed_in):
    user, _, first = signed_in
    other_device = login(APIClient(), user.email).json()
    second = refresh(first["refreshToken"]).json()
    assert profile(second["accessToken"]).status_code == 200

    replay = refresh(first["refreshToken"])

    assert_error(replay, status=401, type="auth_error", code="token_reused")
    assert_signed_out(second)
    assert TokenFamily.objects.get(pk=_family(second)).revoked_reason == "reuse"
    # Only that sign-in ends: the user's other device keeps working.
    assert profile(other_device["accessToken"]).status_code == 200
    assert refresh(other_device["refreshToken"]).status_code == 200


@pytest.mark.django_db
def test_logout_ends_the_sign_in_in_the_database_not_only_in_the_cache(signed_in):
    from django.core.cache import caches

    _, client, body = signed_in
    response = client.post(
        reverse("auth-logout"), {"refreshToken": body["refreshToken"]}, format="json"
    )
    assert response.status_code == 204
    for alias in caches:
        caches[alias].clear()  # a Redis restart without persistence
    assert_signed_out(body)


def _family(body: dict) -> str:
    from rest_framework_simplejwt.tokens import UntypedToken

    return UntypedToken(body["accessToken"])["fam"]


# --- two refreshes of one token at the same time (real threads, real PostgreSQL) -------------


def _waiting_on_locks(count: int, timeout: float = 20) -> None:
    """Waits until `count` other backends of this test database wait on a lock."""
    deadline = time.monotonic() + timeout
    with connections["default"].cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0] >= count:
                return
            time.sleep(0.05)
    raise AssertionError(f"{count} requests never reached the lock")


@pytest.mark.django_db(transaction=True)
def test_of_two_concurrent_refreshes_one_wins_and_the_other_is_told_reuse():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

    user = UserFactory()
    body = login(APIClient(), user.email).json()
    outstanding = OutstandingToken.objects.get(user=user)
    results: list = []

    def refresh_in_a_thread():
        try:
            results.append(refresh(body["refreshToken"]))
        finally:
            connections.close_all()

    # A third connection holds the blacklist row's slot, uncommitted: both requests get past
    # every check before either can insert, the moment a race needs.
    blocker = connections.create_connection("default")
    blocker.connect()
    blocker.set_autocommit(False)
    with blocker.cursor() as cursor:
        cursor.execute(
            "INSERT INTO token_blacklist_blacklistedtoken (token_id, blacklisted_at) "
            "VALUES (%s, now())",
            [outstanding.pk],
        )
    threads = [threading.Thread(target=refresh_in_a_thread) for _ in range(2)]
    for thread in threads:
        thread.start()
    try:
        _waiting_on_locks(2)
    finally:
        blocker.rollback()
        blocker.close()
    for thread in threads:
        thread.join(timeout=30)

    statuses = sorted(response.status_code for response in results)
    assert statuses == [200, 401], [r.content for r in results]
    loser = next(response for response in results if response.status_code == 401)
    assert_error(loser, status=401, type="auth_error", code="token_reused")


# --- every password or email change ends every token ------------------------------------------


@pytest.mark.django_db
def test_a_password_change_on_allauths_page_signs_out_every_token(signed_in):
    user, _, body = signed_in
    browser = Client()
    browser.force_login(user)
    response = browser.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302, response.content
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert_signed_out(body)
    fresh = login(APIClient(), user.email, NEW_PASSWORD).json()
    assert profile(fresh["accessToken"]).status_code == 200


@pytest.mark.django_db
def test_a_password_set_by_staff_in_the_admin_signs_out_every_token(signed_in):
    user, _, body = signed_in
    staff = Client()
    staff.force_login(UserFactory(role="admin", is_superuser=True))
    response = staff.post(
        reverse("admin:auth_user_password_change", args=[user.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert response.status_code == 302, response.content
    assert_signed_out(body)


@pytest.mark.django_db
def test_an_email_change_signs_out_every_token(signed_in):
    user, _, body = signed_in
    # Whatever changes the address (allauth's primary-address switch, the admin, a script)
    # ends in this write.
    User.objects.filter(pk=user.pk).update(email="changed@example.com")
    assert_signed_out(body)


@pytest.mark.django_db
def test_an_mfa_login_token_dies_with_a_password_change(mfa_user):
    user, _ = mfa_user
    user.set_password(PASSWORD)
    user.save()
    challenge = login(APIClient(), user.email).json()
    user.set_password(NEW_PASSWORD)
    user.save()
    response = APIClient().post(
        reverse("auth-mfa-verify"),
        {"mfaToken": challenge["mfaToken"], "code": "123456"},
        format="json",
    )
    assert_error(response, status=401, type="auth_error", code="token_revoked")


# --- housekeeping ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_families_no_token_can_use_any_more_are_purged_nightly(signed_in):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from accounts.tasks import flush_expired_tokens_task

    user, _, body = signed_in
    family = TokenFamily.objects.get(pk=_family(body))
    assert family.expires_at > timezone.now() + timedelta(days=13)
    with time_machine.travel(timezone.now() + timedelta(days=10), tick=False):
        rotated = refresh(body["refreshToken"]).json()
        family.refresh_from_db()
        assert family.expires_at > timezone.now() + timedelta(days=13)
    with time_machine.travel(timezone.now() + timedelta(days=20), tick=False):
        stale = TokenFamily.objects.create(
            user=user, expires_at=timezone.now() - timedelta(seconds=1)
        )
        flush_expired_tokens_task()
        assert not TokenFamily.objects.filter(pk=stale.pk).exists()
        # Rotated on day 10, it lives until day 24.
        assert TokenFamily.objects.filter(pk=family.pk).exists()
        assert refresh(rotated["refreshToken"]).status_code == 200
