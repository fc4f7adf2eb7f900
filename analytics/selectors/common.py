"""What every analytics read shares: which answers count, days in a time zone, raw SQL over a
compiled queryset."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connections
from django.db.models import QuerySet
from django.utils import timezone

from analysis.models import AnalysisResult, AnalysisStatus

UTC = ZoneInfo("UTC")

# Rubric dimensions: (model field, name on the wire).
DIMENSIONS = (
    ("understanding", "understanding"),
    ("logic", "logic"),
    ("specificity", "specificity"),
    ("job_fit", "jobFit"),
)
DIMENSION_MAX = 25


def scored_answers() -> QuerySet[AnalysisResult]:
    """Answers that have a score: completed analyses, including preliminary ones (scored by the
    offline provider while the AI provider was down), which are the scores the user was shown.
    Pending and failed analyses have no score and count nowhere but in practice days."""
    return AnalysisResult.objects.filter(status=AnalysisStatus.COMPLETED, total_score__isnull=False)


def local_today(tz: tzinfo) -> date:
    return timezone.now().astimezone(tz).date()


def day_bounds(first: date, last: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """[start of `first`, start of the day after `last`) in `tz`, as aware datetimes."""
    start = datetime.combine(first, time.min, tzinfo=tz)
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=tz)
    return start, end


def days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def db_value(model, field_name: str, value: Any, using: str) -> Any:
    """`value` as the database stores it in `model.field_name` (a UUID is hex text on SQLite)."""
    field = model._meta.get_field(field_name)
    return field.get_db_prep_value(value, connections[using])


def fetch_over(
    queryset: QuerySet,
    outer_sql: str,
    params: Sequence[Any] = (),
    *,
    params_before: Sequence[Any] = (),
) -> list[tuple]:
    """Runs `outer_sql`, in which `{inner}` stands for `queryset` compiled as a subquery: for
    what the ORM cannot say (a window over an aggregate, a histogram of per-user means).
    Compiled by the ORM for the database it reads from, so vendor details stay the ORM's.
    `params_before` are the placeholders written before `{inner}`, `params` those after it."""
    using = queryset.db
    inner_sql, inner_params = queryset.query.get_compiler(using=using).as_sql()
    sql = outer_sql.format(inner=inner_sql)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [*params_before, *inner_params, *params])
        return cursor.fetchall()
