"""Daily rollups: one UserAnalytics row per user per UTC day, written by an idempotent upsert.

The same function serves the nightly beat task (every user active on a day), the refresh after a
session completes or its last analysis lands (one user), and the volume data generator (a range
of days). Running it twice gives the same rows; a row whose day no longer has any activity (a
deleted session) is removed."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from django.db import DatabaseError, transaction
from django.db.models import Avg, Count, F, Sum, Window
from django.db.models.functions import RowNumber

from sessions_app.models import InterviewSession, SessionStatus

from .. import stats
from ..models import UserAnalytics
from ..selectors.common import DIMENSION_MAX, DIMENSIONS, UTC, day_bounds, scored_answers

logger = logging.getLogger("analytics")

# Users per query: keeps `IN (...)` lists under SQLite's parameter limit and batches bounded.
USER_BATCH = 500
_FIELDS = [field for field, _ in DIMENSIONS]
_UPDATED = [
    "sessions_completed",
    "average_score",
    "score_total",
    "time_spent",
    "questions_answered",
    "improvement_rate",
    "skill_breakdown",
    "updated_at",
]


def _chunks(items: Sequence, size: int) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _active_users(begin, end) -> list:
    sessions = InterviewSession.objects.filter(
        status=SessionStatus.COMPLETED, completed_at__gte=begin, completed_at__lt=end
    )
    answers = scored_answers().filter(created_at__gte=begin, created_at__lt=end)
    found = set()
    for queryset in (sessions, answers):
        found.update(queryset.order_by().values_list("user_id", flat=True).distinct())
    return sorted(found)


def _rows_for(day: date, user_ids: Sequence, begin, end) -> list[UserAnalytics]:
    sessions = {
        row["user_id"]: row
        for row in InterviewSession.objects.filter(
            user_id__in=user_ids,
            status=SessionStatus.COMPLETED,
            completed_at__gte=begin,
            completed_at__lt=end,
        )
        .order_by()
        .values("user_id")
        .annotate(count=Count("id"), time=Sum("duration"))
    }
    answers = {
        row["user_id"]: row
        for row in scored_answers()
        .filter(user_id__in=user_ids, created_at__gte=begin, created_at__lt=end)
        .order_by()
        .values("user_id")
        .annotate(count=Count("id"), total=Sum("total_score"), **{f: Avg(f) for f in _FIELDS})
    }
    # Each user's last TREND_WINDOW answers up to the end of the day, for the day's trends.
    window: dict[Any, list[tuple]] = defaultdict(list)
    for user_id, rank, *scores in (
        scored_answers()
        .filter(user_id__in=user_ids, created_at__lt=end)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("user_id")],
                order_by=[F("created_at").desc(), F("id").desc()],
            )
        )
        .filter(rank__lte=stats.TREND_WINDOW)
        .values_list("user_id", "rank", "total_score", *_FIELDS)
    ):
        window[user_id].append((rank, *scores))

    rows = []
    for user_id in user_ids:
        done = sessions.get(user_id)
        scored = answers.get(user_id)
        if done is None and scored is None:
            continue
        recent = [values for _, *values in sorted(window.get(user_id, []), reverse=True)]
        breakdown = {}
        if scored is not None:
            for i, field in enumerate(_FIELDS, start=1):
                breakdown[field] = {
                    "score": round(scored[field], 2),
                    "questions_count": scored["count"],
                    **stats.skill_trend([r[i] for r in recent], scale_max=DIMENSION_MAX),
                }
        count = scored["count"] if scored else 0
        total = scored["total"] if scored else 0
        rows.append(
            UserAnalytics(
                user_id=user_id,
                date=day,
                sessions_completed=done["count"] if done else 0,
                time_spent=(done["time"] or 0) if done else 0,
                questions_answered=count,
                score_total=total or 0,
                average_score=stats.mean(total, count),
                improvement_rate=stats.improvement_rate([r[0] for r in recent]),
                skill_breakdown=breakdown,
            )
        )
    return rows


@transaction.atomic
def user_analytics_rollup(*, day: date, user_ids: Iterable | None = None) -> int:
    """Upserts the UserAnalytics rows of `day` (UTC) for `user_ids`, or for every user active
    that day; removes the day's rows of those users that no longer have any activity. Returns
    the number of rows written."""
    begin, end = day_bounds(day, day, UTC)
    if user_ids is None:
        candidates = _active_users(begin, end)
        existing = UserAnalytics.objects.filter(date=day).values_list("user_id", flat=True)
        scope = sorted(set(candidates) | set(existing))
    else:
        scope = sorted(set(user_ids))
    written = 0
    for batch in _chunks(scope, USER_BATCH):
        rows = _rows_for(day, batch, begin, end)
        UserAnalytics.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["user", "date"],
            update_fields=_UPDATED,
        )
        kept = {row.user_id for row in rows}
        gone = [user_id for user_id in batch if user_id not in kept]
        if gone:
            UserAnalytics.objects.filter(date=day, user_id__in=gone).delete()
        written += len(rows)
    return written


def user_analytics_rollup_range(*, first: date, last: date) -> int:
    """Every day from `first` to `last`: the data generator's and a backfill's entry point."""
    written = 0
    day = first
    while day <= last:
        written += user_analytics_rollup(day=day)
        day += timedelta(days=1)
    return written


def user_analytics_refresh(*, user_id, day: date) -> None:
    """Re-rolls `day` and the day before for one user: a session completed on `day` may hold
    answers from the previous day (sessions last up to two hours). Called after commit by the
    sessions app; a database error is logged rather than raised, since the session it follows
    is already saved and the nightly rollup repairs the row."""
    try:
        for each in (day - timedelta(days=1), day):
            user_analytics_rollup(day=each, user_ids=[user_id])
    except DatabaseError:
        logger.exception(
            "analytics refresh failed",
            extra={"operation": "analytics_refresh", "user_id": str(user_id)},
        )
