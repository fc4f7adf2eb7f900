"""Staff sign in to the admin through allauth's login: password, second factor, rate limits; and
no session of a user with MFA ever skips the factor, whatever made it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import UserFactory

from .conftest import PASSWORD, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_with_mfa(mfa_user):
    user, secret = mfa_user
    user.role = "admin"
    user.is_superuser = True
    user.save()
    return user, secret


def _signed_in(browser: Client) -> bool:
    return "_auth_user_id" in browser.session


def test_the_admin_login_form_sends_everyone_to_the_real_sign_in():
    browser = Client()
    response = browser.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == reverse("account_login")
    assert parse_qs(target.query)["next"] == ["/admin/"]


def test_a_password_posted_to_the_admin_form_signs_no_one_in():
    staff = UserFactory(role="admin", is_superuser=True)
    browser = Client()
    for password in ["wrong"] * 30 + [PASSWORD]:
        browser.post("/admin/login/", {"username": staff.email, "password": password})
    assert not _signed_in(browser)
    assert browser.get("/admin/").status_code == 302


def test_staff_with_mfa_reach_the_admin_only_after_the_second_factor(staff_with_mfa, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "auth": "100/m"}
    staff, secret = staff_with_mfa
    browser = Client()
    response = browser.post(
        reverse("account_login") + "?next=/admin/", {"login": staff.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    assert not _signed_in(browser)
    assert browser.get("/admin/").status_code == 302

    response = browser.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302, response.content
    assert _signed_in(browser)
    assert browser.get("/admin/").status_code == 200


@pytest.mark.usefixtures("frozen_clock")
def test_the_staff_sign_in_has_the_same_limits_as_every_login():
    staff = UserFactory(role="admin", is_superuser=True)
    attacker = Client()
    for _ in range(5):
        attacker.post(reverse("account_login"), {"login": staff.email, "password": "guess"})
    attacker.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    assert not _signed_in(attacker)


def test_a_session_that_skipped_the_second_factor_is_ended(staff_with_mfa):
    staff, _ = staff_with_mfa
    browser = Client()
    browser.force_login(staff)  # as Django's own admin login did, with the password alone

    assert browser.get("/admin/").status_code == 302
    assert not _signed_in(browser)

    browser.force_login(staff)
    response = browser.get(reverse("auth-mfa-recovery-codes"))
    assert response.status_code in (401, 403)
    assert "codes" not in response.json()


def test_a_session_of_a_user_without_mfa_is_left_alone():
    staff = UserFactory(role="admin", is_superuser=True)
    browser = Client()
    browser.force_login(staff)
    assert browser.get("/admin/").status_code == 200
    assert _signed_in(browser)


def test_turning_totp_on_in_a_session_keeps_that_session():
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    user = UserFactory()
    browser = Client()
    browser.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert _signed_in(browser)
    browser.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = browser.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200, page.get("Location")
    secret = browser.session[SECRET_SESSION_KEY]
    response = browser.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302, response.content
    assert browser.get(reverse("web:dashboard")).status_code == 200
    assert _signed_in(browser)
