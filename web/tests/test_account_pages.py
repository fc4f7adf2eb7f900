"""allauth's sign-in, sign-up, sign-out and password-reset pages in the site's layout."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db

PAGES = {
    "account_login": {
        "en": "Welcome back. Sign in to keep practising.",
        "ko": "로그인하고 연습을 이어 가세요",
    },
    "account_signup": {"en": "Create an account", "ko": "회원가입"},
    "account_reset_password": {"en": "Send the reset link", "ko": "재설정 링크 보내기"},
    "account_reset_password_done": {"en": "Check your email", "ko": "이메일을 확인해 주세요"},
}


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_account_pages_use_the_site_layout(client, name, language):
    response = client.get(reverse(name), HTTP_ACCEPT_LANGUAGE=language)
    page = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in page
    assert '<link rel="stylesheet" href="/static/css/app.css">' in page
    assert 'class="container entrance"' in page
    assert PAGES[name][language] in page


def test_sign_up_then_sign_in_lands_on_the_dashboard(client):
    signup = client.post(
        reverse("account_signup") + "?next=" + reverse("web:dashboard"),
        {
            "name": "Jiyoon Park",
            "email": "new.user@example.com",
            "password1": "a-long-and-unusual-passphrase",
            "password2": "a-long-and-unusual-passphrase",
            "next": reverse("web:dashboard"),
        },
    )
    assert signup.status_code == 302
    assert User.objects.filter(email="new.user@example.com").exists()
    client.logout()

    login = client.post(
        reverse("account_login"),
        {
            "login": "new.user@example.com",
            "password": "a-long-and-unusual-passphrase",
            "next": reverse("web:dashboard"),
        },
    )
    assert login.status_code == 302
    assert login["Location"] == reverse("web:dashboard")
    assert client.get(reverse("web:dashboard")).status_code == 200


def test_a_wrong_password_is_shown_on_the_form(client, user):
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "not-the-password"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="form-errors"' in page
    assert f'value="{user.email}"' in page  # what was typed stays


def test_sign_out_is_a_post_from_the_header(browser):
    page = browser.get(reverse("web:dashboard")).content.decode()
    assert f'action="{reverse("account_logout")}"' in page
    assert browser.post(reverse("account_logout")).status_code == 302
    assert browser.get(reverse("web:dashboard")).status_code == 302


def test_the_sign_out_page_follows_the_users_language(korean_browser):
    korean_browser.get(reverse("web:dashboard"))  # remembers the language in a cookie
    page = korean_browser.get(reverse("account_logout")).content.decode()
    assert '<html lang="ko">' in page
    assert "로그아웃하시겠어요?" in page


def test_a_password_reset_sends_a_link(client, user):
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1


def test_an_invalid_reset_link_says_so(client, db):
    url = reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "bad-key"})
    page = client.get(url, follow=True).content.decode()
    assert "This link no longer works" in page


@pytest.mark.parametrize(
    ("accept_language", "language", "welcome"),
    [("en-US,en;q=0.9", "en", "Welcome, Jiyoon"), ("ko-KR,ko;q=0.9", "ko", "환영합니다, Jiyoon")],
)
def test_a_new_user_keeps_the_language_they_signed_up_in(
    client, accept_language, language, welcome
):
    page = client.get(reverse("account_signup"), HTTP_ACCEPT_LANGUAGE=accept_language)
    assert 'name="name"' in page.content.decode()
    response = client.post(
        reverse("account_signup"),
        {
            "name": "Jiyoon",
            "email": "jiyoon@example.com",
            "password1": "a-long-and-unusual-passphrase",
            "password2": "a-long-and-unusual-passphrase",
            "next": reverse("web:dashboard"),
        },
        HTTP_ACCEPT_LANGUAGE=accept_language,
        follow=True,
    )
    user = User.objects.get(email="jiyoon@example.com")
    assert user.name == "Jiyoon"
    assert user.preferences["language"] == language
    dashboard = response.content.decode()
    assert f'<html lang="{language}">' in dashboard
    assert welcome in dashboard  # not "welcome back": they have never been here


def test_the_sign_up_form_asks_for_a_name(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nameless@example.com",
            "password1": "a-long-and-unusual-passphrase",
            "password2": "a-long-and-unusual-passphrase",
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="nameless@example.com").exists()


def test_the_korean_settings_page_labels_the_name_field_in_our_own_words(client):
    # django-celery-beat's catalogue also translates "Name" (as a task's name); ours must win.
    from accounts.services.users import default_preferences
    from accounts.tests.factories import UserFactory

    user = UserFactory(preferences={**default_preferences(), "language": "ko"})
    client.force_login(user)
    page = client.get(reverse("web:settings")).content.decode()
    assert ">이름<" in page
    assert "태스크" not in page
