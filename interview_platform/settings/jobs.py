"""Celery: Redis broker in the production shape, eager in embedded mode; queues and pools.

Work is split by what it waits on and by who must not wait behind whom, so one kind cannot
starve another: each role is a worker of its own with its own pool and concurrency setting.

| queue | work | consumed by |
|---|---|---|
| `analysis` | AI provider calls (network waits, seconds each) | role `io`: threads |
| `scoring` | offline scoring: analyses without a provider, fallbacks (CPU) | `cpu`: processes |
| `exports` | export files (CPU, memory, minutes at most) | role `exports`: processes |
| `housekeeping` | beat's periodic tasks (expiry, sweeps, rollups) | `housekeeping`: threads |
| `default` | anything else (e-mail) | `housekeeping` |

A thread waiting on the provider costs a few hundred KB, not a process, so `io` runs many at
once in one process; offline scoring runs on at most `CELERY_CPU_CONCURRENCY` processes (one
core left to the web by default; one process is the worker's own, see `_processes`). A hung
provider ties up `io`'s threads only; a wave of offline scoring ties up `cpu`'s processes only;
an export burst waits on its own process; and beat's tasks run on two threads of a small
process that never scores.
`python -m interview_platform.workers <role>` starts a role.
"""

from __future__ import annotations

import os

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

_CORES = os.cpu_count() or 1
_CPU_DEFAULT = max(1, _CORES - 1)


def _processes(queues: list[str], concurrency: int) -> dict:
    """A role whose tasks run in processes, their soft and hard time limits enforced.

    One at a time: `solo` (interview_platform/solo_pool.py), the task in the worker's own
    process. A prefork worker of one is two processes with the whole project imported in each
    (~115 MB apiece before any work), the parent only handing messages to its child.
    More: `prefork`, whose children would each close a psycopg pool after every task (a pool
    must not cross a fork): plain database connections there.
    """
    if concurrency == 1:
        return {"queues": queues, "pool": "solo", "concurrency": 1, "env": {}}
    return {
        "queues": queues,
        "pool": "prefork",
        "concurrency": concurrency,
        "env": {"DATABASE_POOL": "false"},
    }


# The worker roles: which queues each consumes, with which pool and how many at once.
# `interview_platform/workers.py` turns a role into a `celery worker` command line; compose,
# the Makefile and the worker tests all start workers through it.
CELERY_WORKER_ROLES: dict[str, dict] = {
    "io": {
        "queues": [QUEUE_ANALYSIS],
        "pool": "threads",
        # In flight at once = throughput x provider latency (230/min x 2 s ~ 8), with room for
        # a slow provider. Threads share one process, its memory and its database pool.
        "concurrency": env_int("CELERY_IO_CONCURRENCY", 16, minimum=1),
        "env": {},
    },
    # Python runs one thread at a time per process: CPU work needs processes, and more of
    # them than cores only queue. One core is left to the web by default.
    "cpu": _processes([QUEUE_SCORING], env_int("CELERY_CPU_CONCURRENCY", _CPU_DEFAULT, minimum=1)),
    # An export is CPU and memory (a PDF of a heavy user's data) bounded by its time limit,
    # enforced by both process pools. One at a time by default: a burst queues here, behind
    # nobody else's work and in front of nobody else's.
    "exports": _processes([QUEUE_EXPORTS], env_int("CELERY_EXPORTS_CONCURRENCY", 1, minimum=1)),
    "housekeeping": {
        "queues": [QUEUE_HOUSEKEEPING, QUEUE_DEFAULT],
        "pool": "threads",
        # Beat's tasks are short database sweeps and e-mail is network waits: two threads in
        # one small process (it never scores, so the scorer's bank index is never built here),
        # and a long sweep leaves the other thread free. The threads pool cannot interrupt a
        # task: their time limits are not enforced here (e-mail is bounded by EMAIL_TIMEOUT).
        "concurrency": env_int("CELERY_HOUSEKEEPING_CONCURRENCY", 2, minimum=1),
        "env": {},
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
