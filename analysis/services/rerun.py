"""Running a preliminary or failed analysis again (e.g. once the AI provider is back)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interview_platform.api.errors import ApplicationError

from ..models import AnalysisResult, AnalysisStatus
from ..tasks import analysis_enqueue
from .outcome import stale_before


@transaction.atomic
def analysis_rerun(*, analysis: AnalysisResult) -> AnalysisResult:
    """Queues a preliminary or failed analysis again."""
    running = analysis.status == AnalysisStatus.PENDING or (
        analysis.status == AnalysisStatus.PROCESSING and analysis.updated_at >= stale_before()
    )
    if running:
        raise ApplicationError(
            _("This analysis is already running."), code="analysis_in_progress", status=409
        )
    if analysis.status == AnalysisStatus.COMPLETED and not analysis.preliminary:
        raise ApplicationError(
            _("This analysis is complete; only preliminary or failed ones can be re-run."),
            code="analysis_not_rerunnable",
            status=409,
        )
    AnalysisResult.objects.filter(pk=analysis.pk, updated_at=analysis.updated_at).update(
        status=AnalysisStatus.PENDING, updated_at=timezone.now()
    )
    analysis_enqueue(analysis.pk)
    analysis.refresh_from_db()
    return analysis
