"""Rewrites the encrypted columns of a model: under the newest key (rotation, and the data
migrations that encrypt rows written before encryption), or back to clear text (the reverse
migrations)."""

from __future__ import annotations

import json

from django.db import models, transaction
from django.db.models.functions import Cast

from . import keys
from .fields import EncryptedJSONField, EncryptedTextField, _Sealed, encrypted_fields


def _stored(field: models.Field, obj: models.Model, *, encrypt: bool):
    value = getattr(obj, field.attname)
    if value is None or value == "":
        return value
    if isinstance(field, EncryptedJSONField):
        text = json.dumps(value, cls=field.encoder, ensure_ascii=False)
    else:
        text = value
    if encrypt and field.encrypts(obj):
        return _Sealed(keys.encrypt(text))
    return _Sealed(text)


def _current(raw: str | None, field: models.Field, obj: models.Model, *, encrypt: bool) -> bool:
    """Whether the stored value is already as wanted."""
    if raw is None or raw == "":
        return True
    if encrypt and field.encrypts(obj):
        return keys.encrypted_under_primary(raw)
    return not keys.is_encrypted(raw)


def model_reencrypt(
    model: type[models.Model], *, encrypt: bool = True, batch_size: int = 500
) -> int:
    """Rewrites every row of `model` whose encrypted columns are not under the first key of
    FIELD_ENCRYPTION_KEYS (or, with `encrypt=False`, not in clear text). Batches by primary
    key, each locked while it is rewritten. Returns how many rows were rewritten."""
    fields = encrypted_fields(model)
    if not fields:
        return 0
    conditions = {
        k for f in fields if isinstance(f, EncryptedTextField) for k in (f.encrypt_when or {})
    }
    pk_name = model._meta.pk.name
    raw_names = {f.name: f"raw_{f.name}" for f in fields}
    rewritten = 0
    last = None
    while True:
        with transaction.atomic():
            queryset = model._base_manager.order_by(pk_name)
            if last is not None:
                queryset = queryset.filter(pk__gt=last)
            batch = list(
                queryset.select_for_update()
                .only(pk_name, *(f.name for f in fields), *conditions)
                .annotate(
                    **{raw: Cast(name, models.TextField()) for name, raw in raw_names.items()}
                )[:batch_size]
            )
            if not batch:
                return rewritten
            last = batch[-1].pk
            stale = []
            for obj in batch:
                if all(
                    _current(getattr(obj, raw_names[f.name]), f, obj, encrypt=encrypt)
                    for f in fields
                ):
                    continue
                for field in fields:
                    setattr(obj, field.attname, _stored(field, obj, encrypt=encrypt))
                stale.append(obj)
            if stale:
                model._base_manager.bulk_update(stale, [f.name for f in fields])
                rewritten += len(stale)
