"""The key ring: Fernet (AES-128-CBC + HMAC-SHA256) through MultiFernet for rotation, and a
keyed hash (HMAC-SHA256) for values that must be compared without being readable."""

from __future__ import annotations

import functools
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Every Fernet token starts with the version byte 0x80, base64 "gA" followed by the timestamp's
# leading zero bytes: plain text does not look like this.
TOKEN_PREFIX = "gAAAAA"  # noqa: S105 (a format marker, not a secret)


@functools.cache
def _ring(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


def key_ring() -> MultiFernet:
    """The first key of FIELD_ENCRYPTION_KEYS encrypts; every key decrypts."""
    return _ring(tuple(settings.FIELD_ENCRYPTION_KEYS))


def is_encrypted(value: str) -> bool:
    return value.startswith(TOKEN_PREFIX)


def encrypt(text: str) -> str:
    return key_ring().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(value: str) -> str:
    """Decrypts a token; a value stored before encryption (plain text) is returned as it is."""
    if not is_encrypted(value):
        return value
    try:
        return key_ring().decrypt(value.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "A value encrypted at rest cannot be decrypted with any key of "
            "FIELD_ENCRYPTION_KEYS: a key still in use was removed."
        ) from exc


def rotate(value: str) -> str:
    """The value encrypted under the first key (plain text is encrypted)."""
    if not is_encrypted(value):
        return encrypt(value)
    try:
        return key_ring().rotate(value.encode("ascii")).decode("ascii")
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "A value cannot be re-encrypted: no key of FIELD_ENCRYPTION_KEYS decrypts it."
        ) from exc


def encrypted_under_primary(value: str) -> bool:
    """Whether the token was made with the first (current) key."""
    if not is_encrypted(value):
        return False
    try:
        Fernet(settings.FIELD_ENCRYPTION_KEYS[0]).decrypt(value.encode("ascii"))
    except InvalidToken:
        return False
    return True


def keyed_hash(*parts: str) -> str:
    """HMAC-SHA256 under FIELD_HASH_KEY of the parts (joined by newlines), hex."""
    message = "\n".join(parts).encode("utf-8")
    return hmac.new(settings.FIELD_HASH_KEY.encode(), message, hashlib.sha256).hexdigest()
