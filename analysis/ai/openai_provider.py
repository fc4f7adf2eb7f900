"""The OpenAI provider (DESIGN §6): the official SDK, structured outputs, nothing trusted.

Every call asks for a strict JSON schema derived from the pydantic models below, at temperature 0,
with the prompt rendered from a versioned template in `prompts/`. The response is read as raw JSON
and validated by our own models (the SDK's objects are built without validation), so a malformed
body, a refusal, a truncated output or an out-of-range score becomes a typed `AIServiceError` and
never reaches the database. The SDK's own retries (with backoff, honouring `retry-after`) cover
rate limits, timeouts and 5xx within one call; what still fails is raised as `TransientAIError`
for the task to retry later, or as `PermanentAIError` when retrying cannot help.

`OPENAI_BASE_URL` and `OPENAI_MODEL` are honoured, so any OpenAI-compatible server works.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template
from typing import Annotated, Any, Literal, TypeVar

import openai
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from openai.lib import type_to_response_format_param
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from .base import InvalidAIOutput, PermanentAIError, TransientAIError
from .types import (
    SCORE_MAX,
    AnalysisContext,
    AnalysisOutput,
    DetailedFeedback,
    GeneratedQuestion,
    LanguageCode,
    QuestionContext,
    Scores,
    TokenUsage,
)

logger = logging.getLogger(__name__)

PROMPT_VERSION = "analysis-v1"
QUESTION_PROMPT_VERSION = "question-generation-v1"
FEEDBACK_PROMPT_VERSION = "feedback-v1"
IDEAL_ANSWER_PROMPT_VERSION = "ideal-answer-v1"
PROMPTS_DIR = Path(__file__).with_name("prompts")

# The model states no calibrated confidence of its own; this fixed value ranks an LLM analysis
# above the offline scorer's, which reports its own (lower) confidence.
CONFIDENCE = 0.85
# Output caps, generous for Korean (more tokens per word): a runaway answer ends as "truncated".
MAX_TOKENS = {"analysis": 3000, "question": 2000, "feedback": 1500, "ideal_answer": 1500}
# Bounds on what the prompt carries from the caller.
MAX_PREVIOUS_QUESTIONS = 50
MAX_PREVIOUS_ANSWERS = 3
MAX_JOB_DESCRIPTION_CHARS = 4000


# Wire models: the JSON the model must return (camelCase keys, as the API shows them).


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value.strip()


Text = Annotated[str, AfterValidator(_not_blank)]
Score = Annotated[int, Field(ge=0, le=SCORE_MAX)]


class _Wire(BaseModel):
    # strict: a score of "12" or 12.5 is a violation, not something to coerce.
    model_config = ConfigDict(strict=True, extra="ignore")


class AnswerScores(_Wire):
    understanding: Score = Field(description="How well the answer understood the question")
    logic: Score = Field(description="How logically the answer is structured")
    specificity: Score = Field(description="Concrete examples and details")
    jobFit: Score = Field(description="Relevance to the job role")


class FeedbackPayload(_Wire):
    grammar: Text
    structure: Text
    content: Text
    suggestions: list[Text] = Field(min_length=1, max_length=5)


class AnswerAnalysis(_Wire):
    scores: AnswerScores
    strengths: list[Text] = Field(max_length=5)
    improvements: list[Text] = Field(min_length=1, max_length=5)
    detailedFeedback: FeedbackPayload
    idealAnswer: Text


class CriteriaPayload(_Wire):
    understanding: Text
    logic: Text
    specificity: Text
    jobFit: Text


class InterviewQuestion(_Wire):
    question: Text
    type: Literal["behavioral", "technical", "situational"]
    tags: list[Text] = Field(max_length=5)
    expectedKeywords: list[Text] = Field(min_length=1, max_length=8)
    sampleAnswer: Text
    evaluationCriteria: CriteriaPayload


class IdealAnswerPayload(_Wire):
    idealAnswer: Text


# The chat completion envelope: only the parts we read, validated like the content.


class _Message(BaseModel):
    content: str | None = None
    refusal: str | None = None


class _Choice(BaseModel):
    message: _Message
    finish_reason: str | None = None


class _Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class _Completion(BaseModel):
    model: str = ""
    choices: list[_Choice] = Field(min_length=1)
    usage: _Usage | None = None


Payload = TypeVar("Payload", bound=_Wire)


@dataclass(frozen=True)
class _Call:
    """What one successful completion cost."""

    model: str
    latency_ms: int
    usage: TokenUsage | None


# Prompts


@cache
def _template(name: str) -> dict[str, Template]:
    """`prompts/<name>.txt` split into its `=== system ===` and `=== user ===` parts."""
    text = (PROMPTS_DIR / f"{name}.txt").read_text(encoding="utf-8")
    parts = re.split(r"^=== (system|user) ===\n", text, flags=re.MULTILINE)
    sections = dict(zip(parts[1::2], parts[2::2], strict=True))
    return {role: Template(body.strip()) for role, body in sections.items()}


def render_prompt(name: str, **values: str) -> list[dict[str, str]]:
    """Chat messages for template `name`; values are inserted verbatim (never re-interpreted)."""
    return [
        {"role": role, "content": template.substitute(values)}
        for role, template in _template(name).items()
    ]


@cache
def _language_instruction(language: str) -> str:
    return (PROMPTS_DIR / f"language_{language}_v1.txt").read_text(encoding="utf-8").strip()


_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")


def feedback_language(answer: str, context: AnalysisContext, question: QuestionContext) -> str:
    """The user's language: as given, else the answer's script (Korean answers often carry
    English terms, and a syllable block holds about three letters' worth), else the question's."""
    if context.language:
        return context.language
    hangul, latin = len(_HANGUL.findall(answer)), len(_LATIN.findall(answer))
    if hangul or latin:
        return "ko" if hangul * 3 >= latin else "en"
    return question.language


def _job_label(category: str, custom_category: str = "") -> str:
    if custom_category:
        return custom_category
    return category.replace("_", " ") if category and category != "custom" else "general"


def _bullets(items: Sequence[str], *, empty: str = "(none)", clip: int = 600) -> str:
    lines = [f"- {_clip(item, clip)}" for item in items if item.strip()]
    return "\n".join(lines) or empty


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rubric_values(question: QuestionContext) -> dict[str, str]:
    criteria = question.evaluation_criteria or {}
    return {
        "question": question.text,
        "question_type": question.type,
        "difficulty": question.difficulty,
        "expected_keywords": ", ".join(question.expected_keywords) or "(none given)",
        "sample_answer": question.sample_answer.strip() or "(none given)",
        "evaluation_criteria": "\n".join(f"  - {k}: {v}" for k, v in criteria.items() if v)
        or "  (none given)",
    }


# Errors


def _status_error(exc: openai.APIStatusError) -> TransientAIError | PermanentAIError:
    detail = _clip(f"HTTP {exc.status_code}: {exc.message}", 300)
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
    return _clip("; ".join(parts), 300)


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
        self.client = openai.OpenAI(
            api_key=api_key,
            base_url=base_url or settings.OPENAI_BASE_URL,
            timeout=timeout if timeout is not None else settings.OPENAI_TIMEOUT_SECONDS,
            max_retries=max_retries if max_retries is not None else settings.OPENAI_MAX_RETRIES,
        )

    # The four operations

    def analyze_answer(
        self, question: QuestionContext, answer: str, context: AnalysisContext
    ) -> AnalysisOutput:
        language = feedback_language(answer, context, question)
        messages = render_prompt(
            "analysis_v1",
            **_rubric_values(question),
            job_label=_job_label(context.job_category, question.custom_category),
            user_level=context.user_level,
            previous_answers=_bullets(context.previous_answers[-MAX_PREVIOUS_ANSWERS:]),
            answer=answer,
            language_instruction=_language_instruction(language),
        )
        payload, call = self._complete(messages, AnswerAnalysis, max_tokens=MAX_TOKENS["analysis"])
        scores = payload.scores
        feedback = payload.detailedFeedback
        return AnalysisOutput(
            scores=Scores(
                understanding=scores.understanding,
                logic=scores.logic,
                specificity=scores.specificity,
                job_fit=scores.jobFit,
            ),
            strengths=list(payload.strengths),
            improvements=list(payload.improvements),
            detailed_feedback=DetailedFeedback(
                grammar=feedback.grammar,
                structure=feedback.structure,
                content=feedback.content,
                suggestions=list(feedback.suggestions),
            ),
            ideal_answer=payload.idealAnswer,
            model=call.model,
            confidence=CONFIDENCE,
            prompt_version=PROMPT_VERSION,
            processing_time_ms=call.latency_ms,
            token_usage=call.usage,
            language=language,
            answer=answer,
            question=question,
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
        messages = render_prompt(
            "question_generation_v1",
            job_label=_job_label(category, custom_category),
            difficulty=difficulty,
            type_instruction=(
                f"The question must be a {question_type} question."
                if question_type
                else "Choose the question type (behavioral, technical or situational) that fits."
            ),
            previous_questions=_bullets(
                list(previous_questions)[-MAX_PREVIOUS_QUESTIONS:], clip=300
            ),
            job_description_block=(
                "Tailor the question to this job description:\n"
                f"<job_description>\n{job_description}\n</job_description>"
                if job_description
                else "No job description was given: ask about the role in general."
            ),
            language_instruction=_language_instruction(language),
        )
        payload, call = self._complete(
            messages, InterviewQuestion, max_tokens=MAX_TOKENS["question"]
        )
        if question_type and payload.type != question_type:
            raise InvalidAIOutput(
                "invalid_output", detail=f"asked for a {question_type} question, got {payload.type}"
            )
        asked = {_normalized(q) for q in previous_questions}
        if _normalized(payload.question) in asked:
            raise InvalidAIOutput("duplicate_question", detail=_clip(payload.question, 120))
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
            prompt_version=QUESTION_PROMPT_VERSION,
        )

    def generate_feedback(self, analysis: AnalysisOutput) -> DetailedFeedback:
        question = analysis.question or QuestionContext(text="(not recorded)")
        messages = render_prompt(
            "feedback_v1",
            job_label=_job_label(question.category, question.custom_category),
            question=question.text,
            question_type=question.type,
            understanding=str(analysis.scores.understanding),
            logic=str(analysis.scores.logic),
            specificity=str(analysis.scores.specificity),
            job_fit=str(analysis.scores.job_fit),
            total=str(analysis.total),
            strengths=_bullets(analysis.strengths),
            improvements=_bullets(analysis.improvements),
            answer=analysis.answer or "(not recorded)",
            language_instruction=_language_instruction(analysis.language),
        )
        payload, _ = self._complete(messages, FeedbackPayload, max_tokens=MAX_TOKENS["feedback"])
        return DetailedFeedback(
            grammar=payload.grammar,
            structure=payload.structure,
            content=payload.content,
            suggestions=list(payload.suggestions),
        )

    def generate_ideal_answer(
        self, question: QuestionContext, answer: str, context: AnalysisContext
    ) -> str:
        language = feedback_language(answer, context, question)
        messages = render_prompt(
            "ideal_answer_v1",
            **_rubric_values(question),
            job_label=_job_label(context.job_category, question.custom_category),
            user_level=context.user_level,
            answer=answer,
            language_instruction=_language_instruction(language),
        )
        payload, _ = self._complete(
            messages, IdealAnswerPayload, max_tokens=MAX_TOKENS["ideal_answer"]
        )
        return payload.idealAnswer

    # One chat completion, checked

    def _complete(
        self, messages: list[dict[str, str]], schema: type[Payload], *, max_tokens: int
    ) -> tuple[Payload, _Call]:
        started = time.perf_counter()
        try:
            raw = self.client.chat.completions.with_raw_response.create(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]
                temperature=0,
                max_completion_tokens=max_tokens,
                response_format=_response_format(schema),
            )
        except openai.APITimeoutError as exc:
            raise TransientAIError("timeout", detail=str(exc)) from exc
        except openai.APIConnectionError as exc:
            raise TransientAIError("connection_error", detail=str(exc)) from exc
        except openai.APIStatusError as exc:
            raise _status_error(exc) from exc
        latency_ms = round((time.perf_counter() - started) * 1000)

        try:
            completion = _Completion.model_validate(raw.http_response.json())
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
            raise PermanentAIError("refused", detail=_clip(choice.message.refusal, 300))
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
            "openai %s: model=%s latency_ms=%d tokens=%s",
            schema.__name__,
            call.model,
            call.latency_ms,
            usage and usage["total_tokens"],
        )
        return payload, call


def _response_format(schema: type[_Wire]) -> Mapping[str, Any]:
    """The strict `json_schema` response format the SDK derives from a pydantic model (built per
    call: cheap next to the request, and no shared dict for the SDK to alter)."""
    return type_to_response_format_param(schema)  # type: ignore[return-value]


def _normalized(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()
