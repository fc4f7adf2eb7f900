"""When the AI provider fails: the offline provider's result, stored as preliminary feedback with
the reason (the user is never left without coaching and may re-run later), or `failed`."""

from __future__ import annotations

import logging
from dataclasses import replace

from interview_platform.metrics import fallback_counted

from ..ai.base import AIServiceError
from ..ai.registry import get_offline_service
from ..ai.types import AnalysisContext, AnalysisOutput, QuestionContext
from ..models import AnalysisResult
from .outcome import analysis_complete, analysis_fail

logger = logging.getLogger("analysis")


def analysis_fall_back(
    result: AnalysisResult,
    question_context: QuestionContext,
    analysis_context: AnalysisContext,
    *,
    reason: str,
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
    written = analysis_complete(result, fields, failure_reason=reason)
    return "preliminary" if written else "superseded"


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
