"""Erasure of a user's sessions: the rows cascade with the user; the live state in Redis is
cleared once the deletion commits."""

from __future__ import annotations

from django.db import transaction

from . import live
from .models import InterviewSession


def user_sessions_erase(*, user) -> None:
    session_ids = list(InterviewSession.objects.filter(user=user).values_list("pk", flat=True))

    def clear() -> None:
        for session_id in session_ids:
            live.live_state_clear(session_id)

    transaction.on_commit(clear)
