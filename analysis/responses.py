"""The 202 answer of long analysis work, shared by every view that queues an analysis."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import status
from rest_framework.response import Response

from .models import AnalysisResult
from .serializers import AnalysisStatusSerializer


def analysis_accepted(result: AnalysisResult, request) -> Response:
    """202 `{id, status}` with a `Location` header where the analysis can be polled."""
    location = reverse("analysis-detail", args=[result.pk])
    return Response(
        AnalysisStatusSerializer({"id": result.pk, "status": result.status}).data,
        status=status.HTTP_202_ACCEPTED,
        headers={"Location": request.build_absolute_uri(location)},
    )
