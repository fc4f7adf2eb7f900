"""Reads of a user's exports, and whether one's file may be downloaded now."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from interview_platform.api.errors import ApplicationError

from ..exports import CONTENT_TYPES, EXTENSIONS
from ..exports.links import download_token_job_id, download_token_matches
from ..models import ExportJob, ExportStatus


def export_list(*, user: User) -> QuerySet[ExportJob]:
    return ExportJob.objects.filter(user=user)


def export_get(*, user: User, export_id) -> ExportJob:
    """The user's export; another user's is "not found"."""
    return get_object_or_404(ExportJob, pk=export_id, user=user)


def export_file_available(job: ExportJob) -> bool:
    """Completed, and its file not yet removed nor expired."""
    return (
        job.status == ExportStatus.COMPLETED
        and bool(job.file)
        and job.expires_at is not None
        and job.expires_at > timezone.now()
    )


@dataclass(frozen=True)
class Download:
    """What the download view answers: the open file, or (on S3) a presigned URL to redirect to."""

    filename: str
    content_type: str
    file: IO[bytes] | None = None
    redirect_url: str | None = None


def export_download(*, export_id, token: str) -> Download:
    """The file a valid, unexpired link points at: 403 for a bad link (before any look-up),
    410 for an expired link or a file that is gone (expired, purged, or missing from storage),
    409 while the export is still being built."""
    payload = download_token_job_id(token=token, export_id=export_id)
    job = ExportJob.objects.filter(pk=export_id).first()
    gone = ApplicationError(
        _("This export has expired. Please request a new one."), code="export_expired", status=410
    )
    if job is None:
        raise gone
    if job.status != ExportStatus.COMPLETED:
        raise ApplicationError(
            _("This export is not ready yet."), code="export_not_ready", status=409
        )
    if not export_file_available(job):
        raise gone
    if not download_token_matches(payload=payload, job=job):
        raise ApplicationError(
            _("This download link is not valid."), code="download_link_invalid", status=403
        )
    filename = f"interview-practice-{job.scope}-{job.created_at:%Y%m%d}.{EXTENSIONS[job.format]}"
    storage = job.file.storage
    if getattr(storage, "querystring_auth", False):  # S3: a presigned URL, as short-lived
        url = storage.url(
            job.file.name,
            parameters={"ResponseContentDisposition": f'attachment; filename="{filename}"'},
            expire=settings.EXPORT_LINK_MAX_AGE_SECONDS,
        )
        return Download(filename, CONTENT_TYPES[job.format], redirect_url=url)
    try:
        handle = job.file.open("rb")
    except FileNotFoundError:
        raise gone from None
    return Download(filename, CONTENT_TYPES[job.format], file=handle)
