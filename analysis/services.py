"""Answer submission and the analysis pipeline (writes).

Answers are stored before anything is queued; the task only takes the result's id, claims it
with a conditional UPDATE (so a duplicate delivery does nothing) and fills it in.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from djangorestframework_camel_case.util import underscoreize
from kombu.exceptions import OperationalError as KombuOperationalError

from accounts.models import User
from interview_platform.api.errors import ApplicationError, ErrorType
from interview_platform.encryption.keys import keyed_hash
from interview_platform.logging import session_id_var
from questions.choices import JobCategory, Language, QuestionSource
from questions.models import Question
from questions.selectors import question_queryset
from questions.services import question_record_score, question_record_usage

from .ai.base import AIServiceError, TransientAIError
from .ai.registry import get_ai_service, get_offline_service, resolve_provider_name
from .ai.types import AnalysisContext, AnalysisOutput, QuestionContext
from .models import AnalysisResult, AnalysisStatus
from .validation import validate_answer

logger = logging.getLogger("analysis")

USER_LEVEL_BY_DIFFICULTY = {"easy": "entry", "medium": "mid", "hard": "senior"}


def _rubric_signature(provider: str) -> str:
    """What must match for stored scores to be reused: the provider and its rubric or prompt."""
    if provider == "offline":
        from .ai.offline import RUBRIC_VERSION

        return f"offline:{RUBRIC_VERSION}"
    from .ai.openai_provider import PROMPT_VERSION

    return f"openai:{settings.OPENAI_MODEL}:{PROMPT_VERSION}"


def _fingerprint(*, question_id, answer: str, provider: str) -> str:
    """A keyed hash (HMAC, FIELD_HASH_KEY): answers are encrypted at rest, and a plain hash of
    a short answer could be reversed by guessing."""
    normalized = " ".join(answer.split())
    return keyed_hash(str(question_id), _rubric_signature(provider), normalized)


def _send(analysis_id) -> None:
    from .tasks import analyze_answer_task

    # Provider calls wait on the network (the `io` worker's threads); the offline scorer is CPU
    # work for the `cpu` worker's processes (settings/jobs.py).
    queue = settings.QUEUE_SCORING if resolve_provider_name() == "offline" else None
    try:
        analyze_answer_task.apply_async((str(analysis_id),), queue=queue)
    except KombuOperationalError:
        # The answer is committed; the stale-analysis sweep queues it once the broker is back.
        logger.error(
            "broker unavailable: analysis left pending for the sweep",
            exc_info=True,
            extra={"operation": "analysis_enqueue", "metadata": {"analysisId": str(analysis_id)}},
        )


def _enqueue(analysis_id) -> None:
    transaction.on_commit(lambda: _send(analysis_id))


def _question_for_free_practice(
    *, user: User, question_id=None, question_text: str = "", category: str = "", language: str
) -> Question:
    if question_id:
        try:
            return question_queryset(user=user).get(pk=question_id)
        except Question.DoesNotExist:
            raise ApplicationError(
                _("That question does not exist."), code="not_found", status=404
            ) from None
    if not question_text:
        raise ApplicationError(
            _("Give a questionId or the question text."),
            code="question_required",
            details={"fields": {"questionId": [_("Required without a question.")]}},
        )
    # A question the user typed in: kept (inactive, outside the bank) so the analysis has a subject.
    return Question.objects.create(
        category=category or JobCategory.CUSTOM,
        custom_category="" if category and category != JobCategory.CUSTOM else "general",
        difficulty="medium",
        type="behavioral",
        language=language,
        source=QuestionSource.USER,
        question=question_text.strip(),
        is_active=False,
        created_by=user,
    )


@transaction.atomic
def answer_submit(
    *,
    user: User,
    answer: str,
    question_id=None,
    question_text: str = "",
    category: str = "",
    language: str | None = None,
    session_id=None,
    session_question_id=None,
    time_spent: int | None = None,
) -> AnalysisResult:
    """Validates and stores the answer, creates its pending analysis and queues the work."""
    answer = validate_answer(answer)
    session = session_question = None
    if session_id or session_question_id:
        from sessions_app.services import session_question_answer

        session_id_var.set(str(session_id))
        session_question = session_question_answer(
            user=user,
            session_id=session_id,
            session_question_id=session_question_id,
            answer=answer,
            time_spent=time_spent,
        )
        session = session_question.session
        question = session_question.question
        language = session.language
    else:
        language = language or (user.preferences or {}).get("language") or Language.KO
        question = _question_for_free_practice(
            user=user,
            question_id=question_id,
            question_text=question_text,
            category=category,
            language=language,
        )
        question_record_usage(question_id=question.pk)

    provider = resolve_provider_name()
    fingerprint = _fingerprint(question_id=question.pk, answer=answer, provider=provider)
    # The same user's same answer to the same question under the same rubric reuses their stored
    # scores; another user's analysis is never copied (nor its id shown).
    previous = (
        AnalysisResult.objects.filter(
            fingerprint=fingerprint,
            status=AnalysisStatus.COMPLETED,
            preliminary=False,
        )
        .order_by("-completed_at")
        .first()
    )
    result = AnalysisResult.objects.create(
        user=user,
        session=session,
        session_question=session_question,
        question=question,
        user_answer=answer,
        language=language,
        fingerprint=fingerprint,
        # A reused result is completed right here, through the same path as a provider's.
        status=AnalysisStatus.PROCESSING if previous else AnalysisStatus.PENDING,
    )
    if previous is not None:
        fields = _copy_fields(previous)
        fields["ai_analysis"] = {**(previous.ai_analysis or {}), "reused_from": str(previous.pk)}
        _complete(result, fields)
    else:
        _enqueue(result.pk)
    return result


def _copy_fields(source: AnalysisResult) -> dict:
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
    }


def _after_completion(result: AnalysisResult) -> None:
    if result.total_score is not None and not result.preliminary:
        question_record_score(question_id=result.question_id, score=result.total_score)
    if result.session_id:
        from sessions_app.services import session_analysis_landed

        session_analysis_landed(session_id=result.session_id)
    else:
        # Free practice counts in today's progress at once, not only after the nightly rollup.
        transaction.on_commit(lambda: _analytics_refresh(result.user_id))


def _analytics_refresh(user_id) -> None:
    from analytics.services import user_analytics_refresh

    user_analytics_refresh(user_id=user_id, day=timezone.now().date())


def _contexts(result: AnalysisResult) -> tuple[QuestionContext, AnalysisContext]:
    question = result.question
    criteria = question.evaluation_criteria or {}
    question_context = QuestionContext(
        text=question.question,
        category=question.category,
        custom_category=question.custom_category,
        type=question.type,
        difficulty=question.difficulty,
        language=result.language,
        expected_keywords=tuple(question.expected_keywords or ()),
        sample_answer=question.sample_answer,
        evaluation_criteria={
            "understanding": criteria.get("understanding", ""),
            "logic": criteria.get("logic", ""),
            "specificity": criteria.get("specificity", ""),
            "jobFit": criteria.get("job_fit", ""),
        },
    )
    previous_answers: tuple[str, ...] = ()
    session_duration = 0
    if result.session_id:
        previous_answers = tuple(
            AnalysisResult.objects.filter(session_id=result.session_id)
            .exclude(pk=result.pk)
            .order_by("created_at")
            .values_list("user_answer", flat=True)[:19]
        )
        session_duration = int((timezone.now() - result.session.created_at).total_seconds())
    analysis_context = AnalysisContext(
        job_category=question.custom_category or question.category,
        user_level=USER_LEVEL_BY_DIFFICULTY.get(question.difficulty, "mid"),
        previous_answers=previous_answers,
        session_duration=session_duration,
        language=result.language,
    )
    return question_context, analysis_context


def _stale_before():
    return timezone.now() - timedelta(seconds=settings.ANALYSIS_STALE_AFTER_SECONDS)


def _claim(analysis_id) -> bool:
    """Takes a pending analysis, or one whose worker died mid-run, in one conditional UPDATE."""
    claimable = Q(status=AnalysisStatus.PENDING) | Q(
        status=AnalysisStatus.PROCESSING, updated_at__lt=_stale_before()
    )
    claimed = AnalysisResult.objects.filter(claimable, pk=analysis_id).update(
        status=AnalysisStatus.PROCESSING, attempts=F("attempts") + 1, updated_at=timezone.now()
    )
    return claimed == 1


def _release(analysis_id, *, reason: str) -> None:
    AnalysisResult.objects.filter(pk=analysis_id, status=AnalysisStatus.PROCESSING).update(
        status=AnalysisStatus.PENDING, failure_reason=reason, updated_at=timezone.now()
    )


def _complete(result: AnalysisResult, fields: dict, *, failure_reason: str = "") -> bool:
    """Writes the outcome only while this run still holds its claim (the row may have been
    deleted, or re-claimed after a time-out, during the provider call)."""
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
        written = AnalysisResult.objects.filter(
            pk=result.pk, status=AnalysisStatus.PROCESSING
        ).update(**fields)
        if written:
            for name, value in fields.items():
                setattr(result, name, value)
            _after_completion(result)
    return bool(written)


def analysis_run(*, analysis_id, final_attempt: bool = True) -> str:
    """Runs the provider on one pending analysis. Returns what happened (for logs and tests).

    A transient provider failure (or the task's soft time limit) puts the analysis back to
    pending and re-raises so the task retries; on the final attempt, or on a permanent failure,
    the offline provider's result is stored as preliminary feedback with the reason, so the user
    is never left without coaching.
    """
    if not _claim(analysis_id):
        return "skipped"  # already taken by another delivery, or no longer pending
    result = AnalysisResult.objects.select_related("question", "session").get(pk=analysis_id)
    question_context, analysis_context = _contexts(result)
    provider_name = resolve_provider_name()
    if provider_name != "offline":
        _release_connection()
    started = time.perf_counter()
    try:
        output = get_ai_service(provider_name).analyze_answer(
            question_context, result.user_answer, analysis_context
        )
    except (TransientAIError, SoftTimeLimitExceeded) as exc:
        reason = getattr(exc, "reason", "time_limit")
        if not final_attempt:
            _release(analysis_id, reason=reason)
            raise
        return _fall_back(result, question_context, analysis_context, reason=reason)
    except AIServiceError as exc:
        if provider_name == "offline":
            return _fail(result, reason=exc.reason)
        return _fall_back(result, question_context, analysis_context, reason=exc.reason)
    except ImproperlyConfigured as exc:
        # AI_PROVIDER=openai without a key: the user still gets the offline coaching.
        return _fall_back(
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
    return "completed" if _complete(result, output.to_result_fields()) else "superseded"


def _release_connection() -> None:
    """Hands the database connection back (to the pool) before a provider wait: an `io` worker
    thread waiting seconds on the network must not hold one of the process's few connections.
    The next query takes one again."""
    if not connection.in_atomic_block:
        connection.close()


def _fall_back(
    result: AnalysisResult,
    question_context: QuestionContext,
    analysis_context: AnalysisContext,
    *,
    reason: str,
) -> str:
    logger.warning(
        "AI provider failed; storing offline feedback as preliminary",
        extra={"operation": "analysis_fallback", "metadata": {"reason": reason}},
    )
    try:
        output: AnalysisOutput = get_offline_service().analyze_answer(
            question_context, result.user_answer, analysis_context
        )
    except AIServiceError as exc:
        return _fail(result, reason=f"{reason}; offline: {exc.reason}")
    fields = replace(output, preliminary=True).to_result_fields()
    fields["ai_analysis"] = {**fields["ai_analysis"], "fallback_reason": reason}
    return "preliminary" if _complete(result, fields, failure_reason=reason) else "superseded"


def _fail(result: AnalysisResult, *, reason: str) -> str:
    with transaction.atomic():
        failed = AnalysisResult.objects.filter(
            pk=result.pk, status=AnalysisStatus.PROCESSING
        ).update(status=AnalysisStatus.FAILED, failure_reason=reason, updated_at=timezone.now())
        if failed and result.session_id:
            from sessions_app.services import session_analysis_landed

            session_analysis_landed(session_id=result.session_id)
    logger.error(
        "analysis failed",
        extra={
            "operation": "analysis_fail",
            "metadata": {"analysisId": str(result.pk), "reason": reason},
        },
    )
    return "failed"


def analyses_requeue_stale(*, batch_size: int = 500) -> int:
    """Queues analyses again whose worker died mid-run or whose enqueue never reached the
    broker (still pending well after submission). The claim keeps a late duplicate harmless."""
    stale = _stale_before()
    ids = list(
        AnalysisResult.objects.filter(
            Q(status=AnalysisStatus.PROCESSING) | Q(status=AnalysisStatus.PENDING),
            updated_at__lt=stale,
        )
        .order_by("updated_at")
        .values_list("pk", flat=True)[:batch_size]
    )
    for analysis_id in ids:
        _send(analysis_id)
    return len(ids)


@transaction.atomic
def analysis_rerun(*, analysis: AnalysisResult) -> AnalysisResult:
    """Queues a preliminary or failed analysis again (e.g. once the AI provider is back)."""
    running = analysis.status == AnalysisStatus.PENDING or (
        analysis.status == AnalysisStatus.PROCESSING and analysis.updated_at >= _stale_before()
    )
    if running:
        raise ApplicationError(
            _("This analysis is already running."), code="analysis_in_progress", status=409
        )
    if analysis.status == AnalysisStatus.COMPLETED and not analysis.preliminary:
        raise ApplicationError(
            _("This analysis is complete; only preliminary or failed ones can be re-run."),
            code="analysis_not_rerunnable",
            status=409,
        )
    AnalysisResult.objects.filter(pk=analysis.pk, updated_at=analysis.updated_at).update(
        status=AnalysisStatus.PENDING, updated_at=timezone.now()
    )
    _enqueue(analysis.pk)
    analysis.refresh_from_db()
    return analysis


def analysis_feedback_ensure(*, analysis: AnalysisResult) -> AnalysisResult:
    """Generates detailed feedback for a completed analysis that has none yet."""
    if analysis.detailed_feedback or analysis.status != AnalysisStatus.COMPLETED:
        return analysis
    question_context, analysis_context = _contexts(analysis)
    service = get_ai_service()
    try:
        output = service.analyze_answer(question_context, analysis.user_answer, analysis_context)
        feedback = service.generate_feedback(output)
    except AIServiceError as exc:
        raise ApplicationError(
            _("Detailed feedback is unavailable right now. Try again shortly."),
            code="ai_unavailable",
            type=ErrorType.AI_SERVICE,
            status=503,
            details={"reason": exc.reason},
        ) from exc
    analysis.detailed_feedback = feedback.to_dict()
    AnalysisResult.objects.filter(pk=analysis.pk).update(
        detailed_feedback=analysis.detailed_feedback
    )
    return analysis


def wait_for_completion(*, analysis_id, seconds: float) -> AnalysisResult:
    """Polls until the analysis leaves pending/processing or `seconds` pass (for `?wait=`)."""
    deadline = time.monotonic() + min(seconds, settings.ANALYSIS_MAX_WAIT_SECONDS)
    interval = 0.05
    while True:
        result = AnalysisResult.objects.select_related("question").get(pk=analysis_id)
        if result.status in (AnalysisStatus.COMPLETED, AnalysisStatus.FAILED):
            return result
        if time.monotonic() >= deadline:
            return result
        time.sleep(min(interval, max(deadline - time.monotonic(), 0)))
        interval = min(interval * 1.5, 0.5)  # quick first checks, then gentle on the database


def answers_purge_expired(*, days: int, batch_size: int = 1000) -> int:
    """Retention (DESIGN §7): removes answers older than `days` and the analyses that quote them.

    Session scores and the daily analytics rollups keep the aggregates; the texts are gone.
    One bounded batch per call; returns how many analyses were removed."""
    if days <= 0:
        return 0
    from sessions_app.models import SessionQuestion

    cutoff = timezone.now() - timedelta(days=days)
    ids = list(
        AnalysisResult.objects.filter(created_at__lt=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)[:batch_size]
    )
    with transaction.atomic():
        SessionQuestion.objects.filter(answered_at__lt=cutoff).exclude(answer="").update(answer="")
        deleted, _ = AnalysisResult.objects.filter(pk__in=ids).delete()
    return deleted
