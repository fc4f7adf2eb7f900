"""Profile and settings: the caller's own resource, with read-only role and subscription."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts.models import User

from .conftest import assert_error, totp_code

pytestmark = pytest.mark.django_db

PROFILE_URLS = ["auth-profile", "users-profile"]
FIELDS = {
    "id",
    "email",
    "name",
    "avatar",
    "role",
    "preferences",
    "subscription",
    "createdAt",
    "updatedAt",
    "lastLoginAt",
}


@pytest.mark.parametrize("name", PROFILE_URLS)
def test_profile_is_the_spec_user(signed_in, name):
    user, client, _ = signed_in
    response = client.get(reverse(name))
    assert response.status_code == 200
    body = response.json()
    assert set(body) == FIELDS
    assert body["id"] == str(user.pk)
    assert body["role"] == "user"
    assert body["avatar"] is None
    assert body["preferences"] == {
        "jobCategory": "software_engineering",
        "difficulty": "medium",
        "notifications": True,
        "language": "ko",
    }
    assert body["subscription"] == {"type": "free", "expiresAt": None}
    assert body["createdAt"].endswith("Z")


@pytest.mark.parametrize("name", PROFILE_URLS)
def test_put_changes_name_and_preferences(signed_in, name):
    user, client, _ = signed_in
    response = client.put(
        reverse(name),
        {"name": "  Kim Minji ", "preferences": {"jobCategory": "design", "language": "en"}},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Kim Minji"
    assert body["preferences"]["jobCategory"] == "design"
    assert body["preferences"]["language"] == "en"
    assert body["preferences"]["difficulty"] == "medium"  # kept
    user.refresh_from_db()
    assert user.preferences["job_category"] == "design"


def test_put_needs_the_name(signed_in):
    _, client, _ = signed_in
    response = client.put(reverse("users-profile"), {"preferences": {}}, format="json")
    body = assert_error(response, status=400, type="validation_error", code="invalid_input")
    assert "name" in body["error"]["details"]["fields"]


def test_patch_changes_only_what_it_names(signed_in):
    user, client, _ = signed_in
    response = client.patch(
        reverse("auth-profile"), {"preferences": {"notifications": False}}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["name"] == user.name
    assert response.json()["preferences"]["notifications"] is False


def test_a_user_cannot_make_themselves_admin_or_premium_or_change_their_email(signed_in):
    user, client, _ = signed_in
    response = client.patch(
        reverse("users-profile"),
        {
            "role": "admin",
            "subscription": {"type": "premium", "expiresAt": "2099-01-01T00:00:00Z"},
            "subscriptionType": "premium",
            "isStaff": True,
            "email": "other@example.com",
            "id": "00000000-0000-0000-0000-000000000000",
        },
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["role"] == "user"
    assert body["subscription"] == {"type": "free", "expiresAt": None}
    assert body["email"] == user.email
    user.refresh_from_db()
    assert (user.role, user.subscription_type, user.is_staff) == ("user", "free", False)


def test_preferences_are_validated(signed_in):
    _, client, _ = signed_in
    response = client.patch(
        reverse("users-profile"),
        {"preferences": {"jobCategory": "astronaut", "difficulty": "brutal", "language": "fr"}},
        format="json",
    )
    body = assert_error(response, status=400, type="validation_error", code="invalid_input")
    assert set(body["error"]["details"]["fields"]["preferences"]) == {
        "jobCategory",
        "difficulty",
        "language",
    }


def test_settings_are_the_preferences(signed_in):
    _, client, _ = signed_in
    response = client.get(reverse("users-settings"))
    assert response.status_code == 200
    assert response.json() == {
        "jobCategory": "software_engineering",
        "difficulty": "medium",
        "notifications": True,
        "language": "ko",
    }


def test_put_settings_replaces_all_four(signed_in):
    _, client, _ = signed_in
    everything = {
        "jobCategory": "design",
        "difficulty": "easy",
        "notifications": False,
        "language": "en",
    }
    response = client.put(reverse("users-settings"), everything, format="json")
    assert response.status_code == 200
    assert response.json() == everything

    partial = client.put(reverse("users-settings"), {"difficulty": "hard"}, format="json")
    body = assert_error(partial, status=400, type="validation_error", code="invalid_input")
    assert set(body["error"]["details"]["fields"]) == {"jobCategory", "notifications", "language"}


def test_patch_settings_merges_and_validates(signed_in):
    user, client, _ = signed_in
    response = client.patch(
        reverse("users-settings"), {"difficulty": "hard", "notifications": False}, format="json"
    )
    assert response.status_code == 200
    assert response.json() == {
        "jobCategory": "software_engineering",
        "difficulty": "hard",
        "notifications": False,
        "language": "ko",
    }
    user.refresh_from_db()
    assert user.preferences["difficulty"] == "hard"

    refused = client.patch(
        reverse("users-settings"),
        {"jobCategory": "pirate", "notifications": "maybe"},
        format="json",
    )
    body = assert_error(refused, status=400, type="validation_error", code="invalid_input")
    assert set(body["error"]["details"]["fields"]) == {"jobCategory", "notifications"}


def test_profile_and_settings_need_authentication(client):
    for name in [*PROFILE_URLS, "users-settings"]:
        assert_error(
            client.get(reverse(name)), status=401, type="auth_error", code="not_authenticated"
        )


@pytest.mark.usefixtures("frozen_clock")
def test_a_user_never_sees_or_changes_another_users_account(
    signed_in, make_signed_in, settings, tmp_path
):
    """Every user-scoped endpoint answers about the caller, whatever the body names."""
    settings.MEDIA_ROOT = str(tmp_path)
    alice, alice_client, _ = signed_in
    bob, bob_client, _ = make_signed_in(name="Bob")
    bob_secret = bob_client.post(reverse("auth-mfa-totp-setup")).json()["secret"]
    bob_codes = bob_client.post(
        reverse("auth-mfa-totp-confirm"), {"code": totp_code(bob_secret)}, format="json"
    ).json()["codes"]

    for name in PROFILE_URLS:
        assert alice_client.get(reverse(name)).json()["id"] == str(alice.pk)
        assert bob_client.get(reverse(name)).json()["id"] == str(bob.pk)

    alice_client.patch(
        reverse("users-profile"), {"id": str(bob.pk), "name": "Alice B."}, format="json"
    )
    alice_client.patch(reverse("users-settings"), {"language": "en"}, format="json")
    bob.refresh_from_db()
    assert bob.name == "Bob"
    assert bob.preferences["language"] == "ko"
    assert User.objects.get(pk=alice.pk).name == "Alice B."

    assert bob_client.get(reverse("users-settings")).json()["language"] == "ko"

    buffer = io.BytesIO()
    Image.new("RGB", (64, 64)).save(buffer, format="PNG")
    avatar = SimpleUploadedFile("a.png", buffer.getvalue(), content_type="image/png")
    alice_client.post(
        reverse("users-avatar"), {"avatar": avatar, "id": str(bob.pk)}, format="multipart"
    )
    assert bob_client.get(reverse("users-profile")).json()["avatar"] is None

    assert alice_client.get(reverse("auth-mfa")).json()["enabled"] is False
    assert alice_client.get(reverse("auth-mfa-recovery-codes")).json()["codes"] == []
    assert bob_client.get(reverse("auth-mfa-recovery-codes")).json()["codes"] == bob_codes
    # Alice cannot spend Bob's recovery codes on her own account either.
    refused = alice_client.post(
        reverse("auth-mfa-totp-disable"), {"code": bob_codes[0]}, format="json"
    )
    assert_error(refused, status=400, type="validation_error", code="mfa_not_enabled")
