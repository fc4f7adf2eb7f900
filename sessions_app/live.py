"""The spec's live session state in Redis: `session:{sessionId}` with a 2-hour TTL.

It is a fast mirror of the database, never the source of truth: every write here happens after
the database write, and every failure here is logged and ignored, so losing Redis loses nothing.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger("sessions.live")


def _key(session_id) -> str:
    return f"session:{session_id}"


def live_state_build(session) -> dict:
    questions = list(session.session_questions.all())
    current = next((sq for sq in reversed(questions) if not sq.answered_at), None)
    return {
        "userId": str(session.user_id),
        "currentQuestion": (
            {
                "sessionQuestionId": str(current.id),
                "questionId": str(current.question_id),
                "order": current.order,
            }
            if current
            else None
        ),
        "answers": [
            {
                "sessionQuestionId": str(sq.id),
                "order": sq.order,
                "answeredAt": sq.answered_at.isoformat(),
            }
            for sq in questions
            if sq.answered_at
        ],
        "startTime": session.created_at.isoformat(),
        "lastActivity": timezone.now().isoformat(),
    }


def live_state_save(session) -> None:
    try:
        cache.set(
            _key(session.pk),
            live_state_build(session),
            timeout=settings.SESSION_MAX_DURATION_SECONDS,
        )
    except Exception:  # Redis is a mirror: a failure here must never fail the user's action
        logger.warning(
            "live session state not saved", exc_info=True, extra={"session_id": str(session.pk)}
        )


def live_state_get(session_id) -> dict | None:
    try:
        return cache.get(_key(session_id))
    except Exception:
        logger.warning("live session state unavailable", exc_info=True)
        return None


def live_state_clear(session_id) -> None:
    try:
        cache.delete(_key(session_id))
    except Exception:
        logger.warning("live session state not cleared", exc_info=True)
