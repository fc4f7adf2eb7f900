"""Reads of practice sessions, scoped to their owner."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import User
from interview_platform.api.filtering import filtered

from .filters import SessionFilter
from .models import InterviewSession, SessionQuestion


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
    data = {k: v for k, v in filters.items() if v not in (None, "")}
    if user is not None:
        queryset = queryset.filter(user=user)
        data.pop("user", None)  # only staff look at other users' sessions
    else:
        queryset = queryset.select_related("user")
    queryset = filtered(SessionFilter(data=data, queryset=queryset))
    return queryset.annotate(
        questions_asked=Count("session_questions", distinct=True),
        questions_answered=Count(
            "session_questions",
            filter=Q(session_questions__answered_at__isnull=False),
            distinct=True,
        ),
    ).order_by("-created_at", "-id")
