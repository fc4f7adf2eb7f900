"""Celery: Redis broker in the production shape, eager in embedded mode; queues and pools.

Queues name the kinds of work; one worker process (role `jobs`) consumes them all on a pool of
threads, and bounds each kind that could crowd out the others (interview_platform/slots.py):

| queue | work | bound in the worker |
|---|---|---|
| `analysis` | AI provider calls (network waits, seconds each) | `ANALYSIS_PROVIDER_SLOTS` |
| `scoring` | offline scoring: analyses without a provider, fallbacks (CPU, ms) | the pool |
| `exports` | export files (CPU and memory, seconds) | `EXPORT_SLOTS` |
| `housekeeping` | beat's periodic tasks (expiry, sweeps, rollups) | the pool |
| `default` | anything else (e-mail) | the pool |

A thread waiting on the provider costs a few hundred KB, not a process. Python runs one thread
at a time per process, so the worker's CPU work (scoring, exports) uses one core at most and
the other is the web's. A task that finds its kind's slots taken goes back to its queue for a
moment and leaves its thread to the others: a hung provider holds `ANALYSIS_PROVIDER_SLOTS`
threads and no more, so fallbacks, exports and beat's tasks always find one; an export burst
holds `EXPORT_SLOTS`. One process instead of one per kind: each Django process costs ~115 MB
before it does any work (README, "Queues and the worker").
`python -m interview_platform.workers jobs` starts it; more of them (on more machines or
cores) share the queues, and `--queues` after the role narrows one to some of them.
"""

from __future__ import annotations

from celery.schedules import crontab
from kombu import Queue

from .base import REDIS
from .env import env_bool, env_int, env_str
from .redis_conf import broker_config

# The broker is the cache's Redis (through the sentinels when it has them) unless
# CELERY_BROKER_URL names another one.
_REDIS_BROKER_URL, _REDIS_TRANSPORT_OPTIONS = broker_config(REDIS) if REDIS else ("", {})
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or _REDIS_BROKER_URL or "memory://"
# Without a broker the embedded mode runs every task in the request that queued it.
CELERY_TASK_ALWAYS_EAGER = env_bool(
    "CELERY_TASK_ALWAYS_EAGER", not (env_str("CELERY_BROKER_URL") or REDIS)
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
QUEUE_ANALYSIS, QUEUE_SCORING, QUEUE_EXPORTS, QUEUE_HOUSEKEEPING, QUEUE_DEFAULT = (
    "analysis",
    "scoring",
    "exports",
    "housekeeping",
    "default",
)
CELERY_TASK_QUEUES = tuple(
    Queue(name)
    for name in (QUEUE_ANALYSIS, QUEUE_SCORING, QUEUE_EXPORTS, QUEUE_HOUSEKEEPING, QUEUE_DEFAULT)
)
# One table for every task (a task's own `queue=` is only the fallback). The analysis task is
# sent to `scoring` instead when the offline provider does the work (analysis/services.py).
CELERY_TASK_ROUTES = {
    "analysis.tasks.analyze_answer_task": {"queue": QUEUE_ANALYSIS},
    "analysis.tasks.analysis_fallback_task": {"queue": QUEUE_SCORING},
    "analytics.tasks.export_run_task": {"queue": QUEUE_EXPORTS},
    "analytics.tasks.user_analytics_refresh_task": {"queue": QUEUE_DEFAULT},
    "sessions_app.tasks.expire_sessions_task": {"queue": QUEUE_HOUSEKEEPING},
    "analysis.tasks.requeue_stale_analyses_task": {"queue": QUEUE_HOUSEKEEPING},
    "sessions_app.tasks.purge_expired_answers_task": {"queue": QUEUE_HOUSEKEEPING},
    "accounts.tasks.flush_expired_tokens_task": {"queue": QUEUE_HOUSEKEEPING},
    "analytics.tasks.analytics_rollup_task": {"queue": QUEUE_HOUSEKEEPING},
    "analytics.tasks.export_purge_expired_task": {"queue": QUEUE_HOUSEKEEPING},
}

# Provider calls waiting at once in one worker: throughput x provider latency (230/min x 2 s
# ~ 8), with room for a slow provider.
ANALYSIS_PROVIDER_SLOTS = env_int("ANALYSIS_PROVIDER_SLOTS", 16, minimum=1)
# Exports built at once in one worker: two, so a small export does not wait for a large PDF.
EXPORT_SLOTS = env_int("EXPORT_SLOTS", 2, minimum=1)
# Beyond the slots, threads for what is never bounded (offline scoring and fallbacks, beat's
# tasks, e-mail): a pool no bigger than the slots would let them wait behind a hung provider.
_UNBOUNDED_THREADS = 6
_JOBS_CONCURRENCY = env_int(
    "CELERY_JOBS_CONCURRENCY",
    ANALYSIS_PROVIDER_SLOTS + EXPORT_SLOTS + _UNBOUNDED_THREADS,
    minimum=ANALYSIS_PROVIDER_SLOTS + EXPORT_SLOTS + 1,
)

# The worker roles: which queues each consumes, with which pool and how many at once.
# `interview_platform/workers.py` turns a role into a `celery worker` command line; compose,
# the Makefile and the worker tests all start workers through it.
CELERY_WORKER_ROLES: dict[str, dict] = {
    "jobs": {
        "queues": [
            QUEUE_ANALYSIS,
            QUEUE_SCORING,
            QUEUE_EXPORTS,
            QUEUE_HOUSEKEEPING,
            QUEUE_DEFAULT,
        ],
        "pool": "threads",
        "concurrency": _JOBS_CONCURRENCY,
    },
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Broker loss: Celery gives up after 100 failed reconnects (about 45 minutes at its 30 s cap)
# and the worker exits with "Unrecoverable error". It must outlive any Redis outage instead:
# 0 (the default) retries without limit; a positive number restores a budget.
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = (
    env_int("CELERY_BROKER_CONNECTION_MAX_RETRIES", 0, minimum=0) or None
)
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    **({} if env_str("CELERY_BROKER_URL") else _REDIS_TRANSPORT_OPTIONS),
}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE: dict = {
    "expire-sessions": {"task": "sessions_app.tasks.expire_sessions_task", "schedule": 60.0},
    "requeue-stale-analyses": {
        "task": "analysis.tasks.requeue_stale_analyses_task",
        "schedule": 5 * 60.0,
    },
    "purge-expired-answers": {
        "task": "sessions_app.tasks.purge_expired_answers_task",
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
