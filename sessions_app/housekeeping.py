"""Housekeeping of practice data, run by beat's tasks: expiring sessions past their 2-hour limit
and the answer retention purge."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from analysis.services.retention import analyses_purge_expired

from . import live
from .models import InterviewSession, SessionQuestion, SessionStatus


def _now():
    return timezone.now()


def sessions_expire(*, batch_size: int = 500) -> int:
    """Marks active sessions past their 2-hour limit abandoned, one bounded batch at a time."""
    ids = list(
        InterviewSession.objects.filter(status=SessionStatus.ACTIVE, expires_at__lte=_now())
        .order_by("expires_at")
        .values_list("pk", flat=True)[:batch_size]
    )
    if not ids:
        return 0
    count = InterviewSession.objects.filter(pk__in=ids, status=SessionStatus.ACTIVE).update(
        status=SessionStatus.ABANDONED
    )
    for session_id in ids:
        live.live_state_clear(session_id)
    return count


def answers_purge_expired(*, days: int, batch_size: int = 1000) -> int:
    """Retention (DESIGN §7, ANSWER_RETENTION_DAYS): blanks session answers older than `days`
    and removes the analyses that quote them, one bounded batch per call; returns how many
    analyses were removed. Session scores and the daily rollups keep the aggregates."""
    if days <= 0:
        return 0
    cutoff = _now() - timedelta(days=days)
    with transaction.atomic():
        SessionQuestion.objects.filter(answered_at__lt=cutoff).exclude(answer="").update(answer="")
        return analyses_purge_expired(days=days, batch_size=batch_size)
