"""Celery: Redis broker in the production shape, eager in embedded mode."""

from __future__ import annotations

from celery.schedules import crontab
from kombu import Queue

from .base import REDIS_URL
from .env import env_bool, env_int, env_str

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or REDIS_URL or "memory://"
# Without a broker the embedded mode runs every task in the request that queued it.
CELERY_TASK_ALWAYS_EAGER = env_bool(
    "CELERY_TASK_ALWAYS_EAGER", not (env_str("CELERY_BROKER_URL") or REDIS_URL)
)
# Embedded mode: a failing task is logged, not turned into a 500 for a request whose work (the
# stored answer) already committed; eager retries also need this to run their next attempt.
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = None
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = "UTC"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 60, minimum=1)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 90, minimum=1)
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_QUEUES = (Queue("default"), Queue("analysis"), Queue("exports"))
CELERY_TASK_ROUTES = {
    "analysis.tasks.*": {"queue": "analysis"},
    "analytics.tasks.export_*": {"queue": "exports"},
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE: dict = {
    "expire-sessions": {"task": "sessions_app.tasks.expire_sessions_task", "schedule": 60.0},
    "requeue-stale-analyses": {
        "task": "analysis.tasks.requeue_stale_analyses_task",
        "schedule": 5 * 60.0,
    },
    "purge-expired-answers": {
        "task": "analysis.tasks.purge_expired_answers_task",
        "schedule": 6 * 60 * 60.0,
    },
    "flush-expired-tokens": {
        "task": "accounts.tasks.flush_expired_tokens_task",
        "schedule": crontab(hour=3, minute=40),
    },
    # Yesterday's (and the day before's) UserAnalytics rows, after the UTC day has closed.
    "analytics-daily-rollup": {
        "task": "analytics.tasks.analytics_rollup_task",
        "schedule": crontab(hour=0, minute=20),
    },
    # Export files live 24 hours; the hourly sweep removes them once expired.
    "analytics-purge-expired-exports": {
        "task": "analytics.tasks.export_purge_expired_task",
        "schedule": crontab(minute=5),
    },
}
