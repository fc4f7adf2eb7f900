"""Reads of a user's exports, and whether one's file may be downloaded now."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from interview_platform.api.errors import ApplicationError

from ..exports.links import download_token_check
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


def export_for_download(*, user: User, export_id, token: str) -> ExportJob:
    """The export whose file a signed link asks for: its owner's, the signature valid, the file
    built and not expired (409 before, 410 after)."""
    # Another user's export is "not found", whatever the token says.
    job = export_get(user=user, export_id=export_id)
    download_token_check(token=token, job=job)
    if job.status != ExportStatus.COMPLETED:
        raise ApplicationError(
            _("This export is not ready yet."), code="export_not_ready", status=409
        )
    if not export_file_available(job):
        raise ApplicationError(
            _("This export has expired. Please request a new one."),
            code="export_expired",
            status=410,
        )
    return job
