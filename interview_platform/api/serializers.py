"""What the API's serializers share."""

from __future__ import annotations

import copy

from rest_framework import serializers


class BuiltFieldsCache:
    """Builds a ModelSerializer's fields from the model once per class, not per instance.

    DRF introspects every model field (kwargs, validators, choices) each time a ModelSerializer
    is instantiated, and a response nests several: the session start's body built its fields
    four times, ~4 ms of its CPU. The result depends only on the class (Meta and the declared
    fields), so it is built once and each instance gets copies, as DRF copies declared fields.
    Not for a serializer whose `get_fields` reads the instance or its context.
    """

    def get_fields(self) -> dict[str, serializers.Field]:
        cls = type(self)
        built = cls.__dict__.get("_built_fields")
        if built is None:
            built = super().get_fields()
            cls._built_fields = built
        return copy.deepcopy(built)
