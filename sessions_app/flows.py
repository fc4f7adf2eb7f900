"""The answer flow: how an answer comes in, whoever sends it. The API (`POST /api/analysis/answer`
and `/batch`) and the practice pages (`web`) call these and nothing else, so the rules are one:

1. validate every answer first (a refused answer uses up no quota);
2. count the request against the analysis rate limit, and every answer given in a session
   against the answers limit (SessionSecurity: 2 a minute);
3. store each answer (on its session question, or against a bank/typed question for free
   practice) and create its pending analysis, queued to run after commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from accounts.models import User
from analysis.flows import analysis_rate_limit_count
from analysis.models import AnalysisResult
from analysis.services.submit import analysis_submit
from analysis.validation import validate_answer, validate_answers
from core.choices import Language
from interview_platform.api.ratelimit import enforce_rate_limit
from interview_platform.logging import session_id_var
from questions.services import question_for_practice, question_record_usage

from .services import session_question_answer


@dataclass(frozen=True)
class AnswerIn:
    """One answer as sent: to a session question, or free practice on a question id or text."""

    answer: str
    session_id: object = None
    session_question_id: object = None
    time_spent: int | None = None
    question_id: object = None
    question_text: str = ""
    category: str = ""
    language: str | None = None

    @property
    def in_session(self) -> bool:
        return bool(self.session_id or self.session_question_id)

    @classmethod
    def from_input(cls, data: dict) -> AnswerIn:
        """From the API's validated input (snake_case keys)."""
        return cls(
            answer=data["answer"],
            session_id=data.get("session_id"),
            session_question_id=data.get("session_question_id"),
            time_spent=data.get("time_spent"),
            question_id=data.get("question_id"),
            question_text=data.get("question", ""),
            category=data.get("category", ""),
            language=data.get("language"),
        )


def answer_submit(*, request, item: AnswerIn) -> AnalysisResult:
    """One answer: validated, counted, stored, its analysis queued."""
    validate_answer(item.answer)
    return _counted_and_stored(request, [item])[0]


def answers_submit_batch(*, request, items: list[AnswerIn]) -> list[AnalysisResult]:
    """Up to ANALYSIS_BATCH_MAX answers: every one is validated before any is counted or
    stored; one error names each failing item by its index."""
    validate_answers([item.answer for item in items])
    return _counted_and_stored(request, items)


def _counted_and_stored(request, items: list[AnswerIn]) -> list[AnalysisResult]:
    analysis_rate_limit_count(request)
    for item in items:
        if item.in_session:
            enforce_rate_limit(
                request, group="answers", key="user", rate=settings.RATE_LIMITS["answers"]
            )
    return [answer_store(user=request.user, item=item) for item in items]


# Within a request's transaction no savepoint of its own (two round trips fewer per answer): an
# error here ends the request, and with it everything the request wrote.
@transaction.atomic(savepoint=False)
def answer_store(*, user: User, item: AnswerIn) -> AnalysisResult:
    """Stores the answer before anything is queued (DESIGN §6), then creates its analysis.
    Step 3 alone: for callers with no request to count (the benchmark's seeding)."""
    answer = validate_answer(item.answer)
    if item.in_session:
        session_id_var.set(str(item.session_id))
        session_question = session_question_answer(
            user=user,
            session_id=item.session_id,
            session_question_id=item.session_question_id,
            answer=answer,
            time_spent=item.time_spent,
        )
        return analysis_submit(
            user=user,
            question_id=session_question.question_id,
            answer=answer,
            language=session_question.session.language,
            session_id=session_question.session_id,
            session_question_id=session_question.pk,
        )
    language = item.language or (user.preferences or {}).get("language") or Language.KO
    question = question_for_practice(
        user=user,
        question_id=item.question_id,
        question_text=item.question_text,
        category=item.category,
        language=language,
    )
    question_record_usage(question_id=question.pk)
    return analysis_submit(user=user, question_id=question.pk, answer=answer, language=language)
