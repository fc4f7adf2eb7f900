"""Argon2id at OWASP's floor; older hashes are upgraded when their owner signs in."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import identify_hasher, make_password

from accounts.tests.factories import UserFactory

from .conftest import PASSWORD, login

OWASP = "interview_platform.hashers.OwaspArgon2PasswordHasher"
PBKDF2 = "django.contrib.auth.hashers.PBKDF2PasswordHasher"


@pytest.fixture
def real_hashers(settings):
    settings.PASSWORD_HASHERS = [OWASP, PBKDF2]


def test_new_passwords_are_argon2id_at_owasps_floor(real_hashers):
    encoded = make_password("a-long-pass-phrase")
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


@pytest.mark.django_db
def test_a_pbkdf2_hash_is_upgraded_to_argon2id_on_login(real_hashers, api_client):
    user = UserFactory()
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    assert identify_hasher(user.password).algorithm == "pbkdf2_sha256"

    assert login(api_client, user.email).status_code == 200

    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert user.check_password(PASSWORD)
