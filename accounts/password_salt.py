"""What identifies a password, as opposed to its hash: its salt.

Setting a password by any route (`set_password`, `make_password` in a script, the admin, a
reset) draws a new random salt. Re-hashing the same password at a new cost (an older hasher
upgraded at sign-in, new parameters) keeps it (`rehash`). Whatever is derived from the salt
(the API tokens' credentials fingerprint, the web session's auth hash) therefore moves with a
password change, and only with one: a re-hash no longer signs the user out everywhere else.
"""

from __future__ import annotations

from django.contrib.auth.hashers import (
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
    try:
        salt = identify_hasher(encoded).decode(encoded).get("salt")
    except (ValueError, TypeError, KeyError):
        return encoded
    return str(salt) if salt else encoded


def rehash(raw_password: str, encoded: str) -> str:
    """`raw_password`, already checked against `encoded`, hashed with the preferred hasher and
    the same salt; a new salt only when the old one is too short for that hasher (which would
    otherwise ask for a re-hash at every sign-in)."""
    salt = password_salt(encoded)
    hasher = get_hasher("default")
    if salt == encoded or "$" in salt or must_update_salt(salt, hasher.salt_entropy):
        return make_password(raw_password)
    return make_password(raw_password, salt=salt)
