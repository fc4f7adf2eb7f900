"""A password re-hashed at sign-in (an older hasher or cost upgraded) is the same password: the
user's other sign-ins, API tokens and web sessions alike, keep working. A password change by any
route still ends them."""

from __future__ import annotations

import pytest
from django.contrib.auth import HASH_SESSION_KEY
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.hashers import make_password
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts import tokens
from accounts.models import User
from accounts.password_salt import password_salt, rehash
from accounts.tests.factories import UserFactory

from .conftest import PASSWORD, assert_error, login
from .test_token_revocation import NEW_PASSWORD, profile, refresh

OWASP = "interview_platform.hashers.OwaspArgon2PasswordHasher"
MD5 = "django.contrib.auth.hashers.MD5PasswordHasher"


@pytest.fixture
def old_hash(settings, db):
    """A user whose password is stored with a hasher that is no longer the preferred one."""
    settings.PASSWORD_HASHERS = [OWASP, MD5]
    user = UserFactory()
    user.password = make_password(PASSWORD, hasher="md5")
    user.save(update_fields=["password"])
    return user


def _signed_in_page(browser: Client) -> int:
    return browser.get(reverse("web:dashboard")).status_code


def test_an_upgrade_at_sign_in_keeps_the_users_other_sign_ins(old_hash):
    user = old_hash
    other_device = tokens.token_pair_for(user)
    browser = Client()
    browser.force_login(user)

    assert login(APIClient(), user.email).status_code == 200

    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
    assert profile(other_device.access).status_code == 200
    assert refresh(other_device.refresh).status_code == 200
    assert _signed_in_page(browser) == 200


def test_a_password_change_still_ends_the_other_sign_ins(old_hash):
    user = old_hash
    other_device = tokens.token_pair_for(user)
    browser = Client()
    browser.force_login(user)

    user.set_password(NEW_PASSWORD)
    user.save()

    assert_error(profile(other_device.access), status=401, type="auth_error", code="token_revoked")
    assert _signed_in_page(browser) == 302


def test_tokens_minted_before_the_fingerprint_followed_the_salt_still_work(signed_in, monkeypatch):
    user, _, _ = signed_in
    with monkeypatch.context() as patch:
        patch.setattr(tokens, "credentials_fingerprint", tokens._fingerprint_of_hash)
        earlier = tokens.token_pair_for(user)
    assert profile(earlier.access).status_code == 200

    user.set_password(NEW_PASSWORD)
    user.save()
    assert_error(profile(earlier.access), status=401, type="auth_error", code="token_revoked")


@pytest.mark.django_db
def test_a_web_session_keyed_on_the_whole_hash_is_rekeyed_not_signed_out():
    user = UserFactory()
    browser = Client()
    browser.force_login(user)
    session = browser.session
    session[HASH_SESSION_KEY] = AbstractBaseUser._get_session_auth_hash(user)
    session.save()

    assert _signed_in_page(browser) == 200
    assert browser.session[HASH_SESSION_KEY] == user.get_session_auth_hash()


@pytest.mark.parametrize("hasher", ["md5", "pbkdf2_sha256"])
def test_a_rehash_keeps_the_salt_and_checks(settings, hasher):
    settings.PASSWORD_HASHERS = [OWASP, MD5, "django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    old = make_password(PASSWORD, hasher=hasher)
    new = rehash(PASSWORD, old)
    assert new.startswith("argon2$argon2id$")
    assert password_salt(new) == password_salt(old)
    assert password_salt(make_password(PASSWORD)) != password_salt(make_password(PASSWORD))


def test_a_salt_too_short_for_the_preferred_hasher_is_drawn_again(settings):
    settings.PASSWORD_HASHERS = [OWASP, MD5]
    old = make_password(PASSWORD, salt="short", hasher="md5")
    assert password_salt(rehash(PASSWORD, old)) != "short"


def test_an_unusable_password_stands_for_itself():
    unusable = make_password(None)
    assert password_salt(unusable) == unusable
    assert password_salt(make_password(None)) != unusable


def test_a_password_changed_while_the_old_one_is_checked_stays_changed(old_hash):
    signing_in = User.objects.get(pk=old_hash.pk)  # loaded before the change, old hash
    changing = User.objects.get(pk=old_hash.pk)
    changing.set_password(NEW_PASSWORD)
    changing.save()
    after_change = tokens.token_pair_for(changing)

    assert signing_in.check_password(PASSWORD) is False

    stored = User.objects.get(pk=old_hash.pk)
    assert stored.check_password(NEW_PASSWORD)
    assert not stored.check_password(PASSWORD)
    assert profile(after_change.access).status_code == 200


def test_the_async_check_rehashes_with_the_same_salt_and_sees_a_change(old_hash):
    from asgiref.sync import async_to_sync

    salt = password_salt(old_hash.password)
    assert async_to_sync(old_hash.acheck_password)(PASSWORD) is True
    old_hash.refresh_from_db()
    assert old_hash.password.startswith("argon2$argon2id$")
    assert password_salt(old_hash.password) == salt

    stale = User.objects.get(pk=old_hash.pk)
    stale.password = make_password(PASSWORD, hasher="md5")  # as loaded before a change
    old_hash.set_password(NEW_PASSWORD)
    old_hash.save()
    assert async_to_sync(stale.acheck_password)(PASSWORD) is False
    assert User.objects.get(pk=old_hash.pk).check_password(NEW_PASSWORD)


@pytest.mark.django_db
def test_the_fingerprint_reads_the_same_whatever_hashers_a_process_lists(settings):
    settings.PASSWORD_HASHERS = [MD5]
    user = UserFactory()
    minted_here = tokens.credentials_fingerprint(user)
    session_here = user.get_session_auth_hash()

    settings.PASSWORD_HASHERS = [OWASP]  # a server that does not list the hasher
    assert tokens.credentials_fingerprint(user) == minted_here
    assert user.get_session_auth_hash() == session_here
