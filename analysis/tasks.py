"""Celery tasks of the analysis pipeline: thin, they take ids and call a service."""

from __future__ import annotations

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings

from .ai.base import TransientAIError
from .services import analyses_requeue_stale, analysis_run, answers_purge_expired

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


@shared_task(acks_late=True, soft_time_limit=120, time_limit=180, queue="default")
def purge_expired_answers_task() -> int:
    """Applies ANSWER_RETENTION_DAYS; re-queues itself while full batches remain."""
    deleted = answers_purge_expired(days=settings.ANSWER_RETENTION_DAYS)
    if deleted >= 1000:
        purge_expired_answers_task.delay()
    return deleted


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90, queue="default")
def requeue_stale_analyses_task() -> int:
    """Queues again analyses whose worker died or whose enqueue never reached the broker."""
    return analyses_requeue_stale()
