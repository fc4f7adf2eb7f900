"""The OpenAPI generator: drf-spectacular's, plus what it leaves out of a request field.

A CharField trims surrounding whitespace and then refuses a blank value, so `" "` and `"\\n"`
are refused although `minLength: 1` allows them: such fields also get the pattern `\\S` (at
least one character that is not whitespace). Whitespace as Python's `str.strip` has it: JSON
Schema's (ECMA) `\\s` leaves out U+001C-U+001F and U+0085, which the trim removes, so they are
named in the pattern (a validator would otherwise call `"\\x85"` valid, and the API refuse it)."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema as _AutoSchema
from rest_framework import serializers

NOT_BLANK = r"[^\s\x1c-\x1f\x85]"
SLUG = r"^[-a-zA-Z0-9_]+$"


class AutoSchema(_AutoSchema):
    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if isinstance(field, serializers.SlugField) and not field.allow_unicode:
            schema.setdefault("pattern", SLUG)
        if (
            direction == "request"
            and isinstance(field, serializers.CharField)
            and field.trim_whitespace
            and not field.allow_blank
            and schema.get("type") == "string"
            and not {"pattern", "format", "enum", "$ref"} & set(schema)
        ):
            schema["pattern"] = NOT_BLANK
        return schema
