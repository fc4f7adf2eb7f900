"""Celery tasks of the analysis pipeline: thin, they take ids and call a service.

`analysis_enqueue` is how the services queue a run (after commit); the services import this
module, and this module imports only the services the tasks run (`run`, `retention`), so the
imports run one way.
"""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction
from kombu.exceptions import OperationalError as KombuOperationalError

from .ai.base import TransientAIError
from .ai.registry import resolve_provider_name
from .services.retention import analyses_stale_ids
from .services.run import analysis_run

logger = logging.getLogger("analysis")

MAX_RETRIES = 3


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(TransientAIError, SoftTimeLimitExceeded),
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=MAX_RETRIES,
    soft_time_limit=settings.ANALYSIS_TASK_SOFT_LIMIT,
    time_limit=settings.ANALYSIS_TASK_HARD_LIMIT,
    queue="analysis",
)
def analyze_answer_task(self, analysis_id: str) -> str:
    return analysis_run(analysis_id=analysis_id, final_attempt=self.request.retries >= MAX_RETRIES)


def analysis_send(analysis_id) -> None:
    """Queues one run now. A broker outage is logged, not raised: the answer is committed and
    the stale-analysis sweep queues it once the broker is back."""
    # Provider calls wait on the network (the `io` worker's threads); the offline scorer is CPU
    # work for the `cpu` worker's processes (settings/jobs.py).
    queue = settings.QUEUE_SCORING if resolve_provider_name() == "offline" else None
    try:
        analyze_answer_task.apply_async((str(analysis_id),), queue=queue)
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
