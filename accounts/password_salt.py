"""What identifies a password, as opposed to its hash: its salt.

Setting a password by any route (`set_password`, `make_password` in a script, the admin, a
reset) draws a new random salt. Re-hashing the same password at a new cost (an older hasher
upgraded at sign-in, new parameters) keeps it (`rehash`). Whatever is derived from the salt
(the API tokens' credentials fingerprint, the web session's auth hash) therefore moves with a
password change, and only with one: a re-hash no longer signs the user out everywhere else.
"""

from __future__ import annotations

from functools import cache

from django.contrib.auth import hashers as django_hashers
from django.contrib.auth.hashers import (
    BasePasswordHasher,
    get_hasher,
    identify_hasher,
    is_password_usable,
    make_password,
    must_update_salt,
)


def password_salt(encoded: str | None) -> str:
    """The salt of a stored password. An unusable password (itself random, drawn anew each
    time) or a format without a salt stands for itself."""
    if not encoded or not is_password_usable(encoded):
        return encoded or ""
    hasher = _hasher_of(encoded)
    try:
        salt = hasher.decode(encoded).get("salt") if hasher is not None else None
    except (ValueError, TypeError, KeyError):
        return encoded
    return str(salt) if salt else encoded


@cache
def _every_hasher() -> dict[str, BasePasswordHasher]:
    """Every hasher Django ships, by algorithm."""
    known: dict[str, BasePasswordHasher] = {}
    for value in vars(django_hashers).values():
        if (
            isinstance(value, type)
            and issubclass(value, BasePasswordHasher)
            and getattr(value, "algorithm", None)
        ):
            known.setdefault(value.algorithm, value())
    return known


def _hasher_of(encoded: str) -> BasePasswordHasher | None:
    """The hasher that wrote `encoded`: a configured one, else the one Django ships under its
    algorithm. The salt (and every fingerprint made from it) must read the same in every process,
    whatever PASSWORD_HASHERS lists there (tests sign in with a fast hasher the server they
    start does not list)."""
    try:
        return identify_hasher(encoded)
    except ValueError:
        return _every_hasher().get(encoded.split("$", 1)[0])


def rehash(raw_password: str, encoded: str) -> str:
    """`raw_password`, already checked against `encoded`, hashed with the preferred hasher and
    the same salt; a new salt only when the old one is too short for that hasher (which would
    otherwise ask for a re-hash at every sign-in)."""
    salt = password_salt(encoded)
    hasher = get_hasher("default")
    if salt == encoded or "$" in salt or must_update_salt(salt, hasher.salt_entropy):
        return make_password(raw_password)
    return make_password(raw_password, salt=salt)
