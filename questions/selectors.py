"""Reads of the question bank."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q, QuerySet

from accounts.models import User
from analysis.models import AnalysisResult
from core.choices import Difficulty, JobCategory, QuestionSource
from interview_platform.api.filtering import filtered

from . import cache as question_cache
from .categories import category_text, difficulty_name
from .filters import QuestionFilter
from .models import Question

ORDERINGS = {
    "created": "created_at",
    "-created": "-created_at",
    "difficulty": "difficulty",
    "usage": "usage_count",
    "-usage": "-usage_count",
    "score": "average_score",
    "-score": "-average_score",
}


# The shared bank: what every user may see. AI-generated questions belong to the user they
# were generated for (their custom role or job description is theirs), typed-in ones too.
PUBLIC_SOURCES = (QuestionSource.BANK, QuestionSource.ADMIN)


def visible_to(user: User | None) -> Q:
    public = Q(source__in=PUBLIC_SOURCES)
    if user is None:
        return public
    return public | Q(source=QuestionSource.AI, created_by=user)


def question_queryset(
    *, include_inactive: bool = False, user: User | None = None
) -> QuerySet[Question]:
    """Staff with `include_inactive` see every question; otherwise active questions of the
    shared bank, plus the AI questions generated for `user`."""
    queryset = Question.objects.all()
    if include_inactive:
        return queryset
    return queryset.filter(visible_to(user), is_active=True)


def question_list(*, filters: dict[str, Any], include_inactive: bool = False) -> QuerySet[Question]:
    """Validated `filters` applied through `filters.QuestionFilter`; `is_active` only for staff
    listing inactive questions too."""
    data = {k: v for k, v in filters.items() if k in QuestionFilter.base_filters}
    if not include_inactive:
        data.pop("is_active", None)
    data = {k: v for k, v in data.items() if v not in (None, "")}
    queryset = filtered(
        QuestionFilter(data=data, queryset=question_queryset(include_inactive=include_inactive))
    )
    ordering = ORDERINGS.get(filters.get("ordering") or "")
    return queryset.order_by(
        *(["category", "difficulty", "key", "id"] if not ordering else [ordering, "id"])
    )


def questions_answered_by(*, user: User, question_ids: Iterable) -> set:
    """Which of these questions the user has answered (and so may see the sample answer of)."""
    return set(
        AnalysisResult.objects.filter(user=user, question_id__in=list(question_ids))
        .order_by()
        .values_list("question_id", flat=True)
        .distinct()
    )


def question_has_been_answered(*, user: User, question: Question) -> bool:
    return bool(questions_answered_by(user=user, question_ids=[question.pk]))


def question_categories(*, language: str) -> list[dict[str, Any]]:
    def compute() -> list[dict[str, Any]]:
        counts = dict(
            Question.objects.using("default")  # cached: read the primary, not a lagging replica
            .filter(visible_to(None), is_active=True, language=language)
            .values_list("category")
            .annotate(n=Count("id"))
            .values_list("category", "n")
        )
        result = []
        for category in JobCategory:
            name, description = category_text(category, language)
            result.append(
                {
                    "id": category.value,
                    "name": name,
                    "description": description,
                    "question_count": counts.get(category.value, 0),
                }
            )
        return result

    return question_cache.get_or_set(question_cache.categories_key(language), compute)


def question_difficulties(*, language: str) -> list[dict[str, str]]:
    return [
        {"id": difficulty.value, "name": difficulty_name(difficulty, language)}
        for difficulty in Difficulty
    ]
