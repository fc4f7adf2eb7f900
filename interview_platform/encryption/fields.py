"""Model fields encrypted at rest with the key ring of `keys` (FIELD_ENCRYPTION_KEYS).

The database holds Fernet tokens; the model attribute holds the clear value. A token is random
each time, so an encrypted column cannot be searched or compared in SQL: such lookups raise
`FieldError` rather than silently matching nothing (compare a keyed hash instead, see
`keys.keyed_hash`). Rows written before encryption (plain text) are still read, and
`manage.py reencrypt_fields` encrypts them under the newest key.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.core.exceptions import FieldError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.lookups import Exact, IsNull

from . import keys


class _Sealed(str):
    """A value already encrypted by `pre_save`: stored as it is."""


class _EmptyOnlyExact(Exact):
    """`field=""` still works (an empty value is stored empty); any other value cannot match."""

    def get_prep_lookup(self):
        if self.rhs not in ("", None):
            raise FieldError(
                f"{self.lhs.target.model.__name__}.{self.lhs.target.name} is encrypted at rest: "
                "it can only be compared with an empty value."
            )
        return super().get_prep_lookup()


class _EncryptedMixin:
    searchable = False

    def get_lookup(self, lookup_name):
        if self.searchable:
            return super().get_lookup(lookup_name)
        if lookup_name == "isnull":
            return IsNull
        if lookup_name == "exact":
            return _EmptyOnlyExact
        raise FieldError(
            f"{self.model.__name__}.{self.name} is encrypted at rest: "
            f"the lookup {lookup_name!r} cannot be done in the database."
        )

    def get_transform(self, name):
        if self.searchable:
            return super().get_transform(name)
        return None


class EncryptedTextField(_EncryptedMixin, models.TextField):
    """Text encrypted at rest. The empty string is stored empty.

    `encrypt_when={"source": "user"}` (or `{"source": ["user", "follow_up"]}`, any of them)
    encrypts only the rows whose other fields match (e.g.
    questions a user typed, while the curated bank stays searchable); such a field keeps its
    lookups, which only find the clear rows.
    """

    description = "Text (encrypted at rest)"

    def __init__(self, *args, encrypt_when: dict[str, Any] | None = None, **kwargs):
        self.encrypt_when = dict(encrypt_when) if encrypt_when else None
        super().__init__(*args, **kwargs)

    @property
    def searchable(self) -> bool:  # type: ignore[override]
        return self.encrypt_when is not None

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.encrypt_when:
            kwargs["encrypt_when"] = self.encrypt_when
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        return keys.decrypt(value)

    def encrypts(self, model_instance) -> bool:
        """Whether this row's value is (to be) encrypted."""
        return not self.encrypt_when or all(
            getattr(model_instance, k) in v
            if isinstance(v, list | tuple)
            else getattr(model_instance, k) == v
            for k, v in self.encrypt_when.items()
        )

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if (
            self.encrypt_when
            and value
            and not isinstance(value, _Sealed)
            and self.encrypts(model_instance)
        ):
            return _Sealed(keys.encrypt(value))
        return value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value or isinstance(value, _Sealed) or self.encrypt_when:
            return value
        return keys.encrypt(value)


class EncryptedJSONField(_EncryptedMixin, models.Field):
    """A JSON document encrypted at rest (stored as text). NULL stays NULL."""

    def encrypts(self, model_instance) -> bool:
        return True

    description = "JSON (encrypted at rest)"
    empty_strings_allowed = False

    def __init__(self, *args, encoder=DjangoJSONEncoder, **kwargs):
        self.encoder = encoder
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.encoder is not DjangoJSONEncoder:
            kwargs["encoder"] = self.encoder
        return name, path, args, kwargs

    def get_internal_type(self) -> str:
        return "TextField"

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return json.loads(keys.decrypt(value))

    def get_prep_value(self, value):
        if value is None or isinstance(value, _Sealed):
            return value
        return keys.encrypt(json.dumps(value, cls=self.encoder, ensure_ascii=False))

    def value_to_string(self, obj) -> str:
        return json.dumps(self.value_from_object(obj), cls=self.encoder, ensure_ascii=False)

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": forms.JSONField, "encoder": self.encoder, **kwargs}
        )


def encrypted_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField | EncryptedJSONField)
    ]
