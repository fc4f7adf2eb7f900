"""Data exports (writes): create a job, build its file on the `exports` queue, purge expired
files."""

from __future__ import annotations

import logging
import tempfile
import time
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db.models import Q
from django.utils import timezone

from ..exports import EXTENSIONS, build_export
from ..models import ExportJob, ExportStatus, private_storage

logger = logging.getLogger("analytics.exports")

# A job left `processing` this long (its worker died) may be taken again by a redelivery.
EXPORT_STALE_SECONDS = 15 * 60
# Finished jobs (their files already purged) are kept this long as a history, then deleted.
EXPORT_HISTORY_DAYS = 30


def export_retention() -> timedelta:
    return timedelta(hours=settings.EXPORT_RETENTION_HOURS)


def export_run(*, job_id) -> str:
    """Builds the job's file. Idempotent: only a pending job (or one whose worker died while
    processing) is taken, by a conditional UPDATE. Ends `completed` or `failed` with the reason;
    returns the status it left the job in, or "skipped"."""
    now = timezone.now()
    taken = (
        ExportJob.objects.filter(pk=job_id)
        .filter(
            Q(status=ExportStatus.PENDING)
            | Q(
                status=ExportStatus.PROCESSING,
                started_at__lt=now - timedelta(seconds=EXPORT_STALE_SECONDS),
            )
        )
        .update(status=ExportStatus.PROCESSING, started_at=now, error="")
    )
    if not taken:
        return "skipped"
    job = ExportJob.objects.select_related("user").get(pk=job_id)
    started = time.perf_counter()
    try:
        with tempfile.TemporaryFile() as out:
            build_export(
                out,
                user=job.user,
                fmt=job.format,
                scope=job.scope,
                exported_at=now,
                job_id=str(job.pk),
            )
            size = out.tell()
            out.seek(0)
            name = f"interview-practice-{job.scope}-{now:%Y%m%d-%H%M%S}.{EXTENSIONS[job.format]}"
            job.file.save(name, File(out), save=False)
    # Whatever broke the build, the job must end `failed` with a reason rather than stay
    # `processing`; the traceback goes to the log. Nothing here is a paid or unsafe call.
    except Exception as exc:
        logger.exception(
            "export failed",
            extra={"operation": "export_run", "metadata": {"exportId": str(job.pk)}},
        )
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportStatus.FAILED, error=f"{type(exc).__name__}: {exc}"[:1000]
        )
        return ExportStatus.FAILED
    finished = timezone.now()
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportStatus.COMPLETED,
        file=job.file.name,
        size=size,
        completed_at=finished,
        expires_at=finished + export_retention(),
    )
    logger.info(
        "export completed",
        extra={
            "operation": "export_run",
            "duration": round((time.perf_counter() - started) * 1000, 2),
            "user_id": str(job.user_id),
            "metadata": {"exportId": str(job.pk), "format": job.format, "size": size},
        },
    )
    return ExportStatus.COMPLETED


def export_fail_unstarted(*, job_id, reason: str) -> str:
    """Ends a job that never started `failed` with `reason` (every export slot stayed busy);
    a job another delivery has started meanwhile is left to it. Returns the status it left."""
    failed = ExportJob.objects.filter(pk=job_id, status=ExportStatus.PENDING).update(
        status=ExportStatus.FAILED,
        error=f"not started: {reason}; request the export again",
    )
    if not failed:
        return "skipped"
    logger.warning(
        "export not started",
        extra={"operation": "export_run", "metadata": {"exportId": str(job_id), "reason": reason}},
    )
    return ExportStatus.FAILED


def exports_purge_expired(*, batch_size: int = 500) -> int:
    """Deletes the files of expired exports (their rows stay, without a file, for the history),
    the rows of exports finished more than EXPORT_HISTORY_DAYS ago, and files no job points at
    (see `_purge_orphans`). Returns the number of files deleted."""
    now = timezone.now()
    expired = list(
        ExportJob.objects.filter(expires_at__lte=now)
        .exclude(file="")
        .order_by("expires_at")[:batch_size]
    )
    for job in expired:
        job.file.delete(save=False)
        ExportJob.objects.filter(pk=job.pk).update(file="")
    ExportJob.objects.filter(created_at__lt=now - timedelta(days=EXPORT_HISTORY_DAYS)).filter(
        file=""
    ).delete()
    return len(expired) + _purge_orphans(now)


def _purge_orphans(now) -> int:
    """Files no job points at any more: left by a deleted account (its jobs went with it, the
    files did not) or by a build interrupted between saving the file and recording it. An hour's
    grace keeps a file that is being recorded right now."""
    storage = private_storage()
    try:
        folders, _ = storage.listdir("exports")
    except (FileNotFoundError, NotImplementedError):
        return 0
    known = set(ExportJob.objects.exclude(file="").values_list("file", flat=True))
    removed = 0
    for folder in folders:
        _, files = storage.listdir(f"exports/{folder}")
        for name in files:
            path = f"exports/{folder}/{name}"
            if path in known:
                continue
            if storage.get_modified_time(path) > now - timedelta(hours=1):
                continue
            storage.delete(path)
            removed += 1
    return removed
