"""DELETE /api/users/account: re-authenticated erasure of the user and everything of theirs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from accounts.models import User
from accounts.tests.factories import UserFactory
from analytics.models import UserAnalytics
from sessions_app.models import InterviewSession

from .conftest import PASSWORD, assert_error, bearer, login, totp_code

pytestmark = pytest.mark.django_db


def delete(client, body: dict):
    return client.delete(reverse("users-account"), body, format="json")


def test_deleting_erases_the_user_and_everything_of_theirs(
    signed_in, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = str(tmp_path)
    user, client, body = signed_in
    other = UserFactory()
    user.avatar.save("me.webp", ContentFile(b"webp"), save=True)
    avatar = user.avatar.name
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    SocialAccount.objects.create(user=user, provider="google", uid="42")
    InterviewSession.objects.create(
        user=user, category="design", expires_at=timezone.now() + timedelta(hours=2)
    )
    UserAnalytics.objects.create(user=user, date=timezone.now().date())
    kept = InterviewSession.objects.create(
        user=other, category="design", expires_at=timezone.now() + timedelta(hours=2)
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = delete(client, {"password": PASSWORD})

    assert response.status_code == 204
    assert not User.objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(user_id=user.pk).exists()
    assert not SocialAccount.objects.filter(user_id=user.pk).exists()
    assert not InterviewSession.objects.filter(user_id=user.pk).exists()
    assert not UserAnalytics.objects.filter(user_id=user.pk).exists()
    assert not OutstandingToken.objects.filter(user_id=user.pk).exists()
    assert not OutstandingToken.objects.filter(user__isnull=True).exists()
    assert not default_storage.exists(avatar)
    assert InterviewSession.objects.filter(pk=kept.pk).exists()
    assert User.objects.filter(pk=other.pk).exists()

    assert_error(
        client.get(reverse("users-profile")), status=401, type="auth_error", code="token_revoked"
    )
    refreshed = APIClient().post(
        reverse("auth-refresh"), {"refreshToken": body["refreshToken"]}, format="json"
    )
    assert_error(refreshed, status=401, type="auth_error", code="token_invalid")
    assert_error(
        login(APIClient(), user.email), status=401, type="auth_error", code="invalid_credentials"
    )


def test_old_tokens_fail_once_the_revocation_has_expired_too(signed_in):
    _, client, _ = signed_in
    assert delete(client, {"password": PASSWORD}).status_code == 204
    cache.clear()  # revocation is not kept in the cache: losing it changes nothing
    assert_error(
        client.get(reverse("users-profile")), status=401, type="auth_error", code="token_revoked"
    )


def test_a_wrong_password_deletes_nothing(signed_in):
    user, client, _ = signed_in
    response = delete(client, {"password": "wrong"})
    assert_error(response, status=403, type="auth_error", code="invalid_credentials")
    assert User.objects.filter(pk=user.pk).exists()


@pytest.mark.usefixtures("frozen_clock")
def test_with_mfa_on_deleting_also_needs_a_code(mfa_user):
    user, secret = mfa_user
    client = APIClient()
    client.force_authenticate(user)  # no sign-in just made to count as a re-authentication
    assert_error(
        delete(client, {"password": PASSWORD}), status=403, type="auth_error", code="mfa_required"
    )
    assert_error(
        delete(client, {"password": PASSWORD, "code": "000000"}),
        status=400,
        type="validation_error",
        code="invalid_mfa_code",
    )
    assert delete(client, {"password": PASSWORD, "code": totp_code(secret)}).status_code == 204
    assert not Authenticator.objects.filter(user_id=user.pk).exists()


def test_a_user_deletes_only_their_own_account(signed_in, make_signed_in):
    _, alice_client, _ = signed_in
    bob, _, bob_body = make_signed_in()
    assert delete(alice_client, {"password": PASSWORD, "id": str(bob.pk)}).status_code == 204
    assert User.objects.filter(pk=bob.pk).exists()
    assert bearer(bob_body["accessToken"]).get(reverse("users-profile")).status_code == 200


def test_deleting_needs_authentication():
    assert_error(
        delete(APIClient(), {"password": PASSWORD}),
        status=401,
        type="auth_error",
        code="not_authenticated",
    )
