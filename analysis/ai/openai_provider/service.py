"""`OpenAIService`: the four AIService operations through the official `openai` SDK.

Every call asks for a strict JSON schema (from `schemas`) at temperature 0, with the prompt rendered
from a versioned template. The raw response body is validated by our own models, so a malformed
body, a refusal, a truncated output or an out-of-range score becomes a typed `AIServiceError` and
never reaches the database. The SDK's own retries (exponential backoff, honouring `retry-after`)
cover rate limits, timeouts and 5xx within one call in a worker (a call made while a web request
waits has no retries and a tight timeout: `bounds`); what still fails is raised as
`TransientAIError` for the task to retry later, or as `PermanentAIError` when retrying cannot help.

`OPENAI_BASE_URL` and `OPENAI_MODEL` are honoured, so any OpenAI-compatible server works. The
SDK (~40 MB) is imported on first use: every process imports this module, few call a model."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from pydantic import ValidationError

from interview_platform.metrics import provider_call

from ..base import InvalidAIOutput, PermanentAIError, TransientAIError
from ..offline.analyzer import screen_answer
from ..offline.scoring import integrity_adjusted
from ..types import (
    AnalysisContext,
    AnalysisOutput,
    DetailedFeedback,
    GeneratedQuestion,
    LanguageCode,
    QuestionContext,
    Scores,
    TokenUsage,
)
from . import prompts
from .bounds import bounded_client
from .guard import merged_flags as _merged_flags
from .guard import offline_signals as _offline_signals
from .guard import quotes_directed as _quotes_directed
from .guard import without_directed as _without_directed
from .schemas import (
    AnswerAnalysis,
    Completion,
    FeedbackPayload,
    IdealAnswerPayload,
    InterviewQuestion,
    Wire,
    response_format,
)

if TYPE_CHECKING:
    import openai

logger = logging.getLogger(__name__)

# The model states no calibrated confidence of its own; this fixed value ranks an LLM analysis
# above the offline scorer's, which reports its own (lower) confidence.
CONFIDENCE = 0.85
# Output caps, generous for Korean (more tokens per word): a runaway output ends as "truncated".
MAX_TOKENS = {"analysis": 3000, "question": 2000, "feedback": 1500, "ideal_answer": 1500}
# Bounds on what a prompt carries from the caller.
MAX_PREVIOUS_QUESTIONS = 50
MAX_PREVIOUS_ANSWERS = 3
MAX_JOB_DESCRIPTION_CHARS = 4000

Payload = TypeVar("Payload", bound=Wire)


@dataclass(frozen=True)
class _Call:
    """What one successful completion cost."""

    model: str
    latency_ms: int
    usage: TokenUsage | None


class OpenAIService:
    """`AIService` through the official `openai` SDK. Arguments override the settings."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        model: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
    ) -> None:
        api_key = api_key if api_key is not None else settings.OPENAI_API_KEY
        if not api_key:
            raise ImproperlyConfigured("The OpenAI provider needs OPENAI_API_KEY.")
        self.model = model or settings.OPENAI_MODEL
        import openai

        self.client = openai.OpenAI(
            api_key=api_key,
            base_url=base_url or settings.OPENAI_BASE_URL,
            timeout=timeout if timeout is not None else settings.OPENAI_TIMEOUT_SECONDS,
            max_retries=max_retries if max_retries is not None else settings.OPENAI_MAX_RETRIES,
        )

    def close(self) -> None:
        """Release the SDK's pooled connections (garbage collection does it too, later)."""
        self.client.close()

    def analyze_answer(
        self, question: QuestionContext, answer: str, context: AnalysisContext
    ) -> AnalysisOutput:
        language = prompts.feedback_language(answer, context, question)
        # Before: the offline screen. Text addressed to the evaluator never reaches the model.
        screened = screen_answer(question, answer, context)
        sent = screened.cleaned or answer
        # Meanwhile: the rest of the offline checks (off topic, repeated: tens of ms of CPU) on a
        # helper thread while this one waits on the model, not before the call (in the latency).
        offline = _offline_signals(question, answer, context, screened)
        messages = prompts.render(
            "analysis_v3",
            **prompts.rubric_values(question),
            job_requirements=prompts.requirement_lines(context.job_requirements),
            job_label=prompts.job_label(context.job_category, question.custom_category),
            user_level=context.user_level,
            previous_answers=prompts.bullets(context.previous_answers[-MAX_PREVIOUS_ANSWERS:]),
            answer=prompts.fenced(sent),
            language_instruction=prompts.language_instruction(language),
        )
        payload, call = self._complete(
            messages, AnswerAnalysis, max_tokens=MAX_TOKENS["analysis"], operation="analyze_answer"
        )
        signals = offline.result()
        scores, feedback = payload.scores, payload.detailedFeedback
        # After: the model's own integrity report joins the offline one, and the same caps apply
        # whatever the model scored (a model that gives an injection 100 is overruled).
        flags = _merged_flags(signals.flags, payload.integrity, question, context)
        points = integrity_adjusted(
            replace(signals, flags=flags),
            {
                "understanding": scores.understanding,
                "logic": scores.logic,
                "specificity": scores.specificity,
                "job_fit": scores.jobFit,
            },
        )
        directed = signals.screen.directed_texts if signals.screen else []

        def clean(lines: Sequence[str]) -> list[str]:
            return [line for line in lines if not _quotes_directed(line, directed)]

        return AnalysisOutput(
            scores=Scores(**points),
            strengths=clean(payload.strengths),
            improvements=clean(payload.improvements) or list(payload.improvements[:1]),
            detailed_feedback=DetailedFeedback(
                grammar=feedback.grammar,
                structure=feedback.structure,
                content=feedback.content,
                suggestions=clean(feedback.suggestions) or list(feedback.suggestions[:1]),
            ),
            ideal_answer=_without_directed(payload.idealAnswer, directed),
            model=call.model,
            confidence=CONFIDENCE,
            prompt_version=prompts.PROMPT_VERSION,
            processing_time_ms=call.latency_ms,
            token_usage=call.usage,
            language=language,
            answer=answer,
            question=question,
            flags=[dict(f) for f in flags],
        )

    def generate_question(
        self,
        category: str,
        difficulty: str,
        previous_questions: Sequence[str],
        *,
        language: LanguageCode,
        question_type: str | None = None,
        custom_category: str = "",
        job_description: str = "",
    ) -> GeneratedQuestion:
        job_description = job_description.strip()[:MAX_JOB_DESCRIPTION_CHARS]
        messages = prompts.render(
            "question_generation_v1",
            job_label=prompts.job_label(category, custom_category),
            difficulty=difficulty,
            type_instruction=(
                f"The question must be a {question_type} question."
                if question_type
                else "Choose the question type (behavioral, technical or situational) that fits."
            ),
            previous_questions=prompts.fenced(
                prompts.bullets(list(previous_questions)[-MAX_PREVIOUS_QUESTIONS:], limit=300)
            ),
            job_description_block=(
                "Tailor the question to this job description:\n"
                f"<job_description>\n{prompts.fenced(job_description)}\n</job_description>"
                if job_description
                else "No job description was given: ask about the role in general."
            ),
            language_instruction=prompts.language_instruction(language),
        )
        payload, call = self._complete(
            messages,
            InterviewQuestion,
            max_tokens=MAX_TOKENS["question"],
            operation="generate_question",
        )
        if question_type and payload.type != question_type:
            raise InvalidAIOutput(
                "invalid_output", detail=f"asked for a {question_type} question, got {payload.type}"
            )
        if _normalized(payload.question) in {_normalized(q) for q in previous_questions}:
            raise InvalidAIOutput("duplicate_question", detail=prompts.clip(payload.question, 120))
        return GeneratedQuestion(
            question=payload.question,
            category=category,
            difficulty=difficulty,
            type=payload.type,
            language=language,
            custom_category=custom_category,
            tags=list(payload.tags),
            expected_keywords=list(payload.expectedKeywords),
            sample_answer=payload.sampleAnswer,
            evaluation_criteria=payload.evaluationCriteria.model_dump(),
            model=call.model,
            prompt_version=prompts.QUESTION_PROMPT_VERSION,
        )

    def generate_feedback(self, analysis: AnalysisOutput) -> DetailedFeedback:
        question = analysis.question or QuestionContext(text="(not recorded)")
        scores = analysis.scores
        messages = prompts.render(
            "feedback_v1",
            job_label=prompts.job_label(question.category, question.custom_category),
            question=question.text,
            question_type=question.type,
            understanding=str(scores.understanding),
            logic=str(scores.logic),
            specificity=str(scores.specificity),
            job_fit=str(scores.job_fit),
            total=str(scores.total),
            strengths=prompts.bullets(analysis.strengths),
            improvements=prompts.bullets(analysis.improvements),
            answer=prompts.fenced(analysis.answer) or "(not recorded)",
            language_instruction=prompts.language_instruction(analysis.language),
        )
        payload, _ = self._complete(
            messages,
            FeedbackPayload,
            max_tokens=MAX_TOKENS["feedback"],
            operation="generate_feedback",
        )
        return DetailedFeedback(
            grammar=payload.grammar,
            structure=payload.structure,
            content=payload.content,
            suggestions=list(payload.suggestions),
        )

    def generate_ideal_answer(
        self, question: QuestionContext, answer: str, context: AnalysisContext
    ) -> str:
        language = prompts.feedback_language(answer, context, question)
        messages = prompts.render(
            "ideal_answer_v1",
            **prompts.rubric_values(question),
            job_label=prompts.job_label(context.job_category, question.custom_category),
            user_level=context.user_level,
            answer=prompts.fenced(answer),
            language_instruction=prompts.language_instruction(language),
        )
        payload, _ = self._complete(
            messages,
            IdealAnswerPayload,
            max_tokens=MAX_TOKENS["ideal_answer"],
            operation="generate_ideal_answer",
        )
        return payload.idealAnswer

    def _complete(
        self,
        messages: list[dict[str, str]],
        schema: type[Payload],
        *,
        max_tokens: int,
        operation: str,
    ) -> tuple[Payload, _Call]:
        """One chat completion, every way it can fail turned into a typed AIServiceError; timed
        in interview_ai_provider_latency_seconds{provider="openai", operation, outcome}."""
        with provider_call("openai", operation):
            return self._complete_untimed(messages, schema, max_tokens=max_tokens)

    def _complete_untimed(
        self, messages: list[dict[str, str]], schema: type[Payload], *, max_tokens: int
    ) -> tuple[Payload, _Call]:
        import openai

        started = time.perf_counter()
        with bounded_client(self.client) as client:
            try:
                raw = client.chat.completions.with_raw_response.create(
                    model=self.model,
                    messages=messages,  # type: ignore[arg-type]
                    temperature=0,
                    max_completion_tokens=max_tokens,
                    response_format=response_format(schema),
                )
            except openai.APITimeoutError as exc:
                raise TransientAIError("timeout", detail=str(exc)) from exc
            except openai.APIConnectionError as exc:
                raise TransientAIError("connection_error", detail=str(exc)) from exc
            except openai.APIStatusError as exc:
                raise _status_error(exc) from exc
        latency_ms = round((time.perf_counter() - started) * 1000)

        try:
            completion = Completion.model_validate(raw.http_response.json())
        except ValueError as exc:  # json.JSONDecodeError and pydantic.ValidationError alike
            detail = (
                _validation_detail(exc)
                if isinstance(exc, ValidationError)
                else "the response body is not JSON"
            )
            raise InvalidAIOutput(
                "invalid_output", detail=f"not a chat completion: {detail}"
            ) from exc
        choice = completion.choices[0]
        if choice.message.refusal:
            raise PermanentAIError("refused", detail=prompts.clip(choice.message.refusal, 300))
        if choice.finish_reason == "length":
            raise PermanentAIError("truncated", detail=f"output exceeded {max_tokens} tokens")
        if choice.finish_reason == "content_filter":
            raise PermanentAIError("content_filtered")
        if not choice.message.content:
            raise InvalidAIOutput("invalid_output", detail="the message has no content")
        try:
            payload = schema.model_validate_json(choice.message.content)
        except ValidationError as exc:
            raise InvalidAIOutput("invalid_output", detail=_validation_detail(exc)) from exc

        usage: TokenUsage | None = None
        if completion.usage is not None:
            usage = {
                "prompt_tokens": completion.usage.prompt_tokens,
                "completion_tokens": completion.usage.completion_tokens,
                "total_tokens": completion.usage.total_tokens,
            }
        call = _Call(model=completion.model or self.model, latency_ms=latency_ms, usage=usage)
        logger.info(
            "openai %s: model=%s latency_ms=%d total_tokens=%s",
            schema.__name__,
            call.model,
            call.latency_ms,
            usage["total_tokens"] if usage else None,
        )
        return payload, call


