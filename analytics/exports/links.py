"""Signed download links: `?token=` signs (job id, owner id) with a TimestampSigner and is
honoured for EXPORT_LINK_MAX_AGE_HOURS (24) and only for the job's owner, signed in."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _

from interview_platform.api.errors import ApplicationError

from ..models import ExportJob

SALT = "analytics.export.download"


def link_max_age() -> timedelta:
    return timedelta(hours=settings.EXPORT_LINK_MAX_AGE_HOURS)


def download_token(job: ExportJob) -> str:
    return signing.TimestampSigner(salt=SALT).sign(f"{job.pk}:{job.user_id}")


def download_token_check(*, token: str, job: ExportJob) -> None:
    """Raises unless `token` was signed for this job and its owner within the link's lifetime.
    (The view has already checked that the signed-in user owns the job.)"""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign(token or "", max_age=link_max_age())
    except signing.SignatureExpired:
        raise ApplicationError(
            _("This download link has expired. Open the export again for a new link."),
            code="download_link_expired",
            status=410,
        ) from None
    except signing.BadSignature:
        raise ApplicationError(
            _("This download link is not valid."), code="download_link_invalid", status=403
        ) from None
    if value != f"{job.pk}:{job.user_id}":
        raise ApplicationError(
            _("This download link is not valid."), code="download_link_invalid", status=403
        )
