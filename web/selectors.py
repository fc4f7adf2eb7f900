"""Reads the pages need, composed from the other apps' selectors (no business rules here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from accounts.models import User
from analytics.models import ExportJob
from analytics.selectors import user_stats
from sessions_app.models import InterviewSession, SessionQuestion, SessionStatus
from sessions_app.reports import session_report_build
from sessions_app.selectors import session_list

RECENT_SESSIONS = 5
PROGRESS_POINTS = 10


@dataclass(frozen=True)
class PracticeState:
    """Where a session stands: the question to answer now, or the answer to look back on."""

    session: InterviewSession
    served: list[SessionQuestion]
    current: SessionQuestion | None  # served and not answered yet
    latest: SessionQuestion | None  # the last one served
    is_active: bool

    @property
    def answered_count(self) -> int:
        return sum(1 for sq in self.served if sq.answered_at)

    @property
    def upcoming(self) -> range:
        """The questions not served yet, for the progress dots."""
        return range(max(self.session.question_count - len(self.served), 0))

    @property
    def can_ask_next(self) -> bool:
        return (
            self.is_active
            and self.current is None
            and len(self.served) < self.session.question_count
        )


def practice_state_get(session: InterviewSession) -> PracticeState:
    """`session` comes from `session_get`, which prefetches its questions and their analyses."""
    served = list(session.session_questions.all())
    latest = served[-1] if served else None
    is_active = session.status == SessionStatus.ACTIVE and session.expires_at > timezone.now()
    current = latest if is_active and latest is not None and not latest.answered_at else None
    return PracticeState(
        session=session, served=served, current=current, latest=latest, is_active=is_active
    )


def thread_get(state: PracticeState, session_question: SessionQuestion) -> list[SessionQuestion]:
    """The questions a follow-up digs into, the main question first (empty for a main one)."""
    by_id = {sq.pk: sq for sq in state.served}
    thread = []
    parent = by_id.get(session_question.parent_id)
    while parent is not None:
        thread.append(parent)
        parent = by_id.get(parent.parent_id)
    return list(reversed(thread))


def session_question_get(session: InterviewSession, session_question_id) -> SessionQuestion | None:
    return next(
        (sq for sq in session.session_questions.all() if sq.pk == session_question_id), None
    )


def session_report_get(session: InterviewSession) -> dict:
    """The stored report of a completed session; a live one for a session still going or left."""
    return session.report or session_report_build(session)


def _stats(user: User) -> dict[str, Any]:
    stats = user_stats(user=user)
    return {
        "sessions_completed": stats["sessions_completed"],
        "average_score": stats["average_score"],
        "questions_answered": stats["questions_answered"],
        "current_streak": stats["current_streak"],
    }


def active_session_get(*, user: User) -> InterviewSession | None:
    """The session the user can still answer in (one at a time; past its 2 hours it is over)."""
    return (
        session_list(filters={"status": SessionStatus.ACTIVE}, user=user)
        .filter(expires_at__gt=timezone.now())
        .first()
    )


def dashboard_get(*, user: User) -> dict[str, Any]:
    sessions = session_list(filters={}, user=user)
    active = active_session_get(user=user)
    scored = list(
        session_list(filters={"status": SessionStatus.COMPLETED}, user=user).filter(
            total_score__isnull=False
        )[:PROGRESS_POINTS]
    )
    return {
        "active_session": active,
        "recent_sessions": list(sessions[:RECENT_SESSIONS]),
        "has_sessions": sessions.exists(),
        "progress": list(reversed(scored)),  # oldest first, as a chart reads
        "stats": _stats(user),
    }


def exports_recent(*, user: User, limit: int = 5) -> list:
    return list(ExportJob.objects.filter(user=user).order_by("-created_at")[:limit])
