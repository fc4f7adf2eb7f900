"""allauth's e-mails are ours: the product's name (SITE_NAME), the recipient's language, no
"Hello from <host>!" greeting."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import default_preferences
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _user(language: str, email: str = "mina@example.com"):
    return UserFactory(
        email=email, name="Mina", preferences={**default_preferences(), "language": language}
    )


def _ask_reset(email: str, *, page_language: str = "en"):
    client = Client(HTTP_ACCEPT_LANGUAGE=page_language)
    response = client.post(reverse("account_reset_password"), {"email": email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def _no_generic_text(message) -> None:
    assert "Hello from" not in message.body
    assert "Thank you for using" not in message.body
    assert "testserver!" not in message.body
    assert not message.subject.startswith("[testserver]")


def test_a_reset_from_the_web_page_speaks_the_users_language_not_the_pages(settings):
    settings.SITE_NAME = "Interview Practice"
    _user("ko")
    message = _ask_reset("mina@example.com", page_language="en")
    _no_generic_text(message)
    assert message.subject.startswith("[AI 면접 연습] ")
    assert message.body.startswith("안녕하세요 Mina님,")
    assert "AI 면접 연습 계정의 비밀번호 재설정이 요청되었습니다" in message.body
    assert "AI 면접 연습 드림" in message.body
    link = re.search(r"http://testserver/accounts/password/reset/key/\S+", message.body)
    assert link, message.body


def test_an_english_user_gets_english_with_the_site_name(settings):
    settings.SITE_NAME = "Interview Practice"
    _user("en")
    message = _ask_reset("mina@example.com", page_language="ko")
    _no_generic_text(message)
    assert message.subject == "[Interview Practice] Password Reset Email"
    assert message.body.startswith("Hello Mina,")
    assert "your Interview Practice account" in message.body
    assert "The Interview Practice team\nhttp://testserver/" in message.body


def test_the_site_name_comes_from_settings(settings):
    settings.SITE_NAME = "Acme Interviews"
    _user("en")
    message = _ask_reset("mina@example.com")
    assert message.subject.startswith("[Acme Interviews] ")
    assert "The Acme Interviews team" in message.body


def test_an_unknown_address_is_answered_in_the_pages_language(settings):
    settings.SITE_NAME = "Interview Practice"
    message = _ask_reset("nobody@example.com", page_language="ko")
    _no_generic_text(message)
    assert message.subject.startswith("[AI 면접 연습] ")
    assert message.body.startswith("안녕하세요,")
    assert "nobody@example.com 주소로" in message.body


def test_the_sign_up_confirmation_is_branded_and_in_the_sign_up_language(settings):
    settings.SITE_NAME = "Interview Practice"
    client = Client(HTTP_ACCEPT_LANGUAGE="ko")
    response = client.post(
        reverse("account_signup"),
        {
            "name": "지윤",
            "email": "jiyoon@example.com",
            "password1": "a-long-and-unusual-passphrase",
            "password2": "a-long-and-unusual-passphrase",
        },
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    _no_generic_text(message)
    assert message.subject.startswith("[AI 면접 연습] ")
    assert message.body.startswith("안녕하세요 지윤님,")
    assert re.search(r"http://testserver/accounts/confirm-email/\S+", message.body)
