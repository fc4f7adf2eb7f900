"""Argon2id at OWASP's floor; older hashes are upgraded when their owner signs in."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import identify_hasher, make_password

from accounts.tests.factories import UserFactory
from interview_platform.hashers import OwaspArgon2PasswordHasher

from .conftest import PASSWORD, login

OWASP = "interview_platform.hashers.OwaspArgon2PasswordHasher"
PBKDF2 = "django.contrib.auth.hashers.PBKDF2PasswordHasher"


class EarlierOwaspCost(OwaspArgon2PasswordHasher):
    """What the project's hasher stored before 2026-12-08: m=19 MiB, t=2."""

    time_cost = 2
    memory_cost = 19 * 1024


@pytest.fixture
def real_hashers(settings):
    settings.PASSWORD_HASHERS = [OWASP, PBKDF2]


def test_new_passwords_are_argon2id_at_owasps_floor(real_hashers):
    encoded = make_password("a-long-pass-phrase")
    assert encoded.startswith("argon2$argon2id$v=19$m=7168,t=5,p=1$")


@pytest.mark.django_db
def test_a_pbkdf2_hash_is_upgraded_to_argon2id_on_login(real_hashers, api_client):
    user = UserFactory()
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    assert identify_hasher(user.password).algorithm == "pbkdf2_sha256"

    assert login(api_client, user.email).status_code == 200

    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=7168,t=5,p=1$")
    assert user.check_password(PASSWORD)


@pytest.mark.django_db
def test_a_hash_at_the_earlier_owasp_cost_is_rehashed_with_its_salt_and_keeps_other_sign_ins(
    real_hashers, api_client
):
    from accounts import tokens
    from accounts.password_salt import password_salt

    from .test_token_revocation import profile

    user = UserFactory()
    user.password = EarlierOwaspCost().encode(PASSWORD, EarlierOwaspCost().salt())
    user.save(update_fields=["password"])
    salt = password_salt(user.password)
    other_device = tokens.token_pair_for(user)

    assert login(api_client, user.email).status_code == 200

    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=7168,t=5,p=1$")
    assert password_salt(user.password) == salt
    assert profile(other_device.access).status_code == 200
