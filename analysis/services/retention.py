"""Housekeeping: analyses whose work was lost, and the answer retention purge (DESIGN §7)."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from ..models import AnalysisResult, AnalysisStatus
from .outcome import stale_before


def analyses_stale_ids(*, batch_size: int = 500) -> list:
    """Analyses whose worker died mid-run or whose enqueue never reached the broker (still
    pending well after submission), oldest first. The claim keeps a late duplicate harmless."""
    return list(
        AnalysisResult.objects.filter(
            Q(status=AnalysisStatus.PROCESSING) | Q(status=AnalysisStatus.PENDING),
            updated_at__lt=stale_before(),
        )
        .order_by("updated_at")
        .values_list("pk", flat=True)[:batch_size]
    )


def analyses_purge_expired(*, days: int, batch_size: int = 1000) -> int:
    """Removes analyses (which quote the answer) older than `days`, one bounded batch per call;
    returns how many were removed. The session app blanks its own copy of the answers
    (`sessions_app.housekeeping.answers_purge_expired`); session scores and the daily
    rollups keep the aggregates."""
    if days <= 0:
        return 0
    cutoff = timezone.now() - timedelta(days=days)
    ids = list(
        AnalysisResult.objects.filter(created_at__lt=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)[:batch_size]
    )
    deleted, _ = AnalysisResult.objects.filter(pk__in=ids).delete()
    return deleted
