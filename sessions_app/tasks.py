from celery import shared_task
from django.conf import settings

from .housekeeping import answers_purge_expired, sessions_expire

BATCH = 500
PURGE_BATCH = 1000


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90, queue="default")
def expire_sessions_task() -> int:
    """Abandons sessions past their 2-hour limit; re-queues itself while a full batch remains."""
    count = sessions_expire(batch_size=BATCH)
    if count == BATCH:
        expire_sessions_task.delay()
    return count


@shared_task(acks_late=True, soft_time_limit=120, time_limit=180, queue="default")
def purge_expired_answers_task() -> int:
    """Applies ANSWER_RETENTION_DAYS; re-queues itself while full batches remain."""
    deleted = answers_purge_expired(days=settings.ANSWER_RETENTION_DAYS, batch_size=PURGE_BATCH)
    if deleted >= PURGE_BATCH:
        purge_expired_answers_task.delay()
    return deleted
