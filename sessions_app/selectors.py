"""Reads of practice sessions, scoped to their owner."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import User

from .models import InterviewSession, SessionQuestion


def _user_lookup(value: str) -> Q:
    try:
        return Q(user_id=uuid.UUID(value))
    except ValueError:
        return Q(user__email__iexact=value)


def _with_questions(queryset: QuerySet[InterviewSession]) -> QuerySet[InterviewSession]:
    return queryset.prefetch_related(
        Prefetch(
            "session_questions",
            queryset=SessionQuestion.objects.select_related(
                "question", "analysis__question"
            ).order_by("order"),
        )
    )


def session_get(*, user: User, session_id) -> InterviewSession:
    return get_object_or_404(
        _with_questions(InterviewSession.objects.filter(user=user)), pk=session_id
    )


def session_list(
    *, filters: dict[str, Any], user: User | None = None
) -> QuerySet[InterviewSession]:
    queryset = InterviewSession.objects.all()
    if user is not None:
        queryset = queryset.filter(user=user)
    else:
        queryset = queryset.select_related("user")
        if filters.get("user"):
            queryset = queryset.filter(_user_lookup(filters["user"]))
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("category"):
        queryset = queryset.filter(category=filters["category"])
    if filters.get("from_date"):
        queryset = queryset.filter(created_at__date__gte=filters["from_date"])
    if filters.get("to_date"):
        queryset = queryset.filter(created_at__date__lte=filters["to_date"])
    return queryset.annotate(
        questions_asked=Count("session_questions", distinct=True),
        questions_answered=Count(
            "session_questions",
            filter=Q(session_questions__answered_at__isnull=False),
            distinct=True,
        ),
    ).order_by("-created_at", "-id")
