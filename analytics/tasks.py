"""Celery tasks: thin, take ids, call a service. Exports run on the `exports` queue (routed by
`analytics.tasks.export_*` in settings), `EXPORT_SLOTS` at once; rollups on `default`."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError

from interview_platform.memory import give_back_free_memory
from interview_platform.slots import send_again, slot

from .services import (
    export_fail_unstarted,
    export_run,
    exports_purge_expired,
    user_analytics_refresh,
    user_analytics_rollup,
)

logger = logging.getLogger("analytics")

# A lost database connection is worth a retry; anything else ends the job `failed`.
TRANSIENT = (OperationalError, InterfaceError)
# An export waiting for a slot tries again every 2 s at most, for as long as an export may run
# (its time limit, 300 s), then fails.
EXPORT_WAIT_LONGEST = 2.0
EXPORT_WAITS = 150


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=TRANSIENT,
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=240,
    time_limit=300,
    queue="exports",
)
def export_run_task(self, job_id: str, postponed: int = 0) -> str:
    with slot(self, "EXPORT_SLOTS") as free:
        if free:
            try:
                return export_run(job_id=job_id)
            finally:
                # A heavy user's PDF leaves tens of MB of freed memory in the long-lived worker.
                give_back_free_memory()
    # The threads cannot interrupt an export that never ends: one waiting past what an export
    # may take ends `failed` with its reason instead of `pending` for ever.
    if postponed >= EXPORT_WAITS:
        return export_fail_unstarted(job_id=job_id, reason="busy")
    try:
        return send_again(self, job_id, postponed=postponed, longest=EXPORT_WAIT_LONGEST)
    except KombuOperationalError:
        # This delivery is acknowledged all the same, and nothing sweeps pending exports.
        logger.error("broker unavailable: export not queued again", exc_info=True)
        return export_fail_unstarted(job_id=job_id, reason="the queue was unavailable")


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=TRANSIENT,
    retry_backoff=True,
    max_retries=3,
    queue="exports",
)
def export_purge_expired_task(self) -> int:
    return exports_purge_expired()


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=TRANSIENT,
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=600,
    time_limit=660,
    queue="default",
)
def analytics_rollup_task(self, day: str | None = None, days: int = 2) -> int:
    """Rolls up `day` (ISO date) or, by default, yesterday and the `days - 1` days before it
    (UTC): the nightly beat run; re-rolling the day before repairs late arrivals."""
    last = date.fromisoformat(day) if day else timezone.now().date() - timedelta(days=1)
    return sum(user_analytics_rollup(day=last - timedelta(days=n)) for n in range(days))


def _refresh_key(user_id, day: date) -> str:
    return f"analytics:refresh-queued:{user_id}:{day.isoformat()}"


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=TRANSIENT,
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=60,
    time_limit=90,
    queue="default",
)
def user_analytics_refresh_task(self, user_id: str, day: str) -> None:
    when = date.fromisoformat(day)
    # Cleared before anything is read: a change committed from now on queues a run of its own,
    # one committed before is seen by this one.
    cache.delete(_refresh_key(user_id, when))
    user_analytics_refresh(user_id=user_id, day=when)


def user_analytics_refresh_soon(*, user_id, day: date) -> None:
    """Receiver of `core.hooks.scores_changed` (sent after commit): the day's rollup is redone
    on the worker (queue `default`) within ANALYTICS_REFRESH_DELAY_SECONDS, once
    for every change of a user and day in that time. Re-rolling two days costs ~100 ms of
    queries and CPU; done inline it ran in the analysis task after every
    free-practice analysis (it held up the answer's result) and in the request that completed
    a session.
    Without a broker (the embedded mode, eager tasks) it runs at once, as does a refresh whose
    task cannot be queued."""
    if user_analytics_refresh_task.app.conf.task_always_eager:
        user_analytics_refresh(user_id=user_id, day=day)
        return
    key = _refresh_key(user_id, day)
    delay = settings.ANALYTICS_REFRESH_DELAY_SECONDS
    try:
        if not cache.add(key, 1, timeout=int(delay) + 60):
            return  # a run is queued and has not started yet: it will read this change
    except Exception:  # the cache is a coalescing aid only: without it, queue every change
        logger.warning("analytics refresh not coalesced", exc_info=True)
    try:
        user_analytics_refresh_task.apply_async((str(user_id), day.isoformat()), countdown=delay)
    except KombuOperationalError:
        logger.warning("broker unavailable: analytics refreshed in process", exc_info=True)
        cache.delete(key)
        user_analytics_refresh(user_id=user_id, day=day)
