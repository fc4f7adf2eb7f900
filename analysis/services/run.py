"""The analysis task's job: claim one pending analysis, run the provider, write the outcome."""

from __future__ import annotations

import logging
import time

from celery import current_app
from celery.exceptions import SoftTimeLimitExceeded
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from ..ai.base import AIServiceError, TransientAIError
from ..ai.registry import get_ai_service, resolve_provider_name
from ..models import AnalysisResult
from .context import analysis_contexts
from .fallback import analysis_fail_logged, analysis_fallback
from .outcome import analysis_claim, analysis_complete, run_guard

logger = logging.getLogger("analysis")


class ProviderRetry(Exception):
    """A transient provider failure after the offline result was asked for: the task tries the
    provider again later, as an upgrade of run `attempt`."""

    def __init__(self, attempt: int, cause: Exception) -> None:
        super().__init__(str(cause))
        self.attempt = attempt
        self.cause = cause


def analysis_run(*, analysis_id, final_attempt: bool = True, upgrade_of: int | None = None) -> str:
    """Runs the provider on one claimed analysis. Returns what happened (for logs and tests).

    With an AI provider, any failure has the offline provider's result stored as preliminary
    feedback with the reason at once (on the `scoring` queue), so the user is never left
    waiting on a provider that is down; a transient failure (not on the final attempt) then
    raises `ProviderRetry` so the task tries the provider again and replaces it.
    """
    if not analysis_claim(analysis_id=analysis_id, upgrade_of=upgrade_of):
        return "skipped"  # already taken by another delivery, or no longer claimable
    result = AnalysisResult.objects.select_related("question", "session").get(pk=analysis_id)
    attempt = result.attempts
    question_context, analysis_context = analysis_contexts(result)
    provider_name = resolve_provider_name()
    if provider_name != "offline":
        _release_connection()
    started = time.perf_counter()
    try:
        # Timed by the provider itself (interview_ai_provider_latency_seconds).
        output = get_ai_service(provider_name).analyze_answer(
            question_context, result.user_answer, analysis_context
        )
    except (TransientAIError, SoftTimeLimitExceeded) as exc:
        if provider_name == "offline":
            return analysis_fail_logged(result, reason=getattr(exc, "reason", "time_limit"))
        _fall_back_later(analysis_id, reason=getattr(exc, "reason", "time_limit"), attempt=attempt)
        if not final_attempt:
            raise ProviderRetry(attempt, exc) from exc
        return "preliminary"
    except AIServiceError as exc:
        if provider_name == "offline":
            return analysis_fail_logged(result, reason=exc.reason)
        _fall_back_later(analysis_id, reason=exc.reason, attempt=attempt)
        return "preliminary"
    except ImproperlyConfigured as exc:
        # AI_PROVIDER=openai without a key: the user still gets the offline coaching.
        _fall_back_later(analysis_id, reason=f"misconfigured: {exc}", attempt=attempt)
        return "preliminary"
    logger.info(
        "analysis completed",
        extra={
            "operation": "analysis_run",
            "duration": round((time.perf_counter() - started) * 1000, 2),
            "metadata": {"analysisId": str(analysis_id), "model": output.model},
        },
    )
    guard = None if provider_name == "offline" else run_guard(attempt)
    written = analysis_complete(result, output.to_result_fields(), guard=guard)
    return "completed" if written else "superseded"


def _fall_back_later(analysis_id, *, reason: str, attempt: int) -> None:
    """The offline result, computed on the `scoring` queue (its thread holds no provider slot).
    Sent by name: this module is imported by `tasks`."""
    if current_app.conf.task_always_eager:
        analysis_fallback(analysis_id=analysis_id, reason=reason, attempt=attempt)
        return
    current_app.send_task(
        "analysis.tasks.analysis_fallback_task", args=(str(analysis_id), reason, attempt)
    )


def _release_connection() -> None:
    """Hands the database connection back (to the pool) before a provider wait: a worker
    thread waiting seconds on the network must not hold one of the process's few connections.
    The next query takes one again."""
    if not connection.in_atomic_block:
        connection.close()
