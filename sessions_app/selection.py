"""Choosing a session's next question (the adaptive selector)."""

from __future__ import annotations

import random
from collections import Counter

from django.db.models import BooleanField, Case, CharField, ExpressionWrapper, Q, Value, When
from django.db.models.functions import MD5, Cast, Concat

from core.choices import DIFFICULTY_ORDER, JobCategory
from questions.models import Question
from questions.selectors import visible_to

from .models import InterviewSession, SessionQuestion

RECENT_SESSIONS = 10
UP_THRESHOLD = 80
DOWN_THRESHOLD = 50


def target_difficulty(*, base: str, recent_scores: list[int]) -> str:
    """Two answers in a row at 80+ move one level up; two under 50 move one level down."""
    index = DIFFICULTY_ORDER.index(base)
    if len(recent_scores) >= 2:
        last_two = recent_scores[-2:]
        if all(score >= UP_THRESHOLD for score in last_two):
            index = min(index + 1, len(DIFFICULTY_ORDER) - 1)
        elif all(score < DOWN_THRESHOLD for score in last_two):
            index = max(index - 1, 0)
    return DIFFICULTY_ORDER[index].value


def served_questions(session: InterviewSession) -> list[SessionQuestion]:
    """The questions served so far, in order, with their bank question and analysis: what the
    selector (and the follow-up step before it) reads; one query."""
    if session._state.adding:
        return []  # a session being started has served nothing yet
    return list(session.session_questions.select_related("question", "analysis").order_by("order"))


def _session_state(
    session: InterviewSession, served: list[SessionQuestion] | None
) -> tuple[list[SessionQuestion], list[int]]:
    """The questions served so far, and the scores earned at the current level.

    Only scores at the level of the last question count, so two strong answers move the session
    up once: the next move needs two more answers at the new level."""
    if served is None:
        served = served_questions(session)
    current = served[-1].question.difficulty if served else session.difficulty
    scores = []
    for sq in served:
        analysis = getattr(sq, "analysis", None)
        if sq.question.difficulty != current:
            continue
        if analysis is not None and analysis.total_score is not None:
            scores.append(analysis.total_score)
    return served, scores


def _seen_recently(session: InterviewSession) -> ExpressionWrapper:
    """Whether the question was served in one of the user's recent sessions: an uncorrelated
    subquery of the selector's query, which PostgreSQL runs once (hashed), from the user's few
    recent sessions, however often the bank's questions were served to others."""
    recent = (
        InterviewSession.objects.filter(user_id=session.user_id)
        .exclude(pk=session.pk)
        .order_by("-created_at")
        .values("pk")[:RECENT_SESSIONS]
    )
    served = SessionQuestion.objects.filter(session_id__in=recent).order_by().values("question_id")
    return ExpressionWrapper(Q(pk__in=served), output_field=BooleanField())


def _rank_of(values: dict[str, int], field: str) -> Case | Value:
    """`values[row.field]` in SQL, 0 for any other value."""
    whens = [When(**{field: key}, then=Value(n)) for key, n in values.items() if n]
    return Case(*whens, default=Value(0)) if whens else Value(0)


def _planned_next(
    session: InterviewSession, served_list: list[SessionQuestion] | None
) -> Question | None:
    """The first question of the session's plan not served yet."""
    if served_list is not None:
        served = {sq.question_id for sq in served_list}
    elif session.pk and not session._state.adding:
        served = set(session.session_questions.values_list("question_id", flat=True))
    else:
        served = set()
    remaining = [qid for qid in session.question_plan if qid not in {str(s) for s in served}]
    if not remaining:
        return None
    found = {str(q.pk): q for q in Question.objects.filter(pk__in=remaining)}
    return next((found[qid] for qid in remaining if qid in found), None)


def question_select_next(
    *,
    session: InterviewSession,
    rng: random.Random | None = None,
    served: list[SessionQuestion] | None = None,
) -> Question | None:
    """The next question from the bank, or None when the bank has nothing left to offer.
    `served` is `served_questions(session)` when the caller has already read it."""
    rng = rng or random.Random()
    if session.question_plan:
        planned = _planned_next(session, served)
        if planned is not None:
            return planned
    if session.category == JobCategory.CUSTOM:
        return None
    served, scores = _session_state(session, served)
    current = served[-1].question.difficulty if served else session.difficulty
    wanted = target_difficulty(base=current, recent_scores=scores)
    used = {sq.question_id for sq in served}
    type_counts = Counter(sq.question.type for sq in served)
    last_type = served[-1].question.type if served else None
    distance = {
        d.value: abs(DIFFICULTY_ORDER.index(d) - DIFFICULTY_ORDER.index(wanted))
        for d in DIFFICULTY_ORDER
    }
    # Ranked and fetched in one query: the adapted difficulty first, then the nearest; unseen in
    # the user's recent sessions; a different type from the last one; the type asked least so
    # far; then at random (an md5 of the id salted from `rng`, so a seeded rng repeats).
    return (
        Question.objects.filter(
            visible_to(session.user),
            category=session.category,
            language=session.language,
            is_active=True,
        )
        .exclude(pk__in=used)
        .annotate(
            rank_distance=_rank_of(distance, "difficulty"),
            rank_seen=_seen_recently(session),
            rank_repeat=_rank_of({last_type: 1} if last_type else {}, "type"),
            rank_type_count=_rank_of(dict(type_counts), "type"),
            rank_random=MD5(Concat(Cast("pk", CharField()), Value(repr(rng.random())))),
        )
        .order_by("rank_distance", "rank_seen", "rank_repeat", "rank_type_count", "rank_random")
        .first()
    )
