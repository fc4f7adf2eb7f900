"""Celery tasks of the analysis pipeline: thin, they take ids and call a service.

`analysis_enqueue` is how the services queue a run (after commit); the services import this
module, and this module imports only the services the tasks run (`run`, `retention`), so the
imports run one way.
"""

from __future__ import annotations

import logging

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.db import transaction
from kombu.exceptions import OperationalError as KombuOperationalError

from interview_platform.slots import send_again, slot

from .ai.registry import resolve_provider_name
from .services.fallback import analysis_fallback
from .services.outcome import FALLBACK_SLOW
from .services.retention import analyses_stale_ids
from .services.run import ProviderRetry, analysis_run

logger = logging.getLogger("analysis")

MAX_RETRIES = 3
# An analysis waiting for a provider slot tries again after 1, 2, 4 … s (at most a minute
# apart), 10 times (about 5 minutes), then keeps its offline result.
PROVIDER_WAIT_LONGEST = 60.0
PROVIDER_WAITS = 10


@shared_task(
    bind=True,
    acks_late=True,
    max_retries=MAX_RETRIES,
    # For a process pool; the worker's threads cannot interrupt a task (settings/jobs.py): there
    # the provider SDK's timeout and retries bound the call, and the scorer's input is capped.
    soft_time_limit=settings.ANALYSIS_TASK_SOFT_LIMIT,
    time_limit=settings.ANALYSIS_TASK_HARD_LIMIT,
    queue="analysis",
)
def analyze_answer_task(
    self, analysis_id: str, upgrade_of: int | None = None, postponed: int = 0
) -> str:
    if resolve_provider_name() == "offline":  # milliseconds of CPU: no slot
        return _analyze(self, analysis_id, upgrade_of)
    with slot(self, "ANALYSIS_PROVIDER_SLOTS") as free:
        if free:
            return _analyze(self, analysis_id, upgrade_of)
    if postponed >= PROVIDER_WAITS:
        # Every slot busy for minutes: a provider that hangs. The answer keeps the offline
        # result its fallback stored (the stale sweep queues it again if it has none).
        logger.warning(
            "provider slots busy: offline result kept",
            extra={"operation": "analysis_run", "metadata": {"analysisId": str(analysis_id)}},
        )
        return "provider busy"
    return send_again(
        self, analysis_id, upgrade_of=upgrade_of, postponed=postponed, longest=PROVIDER_WAIT_LONGEST
    )


def _analyze(task, analysis_id: str, upgrade_of: int | None) -> str:
    try:
        return analysis_run(
            analysis_id=analysis_id,
            final_attempt=task.request.retries >= MAX_RETRIES,
            upgrade_of=upgrade_of,
        )
    except ProviderRetry as exc:
        # The user already has the offline result; the provider is tried again to replace it.
        countdown = get_exponential_backoff_interval(
            factor=2, retries=task.request.retries, maximum=60, full_jitter=True
        )
        raise task.retry(
            args=(analysis_id,),
            kwargs={"upgrade_of": exc.attempt},
            countdown=countdown,
            exc=exc.cause,
        ) from exc


@shared_task(acks_late=True, soft_time_limit=30, time_limit=60, queue="scoring")
def analysis_fallback_task(analysis_id: str, reason: str, attempt: int | None = None) -> str:
    """The offline result for an analysis whose provider failed or is late (CPU: `scoring`)."""
    return analysis_fallback(analysis_id=analysis_id, reason=reason, attempt=attempt)


def analysis_send(analysis_id) -> None:
    """Queues one run now. A broker outage is logged, not raised: the answer is committed and
    the stale-analysis sweep queues it once the broker is back."""
    # Provider calls wait on the network (`analysis`, bounded by the provider slots); the
    # offline scorer is CPU work (`scoring`), not bounded (settings/jobs.py).
    offline = resolve_provider_name() == "offline"
    queue = settings.QUEUE_SCORING if offline else None
    try:
        analyze_answer_task.apply_async((str(analysis_id),), queue=queue)
        if not offline and not analyze_answer_task.app.conf.task_always_eager:
            # The provider's deadline, counted from now (not from when a thread is free): still
            # unanswered then, the user gets the offline result, and the provider's replaces it
            # when it comes (issue 11 item 7: a hung provider never leaves an answer pending).
            analysis_fallback_task.apply_async(
                (str(analysis_id), FALLBACK_SLOW),
                countdown=settings.ANALYSIS_PRELIMINARY_AFTER_SECONDS,
            )
    except KombuOperationalError:
        logger.error(
            "broker unavailable: analysis left pending for the sweep",
            exc_info=True,
            extra={"operation": "analysis_enqueue", "metadata": {"analysisId": str(analysis_id)}},
        )


def analysis_enqueue(analysis_id) -> None:
    """Queues one run once the current transaction commits (the task must see the row)."""
    transaction.on_commit(lambda: analysis_send(analysis_id))


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90, queue="default")
def requeue_stale_analyses_task() -> int:
    """Queues again analyses whose worker died or whose enqueue never reached the broker."""
    ids = analyses_stale_ids()
    for analysis_id in ids:
        analysis_send(analysis_id)
    return len(ids)
