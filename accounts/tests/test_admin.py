"""The User admin: role, subscription, last login, MFA on/off, filters, deactivation."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from accounts.tests.factories import UserFactory

from .conftest import assert_error, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = UserFactory(role="admin", is_superuser=True)
    client.force_login(admin)
    client.admin = admin
    return client


def test_the_list_shows_role_subscription_last_login_and_mfa(admin_client, mfa_user):
    user, _ = mfa_user
    response = admin_client.get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    for column in ("column-role", "column-subscription_type", "column-last_login_at"):
        assert column in html
    assert "column-mfa_enabled" in html
    assert user.email in html
    changelist = response.context["cl"]
    rows = {row.email: row for row in changelist.result_list}
    assert changelist.model_admin.mfa_enabled(rows[user.email]) is True
    assert changelist.model_admin.mfa_enabled(rows[admin_client.admin.email]) is False


def test_the_mfa_filter_and_search(admin_client, mfa_user):
    user, _ = mfa_user
    other = UserFactory()
    url = reverse("admin:accounts_user_changelist")
    on = admin_client.get(url, {"mfa": "on"}).context["cl"].result_list
    assert list(on) == [user]
    off = admin_client.get(url, {"mfa": "off"}).context["cl"].result_list
    assert user not in off and other in off
    found = admin_client.get(url, {"q": other.email}).context["cl"].result_list
    assert list(found) == [other]


def test_staff_can_deactivate_a_user_who_then_cannot_sign_in(admin_client):
    user = UserFactory()
    response = admin_client.post(
        reverse("admin:accounts_user_changelist"),
        {
            "action": "deactivate_users",
            "_selected_action": [str(user.pk), str(admin_client.admin.pk)],
        },
        follow=True,
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.is_active is False
    assert User.objects.get(pk=admin_client.admin.pk).is_active  # never oneself
    assert_error(
        login(APIClient(), user.email), status=403, type="auth_error", code="account_disabled"
    )


def test_the_change_page_offers_the_active_flag(admin_client):
    user = UserFactory()
    response = admin_client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    assert response.status_code == 200
    assert 'name="is_active"' in response.content.decode()


def test_the_admin_role_is_staff_access(client):
    admin = UserFactory(role="admin")  # not a superuser: the role alone gives access
    client.force_login(admin)
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 200
    user = UserFactory()
    client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "deactivate_users", "_selected_action": [str(user.pk)]},
    )
    user.refresh_from_db()
    assert user.is_active is False


def test_a_user_without_the_admin_role_has_no_admin(client):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_expired_refresh_tokens_are_flushed(db):
    from datetime import timedelta

    from django.utils import timezone
    from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

    from accounts.tasks import flush_expired_tokens_task
    from accounts.tests.factories import UserFactory

    user = UserFactory()
    now = timezone.now()
    OutstandingToken.objects.create(
        user=user, jti="old", token="x", expires_at=now - timedelta(days=1)
    )
    OutstandingToken.objects.create(
        user=user, jti="new", token="y", expires_at=now + timedelta(days=1)
    )
    flush_expired_tokens_task.delay()
    assert list(OutstandingToken.objects.values_list("jti", flat=True)) == ["new"]
