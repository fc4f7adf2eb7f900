"""Waiting for an analysis to land, for `POST /api/analysis/answer?wait=N`.

The writer of an outcome publishes the analysis id on Redis once its transaction commits
(`announce_landed`); a waiting request subscribes before it first reads the row, so it wakes
the moment the result is there instead of at its next poll (a 0.5 s step added up to half a
second to answer → result). The row stays the truth: it is read again on every wake-up, and
every `RECHECK_SECONDS` in case an announcement is lost. Without Redis (the embedded mode, an
outage) the wait polls with short steps.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterator

from django.conf import settings
from django.db import connection
from django_redis import get_redis_connection

from ..models import AnalysisResult, AnalysisStatus

logger = logging.getLogger(__name__)

RECHECK_SECONDS = 0.5  # the row is read at least this often even when nothing is announced
POLL_STEPS = (0.02, 0.05, 0.1)  # without Redis: quick first checks, then every 0.1 s


def _channel(analysis_id) -> str:
    return f"analysis:landed:{analysis_id}"


def _redis():
    """The cache's Redis client, or None when the cache is not Redis (the embedded mode)."""
    try:
        return get_redis_connection("default")
    except NotImplementedError:
        return None


def announce_landed(analysis_id) -> None:
    """Wakes the requests waiting on `analysis_id` (call after the outcome commits). Best effort:
    a waiter that misses it reads the row at its next recheck."""
    client = _redis()
    if client is None:
        return
    try:
        client.publish(_channel(analysis_id), "1")
    except Exception:
        logger.warning("could not announce analysis %s", analysis_id, exc_info=True)


@contextlib.contextmanager
def _wake_ups(analysis_id) -> Iterator[Callable[[float], None]]:
    """`sleep(seconds)` that returns early when the analysis is announced."""
    client = _redis()
    pubsub = None
    if client is not None:
        try:
            pubsub = client.pubsub(ignore_subscribe_messages=True)
            pubsub.subscribe(_channel(analysis_id))
        except Exception:
            logger.warning("waiting on analysis %s by polling", analysis_id, exc_info=True)
            pubsub = None
    steps = iter(POLL_STEPS)

    def sleep(seconds: float) -> None:
        nonlocal pubsub
        if pubsub is not None:
            try:
                pubsub.get_message(timeout=min(seconds, RECHECK_SECONDS))
                return
            except Exception:
                logger.warning("waiting on analysis %s by polling", analysis_id, exc_info=True)
                with contextlib.suppress(Exception):
                    pubsub.close()
                pubsub = None
        time.sleep(min(next(steps, POLL_STEPS[-1]), seconds))

    try:
        yield sleep
    finally:
        if pubsub is not None:
            with contextlib.suppress(Exception):
                pubsub.close()


def wait_for_completion(*, analysis_id, seconds: float) -> AnalysisResult:
    """The analysis once it leaves pending/processing, or as it is after `seconds`."""
    deadline = time.monotonic() + min(seconds, settings.ANALYSIS_MAX_WAIT_SECONDS)
    with _wake_ups(analysis_id) as sleep:
        while True:
            # The status alone while waiting; the whole row (decrypted answer, feedback, question)
            # once, at the end: a wait of seconds reads the status several times.
            status = (
                AnalysisResult.objects.filter(pk=analysis_id)
                .values_list("status", flat=True)
                .first()
            )
            left = deadline - time.monotonic()
            if status in (None, AnalysisStatus.COMPLETED, AnalysisStatus.FAILED) or left <= 0:
                return AnalysisResult.objects.select_related("question").get(pk=analysis_id)
            # A waiting request holds a web thread, not a pooled database connection: the
            # pool's connections go to the requests doing work (the next read takes one again).
            if connection.settings_dict["OPTIONS"].get("pool") and not connection.in_atomic_block:
                connection.close()
            sleep(left)
