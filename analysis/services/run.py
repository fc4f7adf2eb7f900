"""The analysis task's job: claim one pending analysis, run the provider, write the outcome."""

from __future__ import annotations

import logging
import time

from celery.exceptions import SoftTimeLimitExceeded
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from interview_platform.metrics import provider_call

from ..ai.base import AIServiceError, TransientAIError
from ..ai.registry import get_ai_service, resolve_provider_name
from ..models import AnalysisResult
from .context import analysis_contexts
from .fallback import analysis_fail_logged, analysis_fall_back
from .outcome import analysis_claim, analysis_complete, analysis_release

logger = logging.getLogger("analysis")


def analysis_run(*, analysis_id, final_attempt: bool = True) -> str:
    """Runs the provider on one pending analysis. Returns what happened (for logs and tests).

    A transient provider failure (or the task's soft time limit) puts the analysis back to
    pending and re-raises so the task retries; on the final attempt, or on a permanent failure,
    the offline provider's result is stored as preliminary feedback with the reason, so the user
    is never left without coaching.
    """
    if not analysis_claim(analysis_id=analysis_id):
        return "skipped"  # already taken by another delivery, or no longer pending
    result = AnalysisResult.objects.select_related("question", "session").get(pk=analysis_id)
    question_context, analysis_context = analysis_contexts(result)
    provider_name = resolve_provider_name()
    if provider_name != "offline":
        _release_connection()
    started = time.perf_counter()
    try:
        with provider_call(provider_name, "analyze_answer"):
            output = get_ai_service(provider_name).analyze_answer(
                question_context, result.user_answer, analysis_context
            )
    except (TransientAIError, SoftTimeLimitExceeded) as exc:
        reason = getattr(exc, "reason", "time_limit")
        if not final_attempt:
            analysis_release(analysis_id=analysis_id, reason=reason)
            raise
        return analysis_fall_back(result, question_context, analysis_context, reason=reason)
    except AIServiceError as exc:
        if provider_name == "offline":
            return analysis_fail_logged(result, reason=exc.reason)
        return analysis_fall_back(result, question_context, analysis_context, reason=exc.reason)
    except ImproperlyConfigured as exc:
        # AI_PROVIDER=openai without a key: the user still gets the offline coaching.
        return analysis_fall_back(
            result, question_context, analysis_context, reason=f"misconfigured: {exc}"
        )
    logger.info(
        "analysis completed",
        extra={
            "operation": "analysis_run",
            "duration": round((time.perf_counter() - started) * 1000, 2),
            "metadata": {"analysisId": str(analysis_id), "model": output.model},
        },
    )
    return "completed" if analysis_complete(result, output.to_result_fields()) else "superseded"


def _release_connection() -> None:
    """Hands the database connection back (to the pool) before a provider wait: an `io` worker
    thread waiting seconds on the network must not hold one of the process's few connections.
    The next query takes one again."""
    if not connection.in_atomic_block:
        connection.close()
