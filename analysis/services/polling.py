"""Waiting for an analysis to land, for `POST /api/analysis/answer?wait=N`."""

from __future__ import annotations

import time

from django.conf import settings

from ..models import AnalysisResult, AnalysisStatus


def wait_for_completion(*, analysis_id, seconds: float) -> AnalysisResult:
    """Polls until the analysis leaves pending/processing or `seconds` pass."""
    deadline = time.monotonic() + min(seconds, settings.ANALYSIS_MAX_WAIT_SECONDS)
    interval = 0.05
    while True:
        result = AnalysisResult.objects.select_related("question").get(pk=analysis_id)
        if result.status in (AnalysisStatus.COMPLETED, AnalysisStatus.FAILED):
            return result
        if time.monotonic() >= deadline:
            return result
        time.sleep(min(interval, max(deadline - time.monotonic(), 0)))
        interval = min(interval * 1.5, 0.5)  # quick first checks, then gentle on the database
