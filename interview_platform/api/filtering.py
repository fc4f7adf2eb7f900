"""Applying a django-filter FilterSet in a selector: an invalid value is refused with the error
envelope, never dropped silently (which would return the list unfiltered)."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from djangorestframework_camel_case.util import camelize

from .errors import ApplicationError


def filtered(filterset: django_filters.FilterSet) -> QuerySet:
    if not filterset.is_valid():
        raise ApplicationError(
            _("Some filters are not valid."),
            code="invalid_filter",
            details={"fields": camelize(dict(filterset.errors))},
        )
    return filterset.qs
