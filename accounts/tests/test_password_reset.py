"""Forgot / reset password: no enumeration, a localized link, one use, everything revoked."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.tests.factories import UserFactory

from .conftest import assert_error, bearer, login

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-pass-phrase"


def forgot(email: str, capture):
    with capture(execute=True):
        return APIClient().post(reverse("auth-forgot-password"), {"email": email}, format="json")


def reset(uid: str, token: str, password: str = NEW_PASSWORD):
    return APIClient().post(
        reverse("auth-reset-password"),
        {"uid": uid, "token": token, "password": password},
        format="json",
    )


def link_from(message) -> dict[str, str]:
    url = re.search(r"https?://\S+", message.body).group(0)
    query = parse_qs(urlparse(url).query)
    return {"url": url, "uid": query["uid"][0], "token": query["token"][0]}


def test_forgot_password_answers_202_and_emails_a_link(
    settings, django_capture_on_commit_callbacks
):
    settings.FRONTEND_URL = "https://app.example.com"
    user = UserFactory(email="kim@example.com")
    user.preferences = {**user.preferences, "language": "en"}
    user.save()
    response = forgot("KIM@example.com", django_capture_on_commit_callbacks)
    assert response.status_code == 202
    assert response.json()["detail"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kim@example.com"]
    assert message.subject == "Reset your Interview Practice password"
    link = link_from(message)
    assert link["url"].startswith("https://app.example.com/reset-password?")
    assert link["uid"] and link["token"]
    assert html.escape(link["url"]) in message.alternatives[0][0]


def test_the_email_speaks_the_users_language(django_capture_on_commit_callbacks):
    UserFactory(email="lee@example.com")  # the default language is Korean
    forgot("lee@example.com", django_capture_on_commit_callbacks)
    assert mail.outbox[0].subject == "Interview Practice 비밀번호 재설정 안내"
    assert "새 비밀번호" in mail.outbox[0].body


def test_an_unknown_email_gets_the_same_answer_and_no_mail(django_capture_on_commit_callbacks):
    UserFactory(email="kim@example.com")
    known = forgot("kim@example.com", django_capture_on_commit_callbacks)
    unknown = forgot("nobody@example.com", django_capture_on_commit_callbacks)
    assert (unknown.status_code, unknown.json()) == (known.status_code, known.json())
    assert len(mail.outbox) == 1


def test_the_request_does_the_same_work_whether_or_not_the_account_exists():
    # The lookup and the email happen in the queued task, after the response: the request itself
    # runs the same queries either way, so its timing cannot tell the two apart.
    UserFactory(email="kim@example.com")
    counts = []
    for email in ("kim@example.com", "nobody@example.com"):
        with CaptureQueriesContext(connection) as queries:
            response = APIClient().post(
                reverse("auth-forgot-password"), {"email": email}, format="json"
            )
        assert response.status_code == 202
        # Savepoint names differ from request to request; the statements must not.
        counts.append([re.sub(r'"[^"]*"', "", q["sql"]) for q in queries.captured_queries])
    assert counts[0] == counts[1]


def test_a_deactivated_account_gets_no_mail(django_capture_on_commit_callbacks):
    UserFactory(email="kim@example.com", is_active=False)
    assert forgot("kim@example.com", django_capture_on_commit_callbacks).status_code == 202
    assert mail.outbox == []


def test_reset_sets_the_password_and_signs_out_everywhere(
    signed_in, django_capture_on_commit_callbacks
):
    user, client, body = signed_in
    forgot(user.email, django_capture_on_commit_callbacks)
    link = link_from(mail.outbox[0])

    assert reset(link["uid"], link["token"]).status_code == 204

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert EmailAddress.objects.get(user=user).verified
    assert_error(
        APIClient().post(
            reverse("auth-refresh"), {"refreshToken": body["refreshToken"]}, format="json"
        ),
        status=401,
        type="auth_error",
        code="token_revoked",
    )
    assert_error(
        client.get(reverse("users-profile")), status=401, type="auth_error", code="token_revoked"
    )
    fresh = login(APIClient(), user.email, NEW_PASSWORD)
    assert fresh.status_code == 200
    assert bearer(fresh.json()["accessToken"]).get(reverse("users-profile")).status_code == 200


def test_a_reset_link_works_once(user, django_capture_on_commit_callbacks):
    forgot(user.email, django_capture_on_commit_callbacks)
    link = link_from(mail.outbox[0])
    assert reset(link["uid"], link["token"]).status_code == 204
    assert_error(
        reset(link["uid"], link["token"], "yet-another-pass-phrase"),
        status=400,
        type="validation_error",
        code="reset_token_invalid",
    )


def test_an_expired_reset_link_is_refused(user, settings, django_capture_on_commit_callbacks):
    forgot(user.email, django_capture_on_commit_callbacks)
    link = link_from(mail.outbox[0])
    later = timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    with time_machine.travel(later, tick=False):
        assert_error(
            reset(link["uid"], link["token"]),
            status=400,
            type="validation_error",
            code="reset_token_invalid",
        )


@pytest.mark.parametrize("uid", ["", "not-a-uid", "0" * 32])
def test_a_forged_reset_link_is_refused(user, uid):
    response = reset(uid or "x", "1-abc")
    assert_error(response, status=400, type="validation_error", code="reset_token_invalid")


def test_reset_refuses_a_weak_password(user, django_capture_on_commit_callbacks):
    forgot(user.email, django_capture_on_commit_callbacks)
    link = link_from(mail.outbox[0])
    body = assert_error(
        reset(link["uid"], link["token"], "password"),
        status=400,
        type="validation_error",
        code="weak_password",
    )
    assert body["error"]["details"]["fields"]["password"]
