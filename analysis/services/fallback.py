"""When the AI provider fails: the offline provider's result, stored as preliminary feedback with
the reason (the user is never left without coaching and may re-run later), or `failed`."""

from __future__ import annotations

import logging
from dataclasses import replace

from django.db.models import Q

from interview_platform.metrics import fallback_counted

from ..ai.base import AIServiceError
from ..ai.registry import get_offline_service
from ..ai.types import AnalysisContext, AnalysisOutput, QuestionContext
from ..models import AnalysisResult, AnalysisStatus
from .context import analysis_contexts
from .outcome import analysis_complete, analysis_fail, run_guard

logger = logging.getLogger("analysis")


def analysis_fall_back(
    result: AnalysisResult,
    question_context: QuestionContext,
    analysis_context: AnalysisContext,
    *,
    reason: str,
    guard: Q | None = None,
) -> str:
    fallback_counted(reason)
    logger.warning(
        "AI provider failed; storing offline feedback as preliminary",
        extra={"operation": "analysis_fallback", "metadata": {"reason": reason}},
    )
    try:
        output: AnalysisOutput = get_offline_service().analyze_answer(
            question_context, result.user_answer, analysis_context
        )
    except AIServiceError as exc:
        return analysis_fail_logged(result, reason=f"{reason}; offline: {exc.reason}")
    fields = replace(output, preliminary=True).to_result_fields()
    fields["ai_analysis"] = {**fields["ai_analysis"], "fallback_reason": reason}
    written = analysis_complete(result, fields, failure_reason=reason, guard=guard)
    return "preliminary" if written else "superseded"


def analysis_fallback(*, analysis_id, reason: str, attempt: int | None = None) -> str:
    """Stores the offline provider's result as preliminary feedback, with `reason`, on an
    analysis still waiting for its provider (or, with `attempt`, replacing the preliminary
    result of that run). A provider result that landed first is never overwritten."""
    waiting = Q(status__in=[AnalysisStatus.PENDING, AnalysisStatus.PROCESSING])
    guard = waiting if attempt is None else waiting | run_guard(attempt)
    try:
        result = (
            AnalysisResult.objects.filter(guard)
            .select_related("question", "session")
            .get(pk=analysis_id)
        )
    except AnalysisResult.DoesNotExist:
        return "skipped"
    question_context, analysis_context = analysis_contexts(result)
    return analysis_fall_back(
        result, question_context, analysis_context, reason=reason, guard=guard
    )


def analysis_fail_logged(result: AnalysisResult, *, reason: str) -> str:
    analysis_fail(result, reason=reason)
    logger.error(
        "analysis failed",
        extra={
            "operation": "analysis_fail",
            "metadata": {"analysisId": str(result.pk), "reason": reason},
        },
    )
    return "failed"
