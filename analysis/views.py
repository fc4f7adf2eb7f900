from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.decorators import method_decorator
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from interview_platform.api.base import APIView
from interview_platform.api.errors import ApplicationError
from interview_platform.api.i18n import request_language
from interview_platform.api.ratelimit import enforce_rate_limit, rate_limit
from questions.serializers import QuestionSerializer, withhold

from .generation import questions_generate
from .models import AnalysisStatus
from .selectors import analysis_get
from .serializers import (
    AnalysisResultSerializer,
    AnalysisStatusSerializer,
    AnswerInputSerializer,
    BatchInputSerializer,
    BatchOutputSerializer,
    FeedbackSerializer,
    GenerateInputSerializer,
)
from .services import (
    analysis_feedback_ensure,
    analysis_rerun,
    answer_submit,
    wait_for_completion,
)
from .validation import validate_answer, validate_answers


def _rate(name: str):
    return lambda: settings.RATE_LIMITS[name]


analysis_limited = rate_limit(group="analysis", key="user", rate=_rate("analysis"))


def _submit(request, item: dict):
    return answer_submit(
        user=request.user,
        answer=item["answer"],
        question_id=item.get("question_id"),
        question_text=item.get("question", ""),
        category=item.get("category", ""),
        language=item.get("language"),
        session_id=item.get("session_id"),
        session_question_id=item.get("session_question_id"),
        time_spent=item.get("time_spent"),
    )


def _count_session_answers(request, items: list[dict]) -> None:
    """SessionSecurity's 2 answers a minute: every session answer counts, single or batched."""
    for item in items:
        if item.get("session_id"):
            enforce_rate_limit(
                request, group="answers", key="user", rate=settings.RATE_LIMITS["answers"]
            )


def _accepted(result, request) -> Response:
    location = reverse("analysis-detail", args=[result.pk])
    return Response(
        AnalysisStatusSerializer({"id": result.pk, "status": result.status}).data,
        status=status.HTTP_202_ACCEPTED,
        headers={"Location": request.build_absolute_uri(location)},
    )


# The request must commit before waiting, so that the task (queued on commit) can start.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class AnswerView(APIView):
    """Stores the answer, queues its analysis, answers 202 with where to poll.

    `?wait=N` (N ≤ 10 seconds) waits for the analysis and answers 200 with the whole result when
    it completes in time."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analysis_answer",
        request=AnswerInputSerializer,
        parameters=[OpenApiParameter("wait", float, description="Seconds to wait, at most 10.")],
        responses={
            202: AnalysisStatusSerializer,
            200: OpenApiResponse(AnalysisResultSerializer, description="Completed within `wait`."),
        },
        tags=["analysis"],
    )
    @analysis_limited
    def post(self, request):
        data = AnswerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        validate_answer(data.validated_data["answer"])  # a refused answer uses up no quota
        _count_session_answers(request, [data.validated_data])
        result = _submit(request, data.validated_data)
        wait = _wait_seconds(request)
        if wait and result.status == AnalysisStatus.PENDING:
            result = wait_for_completion(analysis_id=result.pk, seconds=wait)
        if result.status in (AnalysisStatus.COMPLETED, AnalysisStatus.FAILED) and wait:
            return Response(AnalysisResultSerializer(result).data)
        return _accepted(result, request)


def _wait_seconds(request) -> float:
    raw = request.query_params.get("wait")
    if raw is None:
        return 0.0
    try:
        value = float(raw)
    except ValueError:
        raise ApplicationError(
            "wait must be a number of seconds.",
            code="invalid_input",
            details={"fields": {"wait": ["a number from 0 to 10"]}},
        ) from None
    return max(0.0, min(value, float(settings.ANALYSIS_MAX_WAIT_SECONDS)))


class AnalysisDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analysis_retrieve", responses=AnalysisResultSerializer, tags=["analysis"]
    )
    def get(self, request, analysis_id):
        return Response(
            AnalysisResultSerializer(analysis_get(user=request.user, analysis_id=analysis_id)).data
        )


class AnalysisBatchView(APIView):
    """Up to 20 answers in one request: every item is validated before any is stored."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analysis_batch",
        request=BatchInputSerializer,
        responses={202: BatchOutputSerializer},
        tags=["analysis"],
    )
    @analysis_limited
    def post(self, request):
        data = BatchInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        validate_answers([item["answer"] for item in data.validated_data["items"]])
        _count_session_answers(request, data.validated_data["items"])
        results = [_submit(request, item) for item in data.validated_data["items"]]
        body = {"results": [{"id": r.pk, "status": r.status} for r in results]}
        return Response(BatchOutputSerializer(body).data, status=status.HTTP_202_ACCEPTED)


class FeedbackView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analysis_feedback", responses=FeedbackSerializer, tags=["analysis"]
    )
    def get(self, request, analysis_id):
        analysis = analysis_get(user=request.user, analysis_id=analysis_id)
        if analysis.status != AnalysisStatus.COMPLETED:
            raise ApplicationError(
                "The analysis is not complete yet.",
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
    @analysis_limited
    def post(self, request, analysis_id):
        analysis = analysis_rerun(analysis=analysis_get(user=request.user, analysis_id=analysis_id))
        return _accepted(analysis, request)


class GenerateQuestionsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="questions_generate",
        request=GenerateInputSerializer,
        responses={201: QuestionSerializer(many=True)},
        tags=["questions"],
    )
    @analysis_limited
    def post(self, request):
        data = GenerateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        params = data.validated_data
        questions = questions_generate(
            user=request.user,
            category=params["category"],
            difficulty=params["difficulty"],
            language=params.get("language") or request_language(request),
            count=params["count"],
            question_type=params.get("type"),
            custom_category=params.get("custom_category", ""),
            job_description=params.get("job_description", ""),
        )
        staff = request.user.is_staff
        body = [
            withhold(QuestionSerializer(q).data, answered=False, staff=staff) for q in questions
        ]
        return Response(body, status=status.HTTP_201_CREATED)
