"""Where a user stands among everyone practising the same category (and difficulty).

- A user's **category score** is the mean total score (0-100) of their scored answers to
  questions of that category (and difficulty, when one is asked for).
- The **cohort** is every user with at least `BENCHMARK_MIN_ANSWERS` such answers.
- The **percentile** is PERCENT_RANK of the user's category score within the cohort, times
  100: the share of the *other* cohort members whose score is strictly lower, so tied users get
  the same percentile and the lowest score gets 0. The database computes every member's score
  (one grouped query over the category's answers) and returns them sorted; that sorted list is
  cached with the cohort summary, and a request ranks the user's live score in it by binary
  search. Ranking live against the whole table cost a full aggregation of the category per
  request (about 0.9 s at a million answers); within the cache period the cohort is the cached
  one, the user's own score is always current.
- Below `BENCHMARK_MIN_ANSWERS` answers, or with fewer than `BENCHMARK_MIN_COHORT` users in the
  cohort, no percentile is given (it would say more about chance than about the user) and the
  response says why; the histogram is withheld from a cohort that small too, so it cannot reveal
  anyone's score.
- The cohort's size, mean and histogram (10-point buckets of category scores) and the platform
  average are cached per category and difficulty for `ANALYTICS_BENCHMARK_CACHE_SECONDS`.
"""

from __future__ import annotations

import bisect
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from analysis.models import AnalysisResult

from .. import stats
from .common import fetch_over, scored_answers

BENCHMARK_MIN_ANSWERS = 5
BENCHMARK_MIN_COHORT = 10
CACHE_PREFIX = "analytics:benchmarks:v1"


def _cache_seconds() -> int:
    return settings.ANALYTICS_BENCHMARK_CACHE_SECONDS


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
    scores = [
        float(score)
        for (score,) in fetch_over(
            _cohort(category, difficulty), "SELECT score FROM ({inner}) cohort ORDER BY score"
        )
    ]
    summary = {
        "computed_at": timezone.now(),
        "cohort_size": size,
        "scores": scores,
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
    """{score, answers, percent_rank (0-1), cohort} for a cohort member, else None.

    The user's score is live; the others' come from the cached cohort. The user's own entry in
    that cache (their score when it was computed, if they were a member then) is taken out, so
    they are ranked only against the other members."""
    summary = cohort_summary(category=category, difficulty=difficulty)
    cached_at = Q(created_at__lte=summary["computed_at"])
    mine = (
        _answers(category, difficulty)
        .filter(user=user)
        .aggregate(
            score=Avg("total_score"),
            answers=Count("id"),
            score_then=Avg("total_score", filter=cached_at),
            answers_then=Count("id", filter=cached_at),
        )
    )
    if not mine["answers"] or mine["answers"] < BENCHMARK_MIN_ANSWERS:
        return None
    score = float(mine["score"])
    scores = summary["scores"]
    was_member = mine["answers_then"] >= BENCHMARK_MIN_ANSWERS
    below = bisect.bisect_left(scores, score)
    if was_member and float(mine["score_then"]) < score:
        below -= 1  # their own earlier score is in the cache, below their current one
    size = len(scores) if was_member else len(scores) + 1
    return {
        "score": score,
        "answers": mine["answers"],
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
