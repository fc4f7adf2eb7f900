"""Slots: at most N tasks of one kind at once in a worker process, the rest sent back to wait.

The worker runs every kind of work on one pool of threads (settings/jobs.py). A kind that can
hold a thread for long (a provider call, an export) takes a slot first; with none free the task
is sent again a moment later and its thread goes back to the pool, so the other kinds always
find one. Waiting in the queue rather than on a lock keeps the thread free: a task blocked on a
lock would hold its thread as surely as a hung provider call. Each postponement waits twice as
long as the one before, up to the kind's own longest wait, so a backlog behind a hung provider
costs a few sends a second, not one per waiting task per second; the caller decides when a task
has waited long enough.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings

_lock = threading.Lock()
_semaphores: dict[str, tuple[int, threading.BoundedSemaphore]] = {}


def _semaphore(setting: str) -> threading.BoundedSemaphore:
    """The process's semaphore for a slot setting, made again if the setting changed (tests)."""
    limit = getattr(settings, setting)
    with _lock:
        known = _semaphores.get(setting)
        if known is None or known[0] != limit:
            known = _semaphores[setting] = (limit, threading.BoundedSemaphore(limit))
        return known[1]


# How long a task whose slots were taken first waits in its queue before it tries again.
RETRY_AFTER_SECONDS = 1.0


@contextmanager
def slot(task, setting: str) -> Iterator[bool]:
    """Takes one of `settings.<setting>` slots for a running `task` if one is free, without
    waiting; yields whether it did, and gives it back on leaving. An eager task (the embedded
    mode runs it in the request that queued it) always has one: it has no queue to wait in."""
    if task.request.is_eager:
        yield True
        return
    semaphore = _semaphore(setting)
    taken = semaphore.acquire(blocking=False)
    try:
        yield taken
    finally:
        if taken:
            semaphore.release()


def postponement(postponed: int, longest: float) -> float:
    """The wait before the next try of a task already postponed `postponed` times."""
    return min(RETRY_AFTER_SECONDS * 2 ** min(postponed, 30), longest)


def send_again(task, *args, postponed: int, longest: float, **kwargs) -> str:
    """Sends `task` to its queue again with `postponed` counted one more: the same delivery
    postponed, not a retry (its retry count is kept), and still timed from when it was first
    queued (interview_task_queue_wait_seconds)."""
    task.apply_async(
        args,
        {**kwargs, "postponed": postponed + 1},
        countdown=postponement(postponed, longest),
        retries=task.request.retries,
        headers={"published_at": getattr(task.request, "published_at", None) or time.time()},
    )
    return "postponed"
