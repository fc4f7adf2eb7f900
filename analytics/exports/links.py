"""Signed download links: a short-lived capability (EXPORT_LINK_MAX_AGE_SECONDS, 15 minutes by
default) that works without a bearer token, so a frontend can use it as a plain link. The token
signs the job id and a digest of the file's (random) name: nothing about the user, and a link
stops working once the file it was made for is gone."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext as _

from interview_platform.api.errors import ApplicationError

from ..models import ExportJob

SALT = "analytics.export.download"


def link_max_age() -> timedelta:
    return timedelta(seconds=settings.EXPORT_LINK_MAX_AGE_SECONDS)


def _payload(job: ExportJob) -> str:
    digest = hashlib.sha256(job.file.name.encode()).hexdigest()[:16]
    return f"{job.pk}.{digest}"


def download_token(job: ExportJob) -> str:
    return signing.TimestampSigner(salt=SALT).sign(_payload(job))


def download_path(job: ExportJob) -> str:
    path = reverse("analytics-export-download", kwargs={"export_id": job.pk})
    return f"{path}?token={download_token(job)}"


def download_token_job_id(*, token: str, export_id) -> str:
    """Checks the signature and lifetime of `token` for `export_id` before anything is looked
    up; returns the signed payload for `download_token_matches`."""
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
        value = ""
    if value.partition(".")[0] != str(export_id):
        raise ApplicationError(
            _("This download link is not valid."), code="download_link_invalid", status=403
        )
    return value


def download_token_matches(*, payload: str, job: ExportJob) -> bool:
    return bool(job.file) and payload == _payload(job)
