"""JSON bodies are read with the types the schema gives them.

DRF's fields are lenient by design, for HTML forms: `"0"`, `0` and `"f"` are all `false` for a
BooleanField, `5` is the string `"5"` for a CharField, `"5"` the number 5 for an IntegerField and
an integer a UUID. The schema says `boolean`, `string`, `integer`, so a JSON body that sends
another type is refused (400 `invalid_input`) instead of being read as something else. Text
sources (query parameters, multipart form fields) carry nothing but strings: there the strings
are still converted as before.

Installed once, for every serializer, by `ApiConfig.ready`.
"""

from __future__ import annotations

from django.http import QueryDict
from rest_framework import fields

from .params import QueryParams


def _from_text(field: fields.Field) -> bool:
    return isinstance(getattr(field.root, "initial_data", None), (QueryDict, QueryParams))


def _strict(cls: type[fields.Field], accepts) -> None:
    lenient = cls.to_internal_value
    if getattr(lenient, "_strict", False):
        return

    def to_internal_value(self, data):
        if not accepts(data, _from_text(self)):
            self.fail("invalid")
        return lenient(self, data)

    to_internal_value._strict = True
    cls.to_internal_value = to_internal_value


def _number(data, from_text: bool) -> bool:
    if isinstance(data, bool):
        return False
    return isinstance(data, (int, float)) or (from_text and isinstance(data, str))


def _length_as_sent(cls: type[fields.CharField]) -> None:
    """`maxLength` holds for the text as sent, as the schema says: DRF trims first and counts
    after, so a value padded with whitespace past the limit was accepted."""
    trimmed_then_counted = cls.to_internal_value
    if getattr(trimmed_then_counted, "_length_as_sent", False):
        return

    def to_internal_value(self, data):
        if self.max_length is not None and isinstance(data, str) and len(data) > self.max_length:
            self.fail("max_length", max_length=self.max_length)
        return trimmed_then_counted(self, data)

    to_internal_value._length_as_sent = True
    cls.to_internal_value = to_internal_value


def install() -> None:
    _strict(fields.CharField, lambda data, from_text: isinstance(data, str))
    _strict(fields.UUIDField, lambda data, from_text: isinstance(data, str))
    _strict(
        fields.BooleanField,
        lambda data, from_text: isinstance(data, bool) or (from_text and isinstance(data, str)),
    )
    _strict(fields.IntegerField, _number)
    _strict(fields.FloatField, _number)
    _length_as_sent(fields.CharField)
