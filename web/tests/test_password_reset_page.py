"""The API's reset e-mail leads to a working page of this product, on the server's own host and
port (or to FRONTEND_URL's page when one is configured), and the new password signs in."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.emails import OWN_RESET_PATH
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-pass-phrase"


def _ask_for_the_mail(capture, *, host: str = "127.0.0.1:8101") -> str:
    with capture(execute=True):
        response = APIClient().post(
            reverse("auth-forgot-password"),
            {"email": "reset.me@example.com"},
            format="json",
            HTTP_HOST=host,
        )
    assert response.status_code == 202
    assert len(mail.outbox) == 1
    return re.search(r"https?://\S+", mail.outbox[0].body).group(0)


def _set_new_password(client: Client, link: str):
    parts = urlsplit(link)
    response = client.get(f"{parts.path}?{parts.query}", follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    assert 'name="password1"' in response.content.decode()
    return client.post(
        form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, follow=True
    )


def test_the_mailed_link_resets_the_password_and_the_new_one_signs_in(
    settings, django_capture_on_commit_callbacks
):
    settings.FRONTEND_URL = ""
    user = UserFactory(email="reset.me@example.com")
    link = _ask_for_the_mail(django_capture_on_commit_callbacks)
    assert link.startswith("http://127.0.0.1:8101/reset-password?uid=")  # the server's port
    assert reverse("web:reset-password") == OWN_RESET_PATH

    done = _set_new_password(Client(), link)
    assert done.status_code == 200
    assert done.redirect_chain[-1][0] == reverse("account_reset_password_from_key_done")

    signed_in = Client().post(
        reverse("account_login"), {"login": user.email, "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 302
    api = APIClient().post(
        reverse("auth-login"), {"email": user.email, "password": NEW_PASSWORD}, format="json"
    )
    assert api.status_code == 200
    old = APIClient().post(
        reverse("auth-login"),
        {"email": user.email, "password": "correct-horse-battery"},
        format="json",
    )
    assert old.status_code == 401


def test_a_used_link_no_longer_works(settings, django_capture_on_commit_callbacks):
    settings.FRONTEND_URL = ""
    UserFactory(email="reset.me@example.com")
    link = _ask_for_the_mail(django_capture_on_commit_callbacks)
    _set_new_password(Client(), link)
    parts = urlsplit(link)
    again = Client().get(f"{parts.path}?{parts.query}", follow=True)
    assert "This link no longer works" in again.content.decode()
    assert 'name="password1"' not in again.content.decode()


def test_a_configured_frontend_gets_the_link_instead(settings, django_capture_on_commit_callbacks):
    settings.FRONTEND_URL = "https://app.example.com/"
    settings.FRONTEND_RESET_PASSWORD_PATH = "/account/new-password"
    UserFactory(email="reset.me@example.com")
    link = _ask_for_the_mail(django_capture_on_commit_callbacks)
    assert link.startswith("https://app.example.com/account/new-password?uid=")


def test_a_link_without_uid_or_token_asks_for_a_new_one(client):
    for query in ("", "?uid=abc", "?uid=../x&token=y", "?uid=abc&token=a b"):
        response = client.get(f"/reset-password{query}")
        assert response.status_code == 302
        assert response["Location"] == reverse("account_reset_password")