def _status_error(exc: openai.APIStatusError) -> TransientAIError | PermanentAIError:
    import openai

    detail = prompts.clip(f"HTTP {exc.status_code}: {exc.message}", 300)
    if isinstance(exc, openai.RateLimitError):
        # 429 also means "quota exhausted", which no amount of waiting fixes.
        if exc.code == "insufficient_quota":
            return PermanentAIError("quota_exceeded", detail=detail)
        return TransientAIError("rate_limited", detail=detail)
    if isinstance(exc, openai.InternalServerError):
        return TransientAIError("server_error", detail=detail)
    if exc.status_code == 408:
        return TransientAIError("timeout", detail=detail)
    if isinstance(exc, openai.ConflictError):
        return TransientAIError("conflict", detail=detail)
    if isinstance(exc, openai.AuthenticationError):
        return PermanentAIError("authentication_failed", detail=detail)
    if isinstance(exc, openai.PermissionDeniedError):
        return PermanentAIError("permission_denied", detail=detail)
    if isinstance(exc, openai.NotFoundError):
        return PermanentAIError("not_found", detail=detail)
    if isinstance(exc, openai.BadRequestError | openai.UnprocessableEntityError):
        return PermanentAIError("bad_request", detail=detail)
    return PermanentAIError(f"http_{exc.status_code}", detail=detail)


def _validation_detail(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False, include_input=False)
    parts = [f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in errors[:5]]
    return prompts.clip("; ".join(parts), 300)


def _normalized(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()
