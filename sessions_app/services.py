"""The practice session lifecycle (writes): start, next question, answer, complete, expire."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core import hooks
from core.choices import JobCategory
from interview_platform.api.errors import ApplicationError
from questions.generation import questions_generate
from questions.models import Question
from questions.services import question_record_usage

from . import live
from .followups.services import follow_up_prepare, follow_up_serve
from .limits import session_start_refusal
from .models import FollowUpMode, InterviewSession, SessionQuestion, SessionStart, SessionStatus
from .reports import session_report_build
from .selection import question_select_next, served_questions

logger = logging.getLogger("sessions")

# How far a client's own timeSpent may exceed the server's measure (clock skew, latency).
TIME_SPENT_TOLERANCE_SECONDS = 5


def _now():
    return timezone.now()


def _expired_error(session: InterviewSession) -> ApplicationError:
    return ApplicationError(
        _("This session ended after the 2-hour limit."),
        code="session_expired",
        status=409,
        details={"sessionId": str(session.pk), "expiredAt": session.expires_at.isoformat()},
    )


def _require_active(session: InterviewSession) -> None:
    if session.status == SessionStatus.ACTIVE and session.expires_at <= _now():
        # The refusal rolls the request back; the beat task (sessions_expire) records the status.
        raise _expired_error(session)
    if session.status != SessionStatus.ACTIVE:
        raise ApplicationError(
            _("This session is %(status)s.") % {"status": session.get_status_display().lower()},
            code="session_not_active",
            status=409,
            details={"sessionId": str(session.pk), "status": session.status},
        )


def _locked_session(*, user: User, session_id) -> InterviewSession:
    try:
        return InterviewSession.objects.select_for_update().get(pk=session_id, user=user)
    except InterviewSession.DoesNotExist:
        raise ApplicationError(_("Session not found."), code="not_found", status=404) from None


def _serve(session: InterviewSession, *, order: int, question: Question) -> SessionQuestion:
    """Called inside the caller's transaction, which a conflict ends: no savepoint of its own
    (two round trips fewer per question served)."""
    try:
        with transaction.atomic(savepoint=False):
            served = SessionQuestion.objects.create(
                session=session, question=question, order=order, started_at=_now()
            )
    except IntegrityError:
        # (session, order) or (session, question): another request served this slot first.
        raise ApplicationError(
            _("Another request already moved this session on."), code="session_conflict", status=409
        ) from None
    # A question served just now has no analysis: known without asking the database.
    SessionQuestion.analysis.related.set_cached_value(served, None)
    question_record_usage(question_id=question.pk)
    return served


def _with_served(session: InterviewSession, served: list[SessionQuestion]) -> InterviewSession:
    """`session` with its served questions in place, as `prefetch_related("session_questions")`
    leaves them (django.db.models.query.prefetch_one_level): the response and the live state
    read them without another query."""
    queryset = session.session_questions.all()
    queryset._result_cache = served
    queryset._prefetch_done = True
    session._prefetched_objects_cache = {"session_questions": queryset}
    return session


def _generated_question(session: InterviewSession) -> Question:
    """A question generated for the session when the bank has none left for it.

    Called before the session's lock is taken: generation is a paid provider call that may take
    seconds, and must hold neither a lock nor an open transaction meanwhile."""
    asked = (
        []
        if session._state.adding
        else list(session.session_questions.values_list("question__question", flat=True))
    )
    return questions_generate(
        user=session.user,
        category=session.category,
        difficulty=session.difficulty,
        language=session.language,
        count=1,
        custom_category=session.custom_category,
        exclude=asked,
    )[0]


def session_start(
    *,
    user: User,
    category: str | None = None,
    custom_category: str = "",
    difficulty: str | None = None,
    language: str | None = None,
    question_count: int = 5,
    follow_ups: str = FollowUpMode.ONE,
    metadata: dict | None = None,
    question_plan: list[str] | None = None,
) -> InterviewSession:
    """Starts a session with its first question.

    The first question is chosen (or generated) before the user's row is locked; the limits are
    then enforced under the lock, so two starts at once cannot both pass them."""
    preferences = user.preferences or {}
    category = category or preferences.get("job_category") or JobCategory.SOFTWARE_ENGINEERING
    difficulty = difficulty or preferences.get("difficulty") or "medium"
    language = language or preferences.get("language") or "ko"
    if category == JobCategory.CUSTOM and not custom_category.strip():
        raise ApplicationError(
            _("Name the role for a custom category."),
            code="custom_category_required",
            details={"fields": {"customCategory": [_("Required for a custom category.")]}},
        )
    if not 1 <= question_count <= settings.SESSION_MAX_QUESTIONS:
        raise ApplicationError(
            _("A session has 1 to %(n)s questions.") % {"n": settings.SESSION_MAX_QUESTIONS},
            code="question_count_out_of_range",
            details={"fields": {"questionCount": [f"1-{settings.SESSION_MAX_QUESTIONS}"]}},
        )
    session = InterviewSession(
        user=user,
        category=category,
        custom_category=custom_category.strip() if category == JobCategory.CUSTOM else "",
        difficulty=difficulty,
        language=language,
        question_count=question_count,
        follow_ups=follow_ups,
        metadata=metadata or {},
        question_plan=[str(q) for q in question_plan or []],
    )
    first = question_select_next(session=session)
    if first is None:
        # A refused start must not pay for a generated question: the limits are checked first
        # here, and again, authoritatively, under the lock.
        refusal = session_start_refusal(user, _now())
        if refusal is not None:
            raise refusal
        first = _generated_question(session)
    return _session_create(session=session, first=first)


@transaction.atomic
def _session_create(*, session: InterviewSession, first: Question) -> InterviewSession:
    user = session.user
    now = _now()
    # One start at a time per user: the limits are read and enforced under the user row's lock.
    refusal = session_start_refusal(user, now, lock=True)
    if refusal is not None:
        raise refusal
    session.expires_at = now + timedelta(seconds=settings.SESSION_MAX_DURATION_SECONDS)
    session.save(force_insert=True)
    SessionStart.objects.create(user=user, started_at=now)
    _with_served(session, [_serve(session, order=1, question=first)])
    transaction.on_commit(lambda: live.live_state_save(session))
    return session


def session_next(*, user: User, session_id) -> SessionQuestion:
    """A follow-up on the last answer when due, else the selector's question: written or chosen
    before the lock, served under it (the session is checked again there)."""
    session = _session_of(user=user, session_id=session_id)
    # Read once for the count, the follow-up step and the selector.
    served = served_questions(session)
    _require_next_allowed(session, served=len(served))
    prepared = follow_up_prepare(session=session, served=served)
    if prepared is not None:
        return _session_serve_next(user=user, session_id=session_id, prepared=prepared)
    question = question_select_next(session=session, served=served) or _generated_question(session)
    return _session_serve_next(
        user=user, session_id=session_id, question=question, seen=len(served)
    )


@transaction.atomic
def _session_serve_next(*, user: User, session_id, question=None, seen=0, prepared=None):
    session = _locked_session(user=user, session_id=session_id)
    # Under the lock (answers lock the session too): what the live state is written from.
    served = list(session.session_questions.order_by("order"))
    _require_next_allowed(session, served=len(served))
    if prepared is not None:
        new = follow_up_serve(session=session, prepared=prepared, order=len(served) + 1)
    else:
        if len(served) != seen:
            # Another request served a question since ours was chosen: choose again from the
            # bank (under the lock; only a generated question is never made here).
            question = question_select_next(session=session) or question
        new = _serve(session, order=len(served) + 1, question=question)
    _with_served(session, [*served, new])
    transaction.on_commit(lambda: live.live_state_save(session))
    return new


def _session_of(*, user: User, session_id) -> InterviewSession:
    try:
        return InterviewSession.objects.select_related("user").get(pk=session_id, user=user)
    except InterviewSession.DoesNotExist:
        raise ApplicationError(_("Session not found."), code="not_found", status=404) from None


def _require_next_allowed(session: InterviewSession, *, served: int) -> None:
    _require_active(session)
    if served >= session.question_count:
        raise ApplicationError(
            _("All %(n)s questions of this session have been asked.")
            % {"n": session.question_count},
            code="question_limit_reached",
            status=409,
            details={"questionCount": session.question_count},
        )


@transaction.atomic
def session_question_answer(
    *, user: User, session_id, session_question_id, answer: str, time_spent: int | None
) -> SessionQuestion:
    """Records the answer on its session question (once); called by the analysis pipeline."""
    session = _locked_session(user=user, session_id=session_id)
    _require_active(session)
    try:
        session_question = (
            SessionQuestion.objects.select_for_update()
            .select_related("question")
            .get(pk=session_question_id, session=session)
        )
    except SessionQuestion.DoesNotExist:
        raise ApplicationError(
            _("That question is not part of this session."), code="not_found", status=404
        ) from None
    if session_question.answered_at is not None:
        raise ApplicationError(
            _("This question has already been answered."),
            code="already_answered",
            status=409,
            details={"sessionQuestionId": str(session_question.pk)},
        )
    now = _now()
    measured = max(int((now - session_question.started_at).total_seconds()), 0)
    plausible = (
        time_spent is not None and 0 <= time_spent <= measured + TIME_SPENT_TOLERANCE_SECONDS
    )
    session_question.answer = answer
    session_question.answered_at = now
    session_question.time_spent = time_spent if plausible else measured
    session_question.save(update_fields=["answer", "answered_at", "time_spent"])
    session_question.session = session
    transaction.on_commit(lambda: live.live_state_save(session))
    return session_question


@transaction.atomic
def session_complete(*, user: User, session_id) -> InterviewSession:
    """Ends the session and builds its report; completing twice returns the same session."""
    session = _locked_session(user=user, session_id=session_id)
    if session.status == SessionStatus.COMPLETED:
        return session
    _require_active(session)
    now = _now()
    session.status = SessionStatus.COMPLETED
    session.completed_at = now
    session.duration = min(
        int((now - session.created_at).total_seconds()), settings.SESSION_MAX_DURATION_SECONDS
    )
    _refresh_score_and_report(session)
    session.save()
    transaction.on_commit(lambda: live.live_state_clear(session.pk))
    transaction.on_commit(lambda: _analytics_refresh(session))
    return session


def _refresh_score_and_report(session: InterviewSession) -> None:
    report = session_report_build(session)
    session.report = report
    # The final score fills in once every answered question's analysis has landed.
    session.total_score = report["total_score"] if report["pending_analyses"] == 0 else None


def _analytics_refresh(session: InterviewSession) -> None:
    """Tells the analytics app (through `core.hooks`) that the day's scored activity changed."""
    hooks.scores_changed.send(user_id=session.user_id, day=session.completed_at.date())


