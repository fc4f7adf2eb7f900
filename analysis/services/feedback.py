"""Detailed feedback on demand (GET /api/analysis/feedback/{id}) for a completed analysis that has
none yet: one paid provider call per analysis, however many requests arrive at once.

The first request claims the work with a conditional UPDATE of `feedback_claimed_at`; another
request meanwhile waits for the feedback to appear (up to ANALYSIS_MAX_WAIT_SECONDS) and is told
to retry if it has not. A claim older than ANALYSIS_STALE_AFTER_SECONDS (its request died) can be
taken over.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from interview_platform.api.errors import ApplicationError, ErrorType

from ..ai.base import AIServiceError
from ..ai.openai_provider.bounds import ProviderBusy, retry_after_seconds
from ..ai.registry import get_ai_service
from ..models import AnalysisResult, AnalysisStatus
from .context import analysis_contexts
from .outcome import stale_before


def _claim(analysis_id) -> bool:
    free = Q(feedback_claimed_at__isnull=True) | Q(feedback_claimed_at__lt=stale_before())
    claimed = AnalysisResult.objects.filter(
        free, pk=analysis_id, status=AnalysisStatus.COMPLETED, detailed_feedback__isnull=True
    ).update(feedback_claimed_at=timezone.now())
    return claimed == 1


def _await_feedback(analysis: AnalysisResult) -> AnalysisResult:
    deadline = time.monotonic() + settings.ANALYSIS_MAX_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.1)
        feedback = (
            AnalysisResult.objects.filter(pk=analysis.pk)
            .values_list("detailed_feedback", flat=True)
            .first()
        )
        if feedback:
            analysis.detailed_feedback = feedback
            return analysis
    raise ApplicationError(
        _("Detailed feedback is being written. Try again in a few seconds."),
        code="feedback_in_progress",
        status=409,
        headers={"Retry-After": "5"},
        details={"retryAfter": 5},
    )


def analysis_feedback_ensure(*, analysis: AnalysisResult) -> AnalysisResult:
    """Generates detailed feedback for a completed analysis that has none yet."""
    if analysis.detailed_feedback or analysis.status != AnalysisStatus.COMPLETED:
        return analysis
    if not _claim(analysis.pk):
        return _await_feedback(analysis)
    question_context, analysis_context = analysis_contexts(analysis)
    service = get_ai_service()
    try:
        output = service.analyze_answer(question_context, analysis.user_answer, analysis_context)
        feedback = service.generate_feedback(output)
    except AIServiceError as exc:
        AnalysisResult.objects.filter(pk=analysis.pk).update(feedback_claimed_at=None)
        busy = isinstance(exc, ProviderBusy)
        raise ApplicationError(
            _("Detailed feedback is unavailable right now. Try again shortly."),
            code="ai_busy" if busy else "ai_unavailable",
            type=ErrorType.AI_SERVICE,
            status=503,
            details={"reason": exc.reason},
            headers={"Retry-After": str(retry_after_seconds())} if busy else None,
        ) from exc
    analysis.detailed_feedback = feedback.to_dict()
    AnalysisResult.objects.filter(pk=analysis.pk).update(
        detailed_feedback=analysis.detailed_feedback, feedback_claimed_at=None
    )
    return analysis
