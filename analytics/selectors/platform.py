"""Platform analytics for staff (`GET /api/admin/analytics` and the admin page). Days are UTC.

- activeUsers per day: distinct users who started a session or submitted an answer that day.
- sessions per day: sessions started that day, and sessions completed that day.
- completionRate: of the sessions started in the range that have ended, the share completed
  (completed / (completed + abandoned)); sessions still active are left out.
- averageScoreByCategory: mean total score of the answers submitted in the range and scored.
- ai: over the analyses submitted in the range that have finished: latency p50/p95 of the AI
  provider (`aiAnalysis.processingTime`, ms, of completed analyses, interpolated as
  PERCENTILE_CONT does), the fallback rate (completed analyses scored by the offline provider
  as preliminary because the AI provider failed, over completed ones) and the failure rate
  (failed over completed + failed).
"""

from __future__ import annotations

from datetime import date, timedelta
from math import ceil, floor
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models import Aggregate, Avg, Count, F, FloatField, IntegerField, Q, QuerySet
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, TruncDate
from django.utils import timezone

from accounts.models import User
from analysis.models import AnalysisResult, AnalysisStatus
from sessions_app.models import InterviewSession, SessionStatus

from .common import UTC, day_bounds, days_between, scored_answers

CACHE_PREFIX = "analytics:platform:v1"
MAX_DAYS = 366