def session_on_analysis_landed(*, analysis) -> None:
    """Receiver of `core.hooks.analysis_landed`."""
    if analysis.session_id:
        session_analysis_landed(session_id=analysis.session_id)


@transaction.atomic
def session_analysis_landed(*, session_id) -> None:
    """An analysis of this session finished: refresh a completed session's score and report."""
    session = InterviewSession.objects.select_for_update().filter(pk=session_id).first()
    if session is None or session.status != SessionStatus.COMPLETED:
        return
    _refresh_score_and_report(session)
    session.save(update_fields=["report", "total_score"])
    if session.total_score is not None:
        transaction.on_commit(lambda: _analytics_refresh(session))


@transaction.atomic
def session_update(
    *, user: User, session_id, status: str | None = None, metadata: dict | None = None
) -> InterviewSession:
    # Locked and saved field by field, so an update racing a completion cannot undo it.
    session = _locked_session(user=user, session_id=session_id)
    fields = []
    if status is not None:
        if status != SessionStatus.ABANDONED:
            raise ApplicationError(
                _("A session can only be set to abandoned here; use complete to finish it."),
                code="invalid_status_change",
                details={"fields": {"status": ["only 'abandoned'"]}},
            )
        if session.status == SessionStatus.COMPLETED:
            raise ApplicationError(
                _("A completed session cannot be abandoned."), code="session_not_active", status=409
            )
        if session.status == SessionStatus.ACTIVE:
            session.status = SessionStatus.ABANDONED
            fields.append("status")
            transaction.on_commit(lambda: live.live_state_clear(session.pk))
    if metadata is not None:
        session.metadata = {**(session.metadata or {}), **metadata}
        fields.append("metadata")
    if fields:
        session.save(update_fields=fields)
    return session


@transaction.atomic
def session_delete(*, session: InterviewSession) -> None:
    live.live_state_clear(session.pk)
    completed_at = session.completed_at
    session.delete()  # its session questions and analyses go with it (CASCADE)
    if completed_at is not None:
        # The daily rollup must stop counting it now, not after the nightly run.
        session.completed_at = completed_at
        transaction.on_commit(lambda: _analytics_refresh(session))
