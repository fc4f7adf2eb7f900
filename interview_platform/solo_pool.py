"""Celery's solo pool with the time limits of a process pool: one process does the work.

A `prefork` worker of concurrency 1 is two processes, each with the whole project imported
(~115 MB each before any work: the parent only hands messages to its one child). The solo
pool runs the task in the worker's own process instead, but enforces no time limit. This one
does, as prefork does:

- soft limit: SoftTimeLimitExceeded is raised inside the task (SIGALRM, handled on the main
  thread that runs the task: prefork's child raises it from SIGUSR1 the same way), so the task
  can end its work as failed and the worker goes on;
- hard limit: a watchdog thread does what prefork's parent does when it kills a child (the
  task is recorded failed with TimeLimitExceeded and its message acknowledged, so it is not
  delivered again), then replaces the process with a fresh worker (`execv` of the same command
  line, same pid): whatever the task held is gone with it.

A task killed by `kill -9` with its worker is delivered again as with prefork's lost child:
its message was never acknowledged (`acks_late`).
Selected with `--pool custom` and CELERY_CUSTOM_WORKER_POOL (interview_platform/workers.py).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from billiard.exceptions import SoftTimeLimitExceeded
from celery.concurrency import solo
from celery.concurrency.base import apply_target

logger = logging.getLogger("celery.pool")


class _Limits:
    """The running task's limits: armed before it starts, disarmed as soon as it returns."""

    def __init__(self, restart, *, busy_file: Path | None = None) -> None:
        self._running = False
        self._busy_file = busy_file
        self._restart = restart
        self._watchdog: threading.Timer | None = None
        self.hub = None  # the worker's event loop (kombu's Hub), when it runs one
        # Installed once, by the main thread (the only one that may); the timer is the process's.
        signal.signal(signal.SIGALRM, self._soft)

    def _soft(self, signum, frame) -> None:
        if self._running:
            raise SoftTimeLimitExceeded()

    def _hard(self, timeout_callback, timeout: float) -> None:
        if not self._running:
            return
        try:
            if timeout_callback is not None:
                timeout_callback(False, timeout)
            self._flush_loop()
        except Exception:
            logger.exception("hard time limit: the task's failure was not recorded")
        finally:
            self.disarm()
            self._restart()

    def _flush_loop(self) -> None:
        """Runs what the timeout handler left to the event loop, the acknowledgement among it:
        the loop's thread is the one stuck in the task, and will never run it."""
        if self.hub is not None:
            for pending in self.hub._pop_ready():  # kombu's Hub: what its next turn would run
                pending()

    def arm(self, *, soft: float | None, hard: float | None, timeout_callback) -> None:
        self._running = True
        if soft:
            signal.setitimer(signal.ITIMER_REAL, soft)
        if hard and self._busy_file is not None:
            # The worker does not answer `celery inspect ping` while its only task runs: the
            # health check reads this instead (docker/healthcheck), healthy until the deadline.
            self._busy_file.write_text(f"{time.time() + hard:.0f}\n")
        if hard:
            self._watchdog = threading.Timer(hard, self._hard, (timeout_callback, hard))
            self._watchdog.daemon = True
            self._watchdog.start()

    def done(self) -> None:
        """The task has returned: a limit reached from now on is no longer its."""
        self._running = False

    def disarm(self) -> None:
        self._running = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        if self._busy_file is not None:
            self._busy_file.unlink(missing_ok=True)


def busy_file(nodename: str | None) -> Path | None:
    """Where a worker in a task writes its hard deadline (epoch seconds) for the health check."""
    if not nodename:
        return None
    return Path(tempfile.gettempdir(), f"celery-busy-{nodename}")


def restart_worker() -> None:
    """The same worker again in this process (same pid and command line, fresh memory)."""
    logger.error("hard time limit: restarting the worker process")
    for handler in logging.getLogger().handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])  # noqa: S606 - ourselves


class TaskPool(solo.TaskPool):
    """Solo pool (the task runs in the worker process) whose soft and hard limits hold."""

    restart = staticmethod(restart_worker)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        nodename = (self.options.get("initargs") or (None, None))[1]
        self.limits = _Limits(lambda: self.restart(), busy_file=busy_file(nodename))
        self.on_apply = self._apply

    def _apply(
        self,
        target,
        args=(),
        kwargs=None,
        *,
        soft_timeout=None,
        timeout=None,
        timeout_callback=None,
        **options,
    ):
        if soft_timeout and timeout and soft_timeout >= timeout:
            soft_timeout = None  # as prefork: the hard limit comes first
        limits = self.limits

        def limited(*args, **kwargs):
            try:
                return target(*args, **kwargs)
            finally:
                limits.done()  # before Celery's callbacks (acknowledging) run

        limits.arm(soft=soft_timeout, hard=timeout, timeout_callback=timeout_callback)
        try:
            return apply_target(limited, args, kwargs, **options)
        finally:
            limits.disarm()

    def register_with_event_loop(self, loop) -> None:
        self.limits.hub = loop

    def _get_info(self):
        info = super()._get_info()
        info["timeouts"] = ("soft: SIGALRM", "hard: restart")
        return info
