"""Asking for an export: the job row, queued for the exports worker after commit.

Apart from `exports` (the worker's jobs) because it imports the tasks, which import those."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from interview_platform.api.errors import ApplicationError

from ..models import ExportFormat, ExportJob, ExportScope
from ..tasks import export_run_task


@transaction.atomic
def export_create(*, user: User, format: str, scope: str = ExportScope.ALL) -> ExportJob:
    """Queues an export; the rate limit (2/hour) is the view's, as it keys on the request."""
    if format not in ExportFormat.values or scope not in ExportScope.values:
        raise ApplicationError(_("Unknown export format or scope."), code="invalid_export")
    job = ExportJob.objects.create(user=user, format=format, scope=scope)
    job_id = str(job.pk)
    transaction.on_commit(lambda: export_run_task.delay(job_id))
    return job
