"""Celery tasks: thin, take ids, call a service. Exports run on the `exports` queue (routed by
`analytics.tasks.export_*` in settings); rollups on `default`."""

from __future__ import annotations

from datetime import date, timedelta

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from .services import export_run, exports_purge_expired, user_analytics_rollup

# A lost database connection is worth a retry; anything else ends the job `failed`.
TRANSIENT = (OperationalError, InterfaceError)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=TRANSIENT,
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=240,
    time_limit=300,
    queue="exports",
)
def export_run_task(self, job_id: str) -> str:
    return export_run(job_id=job_id)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=TRANSIENT,
    retry_backoff=True,
    max_retries=3,
    queue="exports",
)
def export_purge_expired_task(self) -> int:
    return exports_purge_expired()


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=TRANSIENT,
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=600,
    time_limit=660,
    queue="default",
)
def analytics_rollup_task(self, day: str | None = None, days: int = 2) -> int:
    """Rolls up `day` (ISO date) or, by default, yesterday and the `days - 1` days before it
    (UTC): the nightly beat run; re-rolling the day before repairs late arrivals."""
    last = date.fromisoformat(day) if day else timezone.now().date() - timedelta(days=1)
    return sum(user_analytics_rollup(day=last - timedelta(days=n)) for n in range(days))
