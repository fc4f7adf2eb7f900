"""The API's JSON parser: camelCase in, snake_case out, and a bound on nesting.

A body nested a thousand levels deep makes Python's recursive JSON decoding (and the camelCase
conversion after it) raise RecursionError, which no handler expects: it is refused here as a
malformed request, and so is any body nested deeper than any request of this API needs.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from djangorestframework_camel_case.parser import CamelCaseJSONParser
from rest_framework.exceptions import ParseError

MAX_JSON_DEPTH = 32


def _depth_exceeds(data, limit: int) -> bool:
    """Iterative, so measuring a deep document cannot itself overflow the stack."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


class JSONParser(CamelCaseJSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError(_("The JSON body is nested too deeply.")) from exc
        limit = getattr(settings, "API_MAX_JSON_DEPTH", MAX_JSON_DEPTH)
        if _depth_exceeds(data, limit):
            raise ParseError(_("The JSON body is nested too deeply."))
        return data
