"""The Celery app: settings come from Django's (CELERY_* names)."""

import logging.config
import os
import time

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interview_platform.settings")

app = Celery("interview_platform")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.setup_logging.connect
def _django_logging(**kwargs) -> None:
    """Worker and beat log through Django's LOGGING (JSON lines on stdout).

    Without a receiver here Celery configures logging itself: it empties the handlers of the
    `celery` logger (which LOGGING keeps from propagating) and redirects stdout/stderr into a
    logger, so its own lines ("ready", "Task ... received/succeeded", a beat crash, "Connection
    to broker lost") reached no handler or were dropped by the redirect's recursion guard.
    With a receiver Celery neither touches the handlers nor redirects the standard streams.
    """
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)


@signals.before_task_publish.connect
def _stamp_publication(headers=None, **kwargs) -> None:
    """Queue wait (interview_task_queue_wait_seconds) is measured from this stamp."""
    if headers is not None:
        headers.setdefault("published_at", time.time())


@signals.task_prerun.connect
def _observe_queue_wait(task=None, **kwargs) -> None:
    published = getattr(task.request, "published_at", None)
    if published is None or task.request.is_eager:
        return
    from interview_platform.metrics import QUEUE_WAIT

    queue = (task.request.delivery_info or {}).get("routing_key") or "unknown"
    QUEUE_WAIT.labels(queue, task.name).observe(max(0.0, time.time() - float(published)))