class PercentileCont(Aggregate):
    """PostgreSQL's ordered-set aggregate `percentile_cont(p) WITHIN GROUP (ORDER BY x)`."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(%(percentile)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, percentile: float, **extra):
        super().__init__(expression, percentile=float(percentile), **extra)


def percentiles(queryset: QuerySet, expression, points: list[float]) -> list[float | None]:
    """Linear-interpolated percentiles of `expression` (PERCENTILE_CONT's definition), in the
    database: one aggregate on PostgreSQL, ordered OFFSET reads elsewhere."""
    queryset = queryset.order_by().annotate(_value=expression).filter(_value__isnull=False)
    if connections[queryset.db].vendor == "postgresql":
        found = queryset.aggregate(
            **{f"p{i}": PercentileCont(F("_value"), p) for i, p in enumerate(points)}
        )
        return [found[f"p{i}"] for i in range(len(points))]
    count = queryset.count()
    if not count:
        return [None for _ in points]
    ordered = queryset.order_by("_value").values_list("_value", flat=True)
    results = []
    for p in points:
        position = p * (count - 1)
        low, high = floor(position), ceil(position)
        values = list(ordered[low : high + 1])
        below = float(values[0])
        above = float(values[-1])
        results.append(below + (above - below) * (position - low))
    return results


def _per_day(queryset: QuerySet, field: str) -> dict[date, int]:
    rows = (
        queryset.order_by()
        .annotate(day=TruncDate(field, tzinfo=UTC))
        .values("day")
        .annotate(count=Count("id"))
    )
    return {row["day"]: row["count"] for row in rows}


def _active_users(start, end) -> dict[date, int]:
    sessions = (
        InterviewSession.objects.filter(created_at__gte=start, created_at__lt=end)
        .order_by()
        .annotate(day=TruncDate("created_at", tzinfo=UTC))
        .values("user_id", "day")
    )
    answers = (
        AnalysisResult.objects.filter(created_at__gte=start, created_at__lt=end)
        .order_by()
        .annotate(day=TruncDate("created_at", tzinfo=UTC))
        .values("user_id", "day")
    )
    using = sessions.db
    first_sql, first_params = sessions.query.get_compiler(using=using).as_sql()
    second_sql, second_params = answers.query.get_compiler(using=using).as_sql()
    sql = (
        # Both parts are the ORM's compiled SQL; values are bound parameters.
        f"SELECT day, COUNT(*) FROM ({first_sql} UNION {second_sql}) active "  # noqa: S608
        "GROUP BY day ORDER BY day"
    )
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [*first_params, *second_params])
        rows = cursor.fetchall()
    result = {}
    for day, count in rows:
        # SQLite hands the truncated date back as text.
        result[date.fromisoformat(day) if isinstance(day, str) else day] = count
    return result


def _ai(answers: QuerySet) -> dict[str, Any]:
    finished = answers.filter(status__in=[AnalysisStatus.COMPLETED, AnalysisStatus.FAILED])
    counts = finished.aggregate(
        completed=Count("id", filter=Q(status=AnalysisStatus.COMPLETED)),
        failed=Count("id", filter=Q(status=AnalysisStatus.FAILED)),
        preliminary=Count("id", filter=Q(status=AnalysisStatus.COMPLETED, preliminary=True)),
    )
    latency = Cast(KeyTextTransform("processingTime", "ai_analysis"), IntegerField())
    p50, p95 = percentiles(
        answers.filter(status=AnalysisStatus.COMPLETED, preliminary=False), latency, [0.5, 0.95]
    )
    completed, failed = counts["completed"], counts["failed"]
    return {
        "analyses": completed + failed,
        "completed": completed,
        "failed": failed,
        "preliminary": counts["preliminary"],
        "latency_p50_ms": None if p50 is None else round(p50, 1),
        "latency_p95_ms": None if p95 is None else round(p95, 1),
        "fallback_rate": round(counts["preliminary"] / completed, 4) if completed else None,
        "failure_rate": round(failed / (completed + failed), 4) if completed + failed else None,
    }


def platform_analytics(*, start: date, end: date) -> dict[str, Any]:
    """See the module docstring. Cached for ANALYTICS_PLATFORM_CACHE_SECONDS per range."""
    key = f"{CACHE_PREFIX}:{start.isoformat()}:{end.isoformat()}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    begin, finish = day_bounds(start, end, UTC)
    sessions = InterviewSession.objects.filter(created_at__gte=begin, created_at__lt=finish)
    started = _per_day(sessions, "created_at")
    completed = _per_day(
        InterviewSession.objects.filter(
            status=SessionStatus.COMPLETED, completed_at__gte=begin, completed_at__lt=finish
        ),
        "completed_at",
    )
    active = _active_users(begin, finish)
    outcome = sessions.aggregate(
        completed=Count("id", filter=Q(status=SessionStatus.COMPLETED)),
        abandoned=Count("id", filter=Q(status=SessionStatus.ABANDONED)),
        total=Count("id"),
    )
    ended = outcome["completed"] + outcome["abandoned"]
    answers = AnalysisResult.objects.filter(created_at__gte=begin, created_at__lt=finish)
    by_category = (
        scored_answers()
        .filter(created_at__gte=begin, created_at__lt=finish)
        .order_by()
        .values(category=F("question__category"))
        .annotate(average=Avg("total_score"), count=Count("id"))
        .order_by("category")
    )
    users = User.objects.aggregate(
        total=Count("id"), new=Count("id", filter=Q(created_at__gte=begin, created_at__lt=finish))
    )
    days = days_between(start, end)
    result = {
        "from": start,
        "to": end,
        "days": [
            {
                "date": day,
                "active_users": active.get(day, 0),
                "sessions_started": started.get(day, 0),
                "sessions_completed": completed.get(day, 0),
            }
            for day in days
        ],
        "sessions_started": outcome["total"],
        "sessions_completed": outcome["completed"],
        "sessions_abandoned": outcome["abandoned"],
        "completion_rate": round(outcome["completed"] / ended, 4) if ended else None,
        "average_score_by_category": [
            {
                "category": row["category"],
                "average_score": round(row["average"], 2),
                "answers": row["count"],
            }
            for row in by_category
        ],
        "ai": _ai(answers),
        "users_total": users["total"],
        "users_new": users["new"],
        "generated_at": timezone.now(),
    }
    cache.set(key, result, settings.ANALYTICS_PLATFORM_CACHE_SECONDS)
    return result


def default_range(days: int = 30) -> tuple[date, date]:
    today = timezone.now().astimezone(UTC).date()
    return today - timedelta(days=days - 1), today
