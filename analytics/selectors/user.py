"""One user's statistics: user-stats, progress and skills. Every function runs a fixed number of
queries whatever the amount of data (each one an aggregate, a bounded window or a LIMIT)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta, tzinfo
from typing import Any

from django.db.models import Avg, Count, ExpressionWrapper, F, IntegerField, Max, Sum, Window
from django.db.models.functions import RowNumber, TruncDate

from accounts.models import User
from analysis.models import AnalysisResult
from sessions_app.models import InterviewSession, SessionStatus

from .. import stats
from ..models import UserAnalytics
from .common import (
    DIMENSION_MAX,
    DIMENSIONS,
    UTC,
    day_bounds,
    days_between,
    local_today,
    scored_answers,
)

# A category needs this many scored answers to be named the user's best or weakest.
BEST_CATEGORY_MIN_ANSWERS = 3
# Recurring weak areas are looked for in this many most recent scored answers.
WEAK_AREA_WINDOW = 100
WEAK_AREA_LIMIT = 5
# Distinct practice days read for the streak (a streak longer than this is reported as this).
STREAK_MAX_DAYS = 3660


def _completed_sessions(user: User):
    return InterviewSession.objects.filter(user=user, status=SessionStatus.COMPLETED)


def user_stats(*, user: User, tz: tzinfo = UTC) -> dict[str, Any]:
    """The user's totals: see `analytics.stats` for improvementRate and the streak."""
    sessions = _completed_sessions(user).aggregate(count=Count("id"), time=Sum("duration"))
    answers = scored_answers().filter(user=user)
    totals = answers.aggregate(
        count=Count("id"), average=Avg("total_score"), last=Max("created_at")
    )
    recent = list(
        answers.order_by("-created_at", "-id").values_list("total_score", flat=True)[
            : stats.TREND_WINDOW
        ]
    )
    categories = list(
        answers.values(category=F("question__category"))
        .annotate(average=Avg("total_score"), count=Count("id"))
        .filter(count__gte=BEST_CATEGORY_MIN_ANSWERS)
    )
    # Ties: more answers first, then the category id, so the choice is stable.
    ranked = sorted(categories, key=lambda c: (-c["average"], -c["count"], c["category"]))
    practice_days = (
        AnalysisResult.objects.filter(user=user)
        .annotate(day=TruncDate("created_at", tzinfo=tz))
        .values_list("day", flat=True)
        .distinct()
        .order_by("-day")[:STREAK_MAX_DAYS]
    )

    def category_entry(row: dict | None) -> dict | None:
        if row is None:
            return None
        return {
            "category": row["category"],
            "average_score": round(row["average"], 2),
            "questions_count": row["count"],
        }

    return {
        "sessions_completed": sessions["count"],
        "average_score": None if totals["average"] is None else round(totals["average"], 2),
        "time_spent": sessions["time"] or 0,
        "questions_answered": totals["count"],
        "improvement_rate": stats.improvement_rate(list(reversed(recent))),
        "best_category": category_entry(ranked[0] if ranked else None),
        "weakest_category": category_entry(ranked[-1] if len(ranked) > 1 else None),
        "current_streak": stats.current_streak(practice_days, today=local_today(tz)),
        "last_answered_at": totals["last"],
        "timezone": str(tz),
        "depth": follow_up_depth(answers=answers),
    }


def follow_up_depth(*, answers) -> dict[str, Any]:
    """How `answers` (scored analyses) hold up under follow-ups, in one aggregate: the follow-ups'
    mean score and their mean change from the answer each one probed."""
    row = answers.filter(session_question__kind="followUp").aggregate(
        count=Count("id"),
        average=Avg("total_score"),
        hold_up=Avg(
            ExpressionWrapper(
                F("total_score") - F("session_question__parent__analysis__total_score"),
                output_field=IntegerField(),
            )
        ),
    )
    return {
        "follow_ups_answered": row["count"],
        "average_follow_up_score": None if row["average"] is None else round(row["average"], 2),
        "hold_up": None if row["hold_up"] is None else round(row["hold_up"], 2),
    }


# --- progress -----------------------------------------------------------------------------


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def progress_range(*, period: str, start: date, end: date) -> tuple[date, date]:
    """Week buckets are whole ISO weeks (Monday to Sunday): the range widens to cover them."""
    if period == "week":
        return _week_start(start), _week_start(end) + timedelta(days=6)
    return start, end


def _daily_from_raw(user: User, first: date, last: date, tz: tzinfo) -> dict[date, dict]:
    begin, finish = day_bounds(first, last, tz)
    days: dict[date, dict] = defaultdict(lambda: {"sessions": 0, "time": 0, "answers": 0, "sum": 0})
    for row in (
        _completed_sessions(user)
        .filter(completed_at__gte=begin, completed_at__lt=finish)
        .annotate(day=TruncDate("completed_at", tzinfo=tz))
        .values("day")
        .annotate(count=Count("id"), time=Sum("duration"))
    ):
        days[row["day"]].update(sessions=row["count"], time=row["time"] or 0)
    for row in (
        scored_answers()
        .filter(user=user, created_at__gte=begin, created_at__lt=finish)
        .annotate(day=TruncDate("created_at", tzinfo=tz))
        .values("day")
        .annotate(count=Count("id"), total=Sum("total_score"))
    ):
        days[row["day"]].update(answers=row["count"], sum=row["total"] or 0)
    return days


def _daily_from_rollups(user: User, first: date, last: date) -> dict[date, dict]:
    rows = UserAnalytics.objects.filter(user=user, date__gte=first, date__lte=last).values_list(
        "date", "sessions_completed", "time_spent", "questions_answered", "score_total"
    )
    return {
        day: {"sessions": sessions, "time": time, "answers": answers, "sum": total}
        for day, sessions, time, answers, total in rows
    }


