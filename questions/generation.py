"""AI question generation (POST /api/questions/generate, and a session whose bank ran dry):
through the AI provider, validated, never a duplicate of a stored question, stored with source
`ai` and visible only to the user it was generated for.

The provider is called with no transaction open and no lock held; the questions it produced are
stored together in one short transaction at the end. In a web request each call is bounded by the
request's provider budget and the per-process cap on calls in flight (analysis.ai.openai_provider.
bounds): a full cap answers 503 `ai_busy` with Retry-After, a hung provider 503 `ai_unavailable`
within the budget.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from analysis.ai.base import AIServiceError
from analysis.ai.openai_provider.bounds import ProviderBusy, retry_after_seconds
from analysis.ai.registry import get_ai_service
from core.choices import JobCategory, QuestionSource, QuestionType
from interview_platform.api.errors import ApplicationError, ErrorType

from .models import Question
from .selectors import visible_to
from .services import question_create

PREVIOUS_LIMIT = 60


def _normalized(text: str) -> str:
    return " ".join(text.lower().split()).rstrip("?.!")


def _fields(generated, *, wanted_type: str, text: str) -> dict:
    criteria = generated.evaluation_criteria or {}
    return {
        "type": generated.type if generated.type in QuestionType.values else wanted_type,
        "question": text,
        "tags": list(generated.tags)[:10],
        "expected_keywords": list(generated.expected_keywords)[:20],
        "sample_answer": generated.sample_answer,
        "evaluation_criteria": {
            "understanding": criteria.get("understanding", ""),
            "logic": criteria.get("logic", ""),
            "specificity": criteria.get("specificity", ""),
            "job_fit": criteria.get("jobFit") or criteria.get("job_fit", ""),
        },
    }


def questions_generate(
    *,
    user: User | None,
    category: str,
    difficulty: str,
    language: str,
    count: int = 1,
    question_type: str | None = None,
    custom_category: str = "",
    job_description: str = "",
    exclude: list[str] | None = None,
) -> list[Question]:
    # Only the shared bank and this user's own questions: other users' are private and must not
    # reach the provider in this user's prompt.
    existing = Question.objects.filter(visible_to(user), category=category, language=language)
    if category == JobCategory.CUSTOM:
        existing = existing.filter(custom_category__iexact=custom_category)
    previous = list(
        existing.order_by("-created_at").values_list("question", flat=True)[:PREVIOUS_LIMIT]
    )
    previous += exclude or []
    seen = {_normalized(text) for text in previous}
    types = [question_type] if question_type else list(QuestionType.values)
    service = get_ai_service()
    accepted: list[dict] = []
    attempts = 0
    while len(accepted) < count and attempts < count * 3:
        wanted_type = types[(len(accepted) + attempts) % len(types)]
        attempts += 1
        try:
            generated = service.generate_question(
                category,
                difficulty,
                previous,
                language=language,
                question_type=wanted_type,
                custom_category=custom_category,
                job_description=job_description,
            )
        except ProviderBusy as exc:
            if accepted:
                break  # keep what was generated: those calls are paid for
            seconds = retry_after_seconds()
            raise ApplicationError(
                _("Too many questions are being generated right now. Try again in a few seconds."),
                code="ai_busy",
                type=ErrorType.AI_SERVICE,
                status=503,
                details={"retryAfter": seconds},
                headers={"Retry-After": str(seconds)},
            ) from exc
        except AIServiceError as exc:
            if accepted and exc.retryable:
                break  # the request's time for the provider ran out after some were written
            raise ApplicationError(
                _("Question generation is unavailable right now."),
                code="ai_unavailable",
                type=ErrorType.AI_SERVICE,
                status=503,
                details={"reason": exc.reason},
            ) from exc
        text = (generated.question or "").strip()
        duplicate = _normalized(text) in seen or existing.filter(question__iexact=text).exists()
        if len(text) < 10 or duplicate:
            continue
        seen.add(_normalized(text))
        previous.append(text)
        accepted.append(_fields(generated, wanted_type=wanted_type, text=text))
    if not accepted:
        raise ApplicationError(
            _("No new question could be generated; every candidate duplicated an existing one."),
            code="generation_exhausted",
            type=ErrorType.AI_SERVICE,
            status=503,
        )
    common = {
        "category": category,
        "custom_category": custom_category,
        "difficulty": difficulty,
        "language": language,
    }
    with transaction.atomic():
        return [
            question_create(data={**common, **fields}, created_by=user, source=QuestionSource.AI)
            for fields in accepted
        ]
