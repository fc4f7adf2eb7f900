"""Security headers: a Content-Security-Policy the pages really keep, a Permissions-Policy, and
API responses that no cache may store."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import UserFactory
from sessions_app.tests.factories import InterviewSessionFactory

pytestmark = pytest.mark.django_db

# An executable <script> without src, an inline event handler, an inline style attribute or a
# <style> element: each is refused by a policy without 'unsafe-inline'.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<[^>]+\sstyle\s*=|<style\b", re.IGNORECASE)


def _directives(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    parts = [part.strip().split() for part in header.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


def _assert_keeps_the_policy(response) -> None:
    assert response.status_code == 200, response.status_code
    directives = _directives(response)
    for name in ("script-src", "style-src"):
        assert directives[name] == ["'self'"], directives
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    page = response.content.decode()
    assert not INLINE_SCRIPT.search(page), INLINE_SCRIPT.search(page).group(0)
    assert not INLINE_HANDLER.search(page), INLINE_HANDLER.search(page).group(0)
    assert not INLINE_STYLE.search(page), INLINE_STYLE.search(page).group(0)


@pytest.mark.parametrize(
    "url_name", ["web:home", "account_login", "account_signup", "account_reset_password"]
)
def test_public_pages_carry_a_strict_policy_and_keep_it(client, url_name):
    _assert_keeps_the_policy(client.get(reverse(url_name)))


def test_pages_with_score_bars_keep_the_policy():
    user = UserFactory()
    browser = Client()
    browser.force_login(user)
    InterviewSessionFactory(user=user, status="completed", total_score=82)
    _assert_keeps_the_policy(browser.get(reverse("web:dashboard")))
    _assert_keeps_the_policy(browser.get(reverse("web:home")))


def test_the_home_page_bars_are_classes_not_inline_styles(client):
    page = client.get(reverse("web:home")).content.decode()
    assert 'class="bar-fill band-high pct-88"' in page


def test_the_docs_pages_have_no_inline_script(client):
    for path in ("/api/docs", "/api/redoc"):
        response = client.get(path)
        assert response.status_code == 200
        assert "Content-Security-Policy" in response.headers
        assert not INLINE_SCRIPT.search(response.content.decode()), path
        assert "'unsafe-inline'" not in _directives(response)["script-src"]


def test_every_response_switches_off_unused_browser_features(client, api_client):
    for response in (client.get(reverse("web:home")), api_client.get("/api/health")):
        policy = response.headers["Permissions-Policy"]
        assert "camera=()" in policy
        assert "geolocation=()" in policy
        assert "microphone=()" in policy


def test_api_responses_with_personal_data_are_never_stored(auth_client):
    response = auth_client.get("/api/users/profile")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def test_api_errors_and_login_tokens_are_never_stored(api_client, user):
    assert api_client.get("/api/users/profile").headers["Cache-Control"] == "no-store"
    user.set_password("correct-horse-battery")
    user.save()
    response = api_client.post(
        "/api/auth/login", {"email": user.email, "password": "correct-horse-battery"}, format="json"
    )
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
