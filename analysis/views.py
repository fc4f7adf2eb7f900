from __future__ import annotations

from django.db import transaction
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from interview_platform.api.base import APIView
from interview_platform.api.errors import ApplicationError

from .flows import analysis_rerun_request
from .models import AnalysisStatus
from .responses import analysis_accepted
from .selectors import analysis_get
from .serializers import AnalysisResultSerializer, AnalysisStatusSerializer, FeedbackSerializer
from .services.feedback import analysis_feedback_ensure


class AnalysisDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analysis_retrieve", responses=AnalysisResultSerializer, tags=["analysis"]
    )
    def get(self, request, analysis_id):
        return Response(
            AnalysisResultSerializer(analysis_get(user=request.user, analysis_id=analysis_id)).data
        )


# The feedback claim must commit at once so that a concurrent request sees it and waits.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class FeedbackView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analysis_feedback", responses=FeedbackSerializer, tags=["analysis"]
    )
    def get(self, request, analysis_id):
        analysis = analysis_get(user=request.user, analysis_id=analysis_id)
        if analysis.status != AnalysisStatus.COMPLETED:
            raise ApplicationError(
                _("The analysis is not complete yet."),
                code="analysis_not_ready",
                status=409,
                details={"status": analysis.status},
            )
        analysis = analysis_feedback_ensure(analysis=analysis)
        return Response(
            FeedbackSerializer(
                {
                    "detailed_feedback": analysis.detailed_feedback,
                    "strengths": analysis.strengths,
                    "improvements": analysis.improvements,
                    "ideal_answer": analysis.ideal_answer,
                }
            ).data
        )


class RerunView(APIView):
    """Runs a preliminary or failed analysis again (e.g. once the AI provider is back)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analysis_rerun",
        request=None,
        responses={202: AnalysisStatusSerializer},
        tags=["analysis"],
    )
    def post(self, request, analysis_id):
        analysis = analysis_rerun_request(request=request, analysis_id=analysis_id)
        return analysis_accepted(analysis, request)
