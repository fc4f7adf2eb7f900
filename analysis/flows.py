"""What a request does around the analysis services, shared by the API (`views`) and the pages
(`web`): the per-user analysis rate limit, and re-running an analysis."""

from __future__ import annotations

from django.conf import settings

from interview_platform.api.ratelimit import enforce_rate_limit

from .models import AnalysisResult
from .selectors import analysis_get
from .services.rerun import analysis_rerun


def analysis_rate_limit_count(request) -> None:
    """Counts one use of the AI analysis against RATE_LIMIT_ANALYSIS (429 past it)."""
    enforce_rate_limit(request, group="analysis", key="user", rate=settings.RATE_LIMITS["analysis"])


def analysis_rerun_request(*, request, analysis_id) -> AnalysisResult:
    """Re-runs the requesting user's preliminary or failed analysis (404 for anyone else's)."""
    analysis = analysis_get(user=request.user, analysis_id=analysis_id)
    analysis_rate_limit_count(request)
    return analysis_rerun(analysis=analysis)
