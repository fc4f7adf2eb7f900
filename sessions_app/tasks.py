from celery import shared_task

from .services import sessions_expire

BATCH = 500


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90, queue="default")
def expire_sessions_task() -> int:
    """Abandons sessions past their 2-hour limit; re-queues itself while a full batch remains."""
    count = sessions_expire(batch_size=BATCH)
    if count == BATCH:
        expire_sessions_task.delay()
    return count