def progress(*, user: User, period: str, start: date, end: date, tz: tzinfo = UTC) -> dict:
    """Buckets of `period` ("day" or "week") from `start` to `end` (inclusive, in `tz`), empty
    ones included. averageScore is the mean of the bucket's scored answers (by the time each
    answer was submitted); sessionsCompleted and timeSpent count sessions by completion time.

    In UTC, finished days come from the daily rollups and today from the live tables, so today
    is exact; in another time zone the rollups' UTC days do not line up and every bucket is
    computed from the live tables."""
    first, last = progress_range(period=period, start=start, end=end)
    today = local_today(tz)
    if str(tz) == "UTC":
        days = _daily_from_rollups(user, first, min(last, today - timedelta(days=1)))
        if first <= today <= last:
            days.update(_daily_from_raw(user, today, today, tz))
    else:
        days = _daily_from_raw(user, first, last, tz)

    step = 7 if period == "week" else 1
    buckets = []
    for bucket_start in days_between(first, last)[::step]:
        bucket_days = [bucket_start + timedelta(days=n) for n in range(step)]
        picked = [days[d] for d in bucket_days if d in days]
        answers = sum(p["answers"] for p in picked)
        buckets.append(
            {
                "start": bucket_start,
                "end": bucket_days[-1],
                "average_score": stats.mean(sum(p["sum"] for p in picked), answers),
                "sessions_completed": sum(p["sessions"] for p in picked),
                "questions_answered": answers,
                "time_spent": sum(p["time"] for p in picked),
            }
        )
    return {"period": period, "from": first, "to": last, "timezone": str(tz), "buckets": buckets}


# --- skills -------------------------------------------------------------------------------


def _last_per_group(queryset, group: str, fields: list[str]) -> dict[str, list[tuple]]:
    """The last TREND_WINDOW rows of each `group` value, oldest first, in one query."""
    rows = (
        queryset.annotate(
            group_key=F(group),
            rank=Window(
                RowNumber(),
                partition_by=[F(group)],
                order_by=[F("created_at").desc(), F("id").desc()],
            ),
        )
        .filter(rank__lte=stats.TREND_WINDOW)
        .values_list("group_key", "rank", *fields)
    )
    grouped: dict[str, list[tuple]] = defaultdict(list)
    for key, rank, *values in rows:
        grouped[key].append((rank, *values))
    return {key: [v[1:] for v in sorted(items, reverse=True)] for key, items in grouped.items()}


def _group_skills(answers, group: str) -> list[dict]:
    aggregates = (
        answers.values(key=F(group))
        .annotate(average=Avg("total_score"), count=Count("id"))
        .order_by("key")
    )
    recent = _last_per_group(answers, group, ["total_score"])
    return [
        {
            "skill": row["key"],
            "score": round(row["average"], 2),
            "questions_count": row["count"],
            **stats.skill_trend([score for (score,) in recent.get(row["key"], [])]),
        }
        for row in aggregates
    ]


def weak_areas(*, user: User) -> list[dict]:
    """The improvement notes given most often over the user's last WEAK_AREA_WINDOW answers,
    grouped by `stats.improvement_key` (quotes from one answer do not make a note different; the
    quoted words every note of a group shares, such as missing keywords, are shown).
    Only notes that came back at least twice are recurring."""
    rows = (
        scored_answers()
        .filter(user=user)
        .order_by("-created_at", "-id")
        .values_list("improvements", "created_at")[:WEAK_AREA_WINDOW]
    )
    counts: Counter[str] = Counter()
    shown: dict[str, tuple[str, Any]] = {}
    quotes: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for improvements, created_at in rows:
        seen_here = set()
        for note in improvements or []:
            if not isinstance(note, str):
                continue
            key, quoted = stats.improvement_key(note)
            if not key or key in seen_here:
                continue
            seen_here.add(key)
            counts[key] += 1
            quotes[key].append(quoted)
            shown.setdefault(key, (note, created_at))  # rows are newest first
    recurring = [(key, n) for key, n in counts.items() if n >= 2]
    recurring.sort(key=lambda item: (-item[1], item[0]))
    return [
        {
            "text": stats.recurring_text(shown[key][0], quotes[key]),
            "count": n,
            "last_seen_at": shown[key][1],
        }
        for key, n in recurring[:WEAK_AREA_LIMIT]
    ]


def skills(*, user: User) -> dict[str, Any]:
    """skillBreakdown per rubric dimension (0-25), question type and category (0-100): mean
    score, trend (see `analytics.stats`) and number of scored answers; plus weak areas."""
    answers = scored_answers().filter(user=user)
    fields = [field for field, _ in DIMENSIONS]
    overall = answers.aggregate(count=Count("id"), **{field: Avg(field) for field in fields})
    recent = list(
        answers.order_by("-created_at", "-id").values_list(*fields)[: stats.TREND_WINDOW]
    )[::-1]
    dimensions = [
        {
            "skill": name,
            "score": None if overall[field] is None else round(overall[field], 2),
            "questions_count": overall["count"],
            **stats.skill_trend([row[i] for row in recent], scale_max=DIMENSION_MAX),
        }
        for i, (field, name) in enumerate(DIMENSIONS)
    ]
    return {
        "questions_count": overall["count"],
        "dimensions": dimensions,
        "question_types": _group_skills(answers, "question__type"),
        "categories": _group_skills(answers, "question__category"),
        "weak_areas": weak_areas(user=user),
        "trend_window": stats.TREND_WINDOW,
        "trend_min_answers": stats.TREND_MIN_ANSWERS,
        "trend_threshold": float(stats.TREND_THRESHOLD),
    }
