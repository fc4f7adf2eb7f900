"""Serving follow-ups: deciding whether one is due after the last answer, and storing it as a
session question linked to its parent (it takes a slot of the session's question limit)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.choices import QuestionSource
from interview_platform.api.errors import ApplicationError
from questions.models import Question

from ..models import (
    FOLLOW_UP_DEPTH,
    InterviewSession,
    QuestionKind,
    SessionQuestion,
    SessionStatus,
)
from ..selection import served_questions
from .rules import FollowUpDraft
from .writer import follow_up_write

logger = logging.getLogger("sessions.followups")

ANALYSIS_PENDING_RETRY_SECONDS = 2


@dataclass(frozen=True)
class PreparedFollowUp:
    parent_id: object
    parent_order: int
    draft: FollowUpDraft


def _thread(last: SessionQuestion, served: dict) -> list[SessionQuestion]:
    """The last question and its ancestors, up to the main question that opened the thread."""
    chain = [last]
    while chain[-1].parent_id is not None and chain[-1].parent_id in served:
        chain.append(served[chain[-1].parent_id])
    return chain


def follow_up_prepare(
    *, session: InterviewSession, served: list | None = None
) -> PreparedFollowUp | None:
    """The follow-up due after the session's last answer, written before any lock is taken (an
    OpenAI call must not hold the session row). None when none is due. `served`: the session's
    `served_questions` when the caller has read them.

    A follow-up needs the analysis of the answer it probes: while that analysis is still running,
    the client is asked to retry in a moment rather than being moved past the follow-up."""
    allowed_depth = FOLLOW_UP_DEPTH.get(session.follow_ups, 0)
    if not allowed_depth or session.status != SessionStatus.ACTIVE:
        return None
    if session.expires_at <= timezone.now():
        return None
    served_list = served if served is not None else served_questions(session)
    if not served_list or len(served_list) >= session.question_count:
        return None
    last = served_list[-1]
    if last.answered_at is None or last.depth >= allowed_depth:
        return None
    analysis = getattr(last, "analysis", None)
    if analysis is None or analysis.status == "failed":
        return None
    if analysis.status != "completed":
        raise ApplicationError(
            _("Your last answer is still being analysed; ask again in a moment."),
            code="analysis_pending",
            status=409,
            details={
                "analysisId": str(analysis.pk),
                "retryAfter": ANALYSIS_PENDING_RETRY_SECONDS,
            },
            headers={"Retry-After": str(ANALYSIS_PENDING_RETRY_SECONDS)},
        )
    served = {sq.pk: sq for sq in served_list}
    thread = _thread(last, served)
    asked_targets = frozenset(sq.follow_up_target for sq in thread if sq.follow_up_target)
    asked_texts = frozenset(sq.question.question for sq in served_list)
    draft = follow_up_write(
        question=last.question.question,
        answer=last.answer,
        language=session.language,
        scores={
            "understanding": analysis.understanding,
            "logic": analysis.logic,
            "specificity": analysis.specificity,
            "job_fit": analysis.job_fit,
        },
        improvements=list(analysis.improvements or []),
        asked_targets=asked_targets,
        asked_texts=asked_texts,
    )
    if draft is None:
        return None
    return PreparedFollowUp(parent_id=last.pk, parent_order=last.order, draft=draft)


def follow_up_serve(
    *, session: InterviewSession, prepared: PreparedFollowUp, order: int
) -> SessionQuestion:
    """Stores the prepared follow-up (the session row is locked by the caller); a conflict when
    the session moved on since it was prepared."""
    moved_on = ApplicationError(
        _("Another request already moved this session on."), code="session_conflict", status=409
    )
    if order != prepared.parent_order + 1:
        raise moved_on
    parent = (
        SessionQuestion.objects.select_related("question")
        .filter(pk=prepared.parent_id, session=session)
        .first()
    )
    if parent is None:
        raise moved_on
    source = parent.question
    draft = prepared.draft
    # The follow-up quotes the user's answer: it is theirs (never in the shared bank, inactive
    # so no selector offers it again) and goes with their account.
    question = Question.objects.create(
        category=source.category,
        custom_category=source.custom_category,
        difficulty=source.difficulty,
        type=source.type,
        language=session.language,
        source=QuestionSource.FOLLOW_UP,
        question=draft.text,
        tags=["follow-up", draft.target],
        expected_keywords=list(source.expected_keywords or []),
        evaluation_criteria=source.evaluation_criteria or {},
        is_active=False,
        created_by=session.user,
    )
    try:
        with transaction.atomic():
            return SessionQuestion.objects.create(
                session=session,
                question=question,
                order=order,
                kind=QuestionKind.FOLLOW_UP,
                parent=parent,
                depth=parent.depth + 1,
                follow_up_target=draft.target,
                follow_up_provider=draft.provider,
                started_at=timezone.now(),
            )
    except IntegrityError:
        raise ApplicationError(
            _("Another request already moved this session on."), code="session_conflict", status=409
        ) from None
