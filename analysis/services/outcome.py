"""The claim on an analysis and the writers every path completes through.

A run claims its analysis with a conditional UPDATE (pending, or processing but stale because a
worker died); it writes the outcome only while it still holds the claim, so a duplicate delivery
or a run overtaken after a time-out changes nothing. Whoever follows an analysis landing (the
question's running score, the session's report, the user's daily rollup) is told through
`core.hooks.analysis_landed`, inside the same transaction, as a direct call would be.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from djangorestframework_camel_case.util import underscoreize

from core import hooks

from ..models import AnalysisResult, AnalysisStatus
from .polling import announce_landed

# The failure reason of an offline result stored because the provider had not answered in time.
FALLBACK_SLOW = "provider_slow"


def stale_before():
    return timezone.now() - timedelta(seconds=settings.ANALYSIS_STALE_AFTER_SECONDS)


def analysis_claim(*, analysis_id, upgrade_of: int | None = None) -> bool:
    """Takes an analysis for a provider run in one conditional UPDATE (`attempts` + 1 is the
    run's number), so a duplicate delivery does nothing.

    Claimable: a pending analysis; one whose worker died mid-run; one that got the offline
    result at the deadline before any run started (it stays `completed` while the provider
    runs). With `upgrade_of`, the retry of run `upgrade_of` after a transient failure."""
    if upgrade_of is not None:
        claimable = run_guard(upgrade_of)
    else:
        claimable = (
            Q(status=AnalysisStatus.PENDING)
            | Q(status=AnalysisStatus.PROCESSING, updated_at__lt=stale_before())
            | Q(
                Q(attempts=0) | Q(updated_at__lt=stale_before()),
                status=AnalysisStatus.COMPLETED,
                preliminary=True,
                failure_reason=FALLBACK_SLOW,
            )
        )
    claimed = AnalysisResult.objects.filter(claimable, pk=analysis_id).update(
        # A preliminary result stays visible (completed) while the provider runs again.
        status=Case(
            When(status=AnalysisStatus.COMPLETED, then=Value(AnalysisStatus.COMPLETED)),
            default=Value(AnalysisStatus.PROCESSING),
        ),
        attempts=F("attempts") + 1,
        updated_at=timezone.now(),
    )
    return claimed == 1


def run_guard(attempt: int) -> Q:
    """What run `attempt` may overwrite: its own claim, or the offline result stored meanwhile."""
    return Q(attempts=attempt) & (
        Q(status=AnalysisStatus.PROCESSING) | Q(status=AnalysisStatus.COMPLETED, preliminary=True)
    )


def result_fields_of(source: AnalysisResult) -> dict:
    """The outcome fields of a stored analysis (to reuse them for an identical answer)."""
    return {
        "understanding": source.understanding,
        "logic": source.logic,
        "specificity": source.specificity,
        "job_fit": source.job_fit,
        "total_score": source.total_score,
        "strengths": source.strengths,
        "improvements": source.improvements,
        "detailed_feedback": source.detailed_feedback,
        "ai_analysis": source.ai_analysis,
        "ideal_answer": source.ideal_answer,
        "preliminary": source.preliminary,
        "flags": source.flags,
    }


def analysis_complete(
    result: AnalysisResult, fields: dict, *, failure_reason: str = "", guard: Q | None = None
) -> bool:
    """Writes the outcome only while this run still holds its claim (the row may have been
    deleted, or re-claimed after a time-out, during the provider call). `guard` replaces the
    default claim condition (`processing`)."""
    fields = {
        **fields,
        # JSON documents are stored snake_case like every column; the API camelizes them.
        "ai_analysis": underscoreize(fields.get("ai_analysis") or {}),
        "status": AnalysisStatus.COMPLETED,
        "completed_at": timezone.now(),
        "updated_at": timezone.now(),
        "failure_reason": failure_reason,
    }
    with transaction.atomic():
        if guard is None:
            guard = Q(status=AnalysisStatus.PROCESSING)
        written = AnalysisResult.objects.filter(guard, pk=result.pk).update(**fields)
        if written:
            for name, value in fields.items():
                setattr(result, name, value)
            hooks.analysis_landed.send(analysis=result)
            analysis_id = result.pk
            transaction.on_commit(lambda: announce_landed(analysis_id))
            if not result.session_id:
                # Free practice counts in today's progress at once, not only after the nightly
                # rollup (a session's answers count when the session does).
                user_id, day = result.user_id, timezone.now().date()
                transaction.on_commit(lambda: hooks.scores_changed.send(user_id=user_id, day=day))
    return bool(written)


def analysis_fail(result: AnalysisResult, *, reason: str) -> bool:
    with transaction.atomic():
        failed = AnalysisResult.objects.filter(
            pk=result.pk, status=AnalysisStatus.PROCESSING
        ).update(status=AnalysisStatus.FAILED, failure_reason=reason, updated_at=timezone.now())
        if failed:
            result.status, result.failure_reason = AnalysisStatus.FAILED, reason
            hooks.analysis_landed.send(analysis=result)
            analysis_id = result.pk
            transaction.on_commit(lambda: announce_landed(analysis_id))
    return bool(failed)
