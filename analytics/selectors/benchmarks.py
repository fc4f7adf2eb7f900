"""Where a user stands among everyone practising the same category (and difficulty).

- A user's **category score** is the mean total score (0-100) of their scored answers to
  questions of that category (and difficulty, when one is asked for).
- The **cohort** is every user with at least `BENCHMARK_MIN_ANSWERS` such answers.
- The **percentile** is SQL's PERCENT_RANK of the user's category score within the cohort, times
  100: the share of the *other* cohort members whose score is strictly lower, so tied users get
  the same percentile and the lowest score gets 0. Computed in the database: a window function
  where the database has them (PostgreSQL, SQLite >= 3.25), otherwise by counting the members
  below, which is the same number by definition.
- Below `BENCHMARK_MIN_ANSWERS` answers, or with fewer than `BENCHMARK_MIN_COHORT` users in the
  cohort, no percentile is given (it would say more about chance than about the user) and the
  response says why; the histogram is withheld from a cohort that small too, so it cannot reveal
  anyone's score.
- The cohort's size, mean and histogram (10-point buckets of category scores) and the platform
  average are cached per category and difficulty for `ANALYTICS_BENCHMARK_CACHE_SECONDS`.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models import Avg, Count, QuerySet

from accounts.models import User
from analysis.models import AnalysisResult

from .. import stats
from .common import db_value, fetch_over, scored_answers

BENCHMARK_MIN_ANSWERS = 5
BENCHMARK_MIN_COHORT = 10
CACHE_PREFIX = "analytics:benchmarks:v1"


def _cache_seconds() -> int:
    return getattr(settings, "ANALYTICS_BENCHMARK_CACHE_SECONDS", 300)


def _answers(category: str, difficulty: str | None) -> QuerySet[AnalysisResult]:
    answers = scored_answers().filter(question__category=category)
    if difficulty:
        answers = answers.filter(question__difficulty=difficulty)
    return answers


def _cohort(category: str, difficulty: str | None) -> QuerySet:
    """One row per cohort member: user_id, score (mean total), answers."""
    return (
        _answers(category, difficulty)
        .order_by()
        .values("user_id")
        .annotate(score=Avg("total_score"), answers=Count("id"))
        .filter(answers__gte=BENCHMARK_MIN_ANSWERS)
    )


def _bucket_case() -> str:
    whens = " ".join(f"WHEN score < {10 * (b + 1)} THEN {b}" for b in range(9))
    return f"CASE {whens} ELSE 9 END"


def cohort_summary(*, category: str, difficulty: str | None) -> dict[str, Any]:
    """Cohort size, cohort mean, category mean and histogram; cached per category/difficulty."""
    key = f"{CACHE_PREFIX}:{category}:{difficulty or '*'}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    answers = _answers(category, difficulty).aggregate(
        average=Avg("total_score"), count=Count("id")
    )
    rows = fetch_over(
        _cohort(category, difficulty),
        # Constants and the ORM's own SQL only; values are bound parameters.
        f"SELECT {_bucket_case()} AS bucket, COUNT(*), SUM(score) "  # noqa: S608
        "FROM ({inner}) cohort GROUP BY 1",
    )
    counts = [0] * stats.HISTOGRAM_BUCKETS
    total = 0.0
    for bucket, count, score_sum in rows:
        counts[int(bucket)] = count
        total += float(score_sum)
    size = sum(counts)
    summary = {
        "cohort_size": size,
        "cohort_average": round(total / size, 2) if size else None,
        "category_average": None if answers["average"] is None else round(answers["average"], 2),
        "category_answers": answers["count"],
        "histogram": [
            {"from": 10 * b, "to": 10 * (b + 1), "users": counts[b]}
            for b in range(stats.HISTOGRAM_BUCKETS)
        ],
    }
    cache.set(key, summary, _cache_seconds())
    return summary


def platform_average() -> float | None:
    key = f"{CACHE_PREFIX}:platform"
    cached = cache.get(key)
    if cached is not None:
        return cached["average"]
    average = scored_answers().aggregate(average=Avg("total_score"))["average"]
    value = None if average is None else round(average, 2)
    cache.set(key, {"average": value}, _cache_seconds())
    return value


def user_rank(*, user: User, category: str, difficulty: str | None) -> dict[str, Any] | None:
    """{score, answers, percentile (0-1), cohort} for a cohort member, else None."""
    cohort = _cohort(category, difficulty)
    using = cohort.db
    me = db_value(AnalysisResult, "user", user.pk, using)
    if connections[using].features.supports_over_clause:
        rows = fetch_over(
            cohort,
            "SELECT score, answers, pr, n FROM (SELECT user_id, score, answers, "
            "PERCENT_RANK() OVER (ORDER BY score) AS pr, COUNT(*) OVER () AS n "
            "FROM ({inner}) cohort) ranked WHERE user_id = %s",
            [me],
        )
        if not rows:
            return None
        score, answers, rank, size = rows[0]
        return {"score": float(score), "answers": answers, "percent_rank": rank, "cohort": size}
    return _user_rank_by_counting(cohort, me)


def _user_rank_by_counting(cohort: QuerySet, me: Any) -> dict[str, Any] | None:
    """PERCENT_RANK without window functions: (members strictly below) / (members - 1)."""
    mine = fetch_over(
        cohort, "SELECT score, answers FROM ({inner}) cohort WHERE user_id = %s", [me]
    )
    if not mine:
        return None
    score, answers = mine[0]
    (below, size), *_ = fetch_over(
        cohort,
        "SELECT COALESCE(SUM(CASE WHEN score < %s THEN 1 ELSE 0 END), 0), COUNT(*) "
        "FROM ({inner}) cohort",
        params_before=[score],
    )
    return {
        "score": float(score),
        "answers": answers,
        "percent_rank": stats.percent_rank(below, size),
        "cohort": size,
    }


def benchmarks(*, user: User, category: str, difficulty: str | None = None) -> dict[str, Any]:
    summary = cohort_summary(category=category, difficulty=difficulty)
    rank = user_rank(user=user, category=category, difficulty=difficulty)
    mine = None
    reason = None
    if rank is None:
        mine = (
            _answers(category, difficulty)
            .filter(user=user)
            .aggregate(score=Avg("total_score"), answers=Count("id"))
        )
        reason = "not_enough_answers"
    elif rank["cohort"] < BENCHMARK_MIN_COHORT:
        reason = "not_enough_users"
    user_score = rank["score"] if rank else mine["score"]
    shown = reason is None
    return {
        "category": category,
        "difficulty": difficulty,
        "user_score": None if user_score is None else round(user_score, 2),
        "user_answers": rank["answers"] if rank else mine["answers"],
        "percentile": round(rank["percent_rank"] * 100, 1) if shown else None,
        "percentile_available": shown,
        "percentile_unavailable_reason": reason,
        "cohort_size": summary["cohort_size"],
        "min_answers": BENCHMARK_MIN_ANSWERS,
        "min_cohort": BENCHMARK_MIN_COHORT,
        "platform_average": platform_average(),
        "category_average": summary["category_average"],
        "cohort_average": summary["cohort_average"],
        "distribution": summary["histogram"]
        if summary["cohort_size"] >= BENCHMARK_MIN_COHORT
        else [],
    }
