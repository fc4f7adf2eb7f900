"""Encryption at rest of personal text (answers, feedback quoting them, typed questions).

FIELD_ENCRYPTION_KEYS   comma-separated Fernet keys: the first encrypts, every one decrypts, so
                        a new key is put first, `manage.py reencrypt_fields` rewrites the rows
                        under it, then the old key is dropped. Required in production; elsewhere
                        a key is derived from SECRET_KEY when it is unset.
FIELD_HASH_KEY          key of the HMAC that fingerprints answers for reuse (default: derived from
                        SECRET_KEY). Independent of the encryption keys so a rotation keeps reuse.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.core.exceptions import ImproperlyConfigured

from .base import IS_PRODUCTION, SECRET_KEY
from .env import env_list, env_str


def _derive(info: bytes) -> str:
    raw = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(
        SECRET_KEY.encode()
    )
    return base64.urlsafe_b64encode(raw).decode()


FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS")
if not FIELD_ENCRYPTION_KEYS:
    if IS_PRODUCTION:
        raise ImproperlyConfigured(
            "Set FIELD_ENCRYPTION_KEYS in production (generate one with `python -c "
            '"from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`).'
        )
    FIELD_ENCRYPTION_KEYS = [_derive(b"interview-platform field encryption")]
for _index, _key in enumerate(FIELD_ENCRYPTION_KEYS):
    try:
        Fernet(_key)
    except ValueError as _exc:
        raise ImproperlyConfigured(
            f"FIELD_ENCRYPTION_KEYS[{_index}] is not a Fernet key (32 url-safe base64 bytes)."
        ) from _exc

FIELD_HASH_KEY = env_str("FIELD_HASH_KEY") or _derive(b"interview-platform field hash")
