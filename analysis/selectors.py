"""Reads of analyses, always scoped to their owner (staff may read any)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import User

from .models import AnalysisResult


def analysis_queryset(*, user: User) -> QuerySet[AnalysisResult]:
    queryset = AnalysisResult.objects.select_related("question")
    return queryset if user.is_staff else queryset.filter(user=user)


def analysis_get(*, user: User, analysis_id) -> AnalysisResult:
    return get_object_or_404(analysis_queryset(user=user), pk=analysis_id)
