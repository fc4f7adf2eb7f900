"""The API's reset e-mail, followed in Chromium: new password, then signing in with it."""

from __future__ import annotations

import re

from django.core import mail

from accounts.models import default_preferences
from accounts.tests.factories import UserFactory

from .conftest import shoot

NEW_PASSWORD = "a-brand-new-pass-phrase"


def test_the_reset_link_from_the_mail_sets_a_password_that_signs_in(
    context, page, live_server, settings
):
    settings.FRONTEND_URL = ""
    UserFactory(
        email="reset.me@example.com", preferences={**default_preferences(), "language": "ko"}
    )
    mail.outbox.clear()
    response = page.request.post(
        f"{live_server.url}/api/auth/forgot-password", data={"email": "reset.me@example.com"}
    )
    assert response.status == 202
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    assert link.startswith(f"{live_server.url}/reset-password?")  # this server, its port

    page.goto(link)
    page.locator("input[name=password1]").wait_for()
    assert "token" not in page.url  # allauth moved the token out of the address
    shoot(page, "reset-password-en")
    page.fill("input[name=password1]", NEW_PASSWORD)
    page.fill("input[name=password2]", NEW_PASSWORD)
    page.locator("form.auth-form button[type=submit]").click()
    page.wait_for_url("**/password/reset/key/done/")

    page.goto(f"{live_server.url}/accounts/login/?next=/dashboard/")
    page.fill("input[name=login]", "reset.me@example.com")
    page.fill("input[name=password]", NEW_PASSWORD)
    page.locator("form.auth-form button[type=submit]").click()
    page.wait_for_url("**/dashboard/")
