from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from analysis.models import AnalysisStatus
from analysis.responses import analysis_accepted
from analysis.serializers import (
    AnalysisResultSerializer,
    AnalysisStatusSerializer,
    AnswerInputSerializer,
    BatchInputSerializer,
    BatchOutputSerializer,
)
from analysis.services.polling import wait_for_completion
from interview_platform.api.base import APIView
from interview_platform.api.errors import ApplicationError
from interview_platform.api.pagination import PageNumberPagination
from interview_platform.api.params import query_params
from interview_platform.api.permissions import IsStaff

from .flows import AnswerIn, answer_submit, answers_submit_batch
from .selectors import session_get, session_list
from .serializers import (
    AdminSessionFilterSerializer,
    SessionDetailSerializer,
    SessionFilterSerializer,
    SessionListItemSerializer,
    SessionQuestionSerializer,
    SessionStartSerializer,
    SessionUpdateSerializer,
)
from .services import session_complete, session_delete, session_next, session_start, session_update

_PAGE = [OpenApiParameter("page", int), OpenApiParameter("pageSize", int)]


def _metadata(request, data: dict) -> dict:
    return {
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:500],
        "platform": data.get("platform")
        or request.headers.get("Sec-CH-UA-Platform", "").strip('"')[:100]
        or "unknown",
        "session_source": data.get("session_source")
        or request.headers.get("X-Session-Source", "api")[:100],
    }


def _detail(request, session_id) -> Response:
    session = session_get(user=request.user, session_id=session_id)
    return Response(SessionDetailSerializer(session, context={"staff": request.user.is_staff}).data)


def _paginated(request, view, queryset, serializer_class):
    paginator = PageNumberPagination()
    page = paginator.paginate_queryset(queryset, request, view=view)
    return paginator.get_paginated_response(serializer_class(page, many=True).data)


# Starting a session or serving the next question may generate a question (a paid provider
# call): no transaction is held open for it; the services open their own short ones.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class SessionListView(APIView):
    # Documents the list as `{count, next, previous, results}` (drf-spectacular).
    pagination_class = PageNumberPagination
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="sessions_list",
        parameters=[SessionFilterSerializer, *_PAGE],
        responses=SessionListItemSerializer(many=True),
        tags=["sessions"],
    )
    def get(self, request):
        filters = SessionFilterSerializer(data=query_params(request))
        filters.is_valid(raise_exception=True)
        return _paginated(
            request,
            self,
            session_list(filters=filters.validated_data, user=request.user),
            SessionListItemSerializer,
        )

    @extend_schema(
        operation_id="sessions_start",
        request=SessionStartSerializer,
        responses={201: SessionDetailSerializer},
        tags=["sessions"],
    )
    def post(self, request):
        data = SessionStartSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        params = data.validated_data
        session = session_start(
            user=request.user,
            category=params.get("category"),
            custom_category=params.get("custom_category", ""),
            difficulty=params.get("difficulty"),
            language=params.get("language"),
            question_count=params["question_count"],
            follow_ups=params["follow_ups"],
            metadata=_metadata(request, params),
        )
        # The session as it was just written, its first question in place: not read back.
        data = SessionDetailSerializer(session, context={"staff": request.user.is_staff}).data
        return Response(data, status=status.HTTP_201_CREATED)


class SessionDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="sessions_retrieve", responses=SessionDetailSerializer, tags=["sessions"]
    )
    def get(self, request, session_id):
        return _detail(request, session_id)

    def _update(self, request, session_id):
        data = SessionUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        session_update(
            user=request.user,
            session_id=session_id,
            status=data.validated_data.get("status"),
            metadata=data.validated_data.get("metadata"),
        )
        return _detail(request, session_id)

    @extend_schema(
        operation_id="sessions_update",
        request=SessionUpdateSerializer,
        responses=SessionDetailSerializer,
        tags=["sessions"],
    )
    def put(self, request, session_id):
        return self._update(request, session_id)

    @extend_schema(
        operation_id="sessions_partial_update",
        request=SessionUpdateSerializer,
        responses=SessionDetailSerializer,
        tags=["sessions"],
    )
    def patch(self, request, session_id):
        return self._update(request, session_id)

    @extend_schema(operation_id="sessions_destroy", responses={204: None}, tags=["sessions"])
    def delete(self, request, session_id):
        session_delete(session=session_get(user=request.user, session_id=session_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class SessionNextView(APIView):
    """Serves the next question: a follow-up on the last answer when one is due (`kind:
    "followUp"`, `parentQuestionId`), else one chosen by the adaptive selector. While the last
    answer's analysis is still running, a follow-up session answers 409 `analysis_pending` with
    `Retry-After`."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="sessions_next",
        request=None,
        responses={201: SessionQuestionSerializer},
        tags=["sessions"],
    )
    def post(self, request, session_id):
        session_question = session_next(user=request.user, session_id=session_id)
        return Response(
            SessionQuestionSerializer(
                session_question, context={"staff": request.user.is_staff}
            ).data,
            status=status.HTTP_201_CREATED,
        )


class SessionCompleteView(APIView):
    """Ends the session and returns it with its report; pending analyses fill in later."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="sessions_complete",
        request=None,
        responses=SessionDetailSerializer,
        tags=["sessions"],
    )
    def post(self, request, session_id):
        session_complete(user=request.user, session_id=session_id)
        return _detail(request, session_id)


class AdminSessionListView(APIView):
    """Staff: every user's sessions, filtered."""

    # Documents the list as `{count, next, previous, results}` (drf-spectacular).
    pagination_class = PageNumberPagination
    permission_classes = [IsStaff]

    @extend_schema(
        operation_id="admin_sessions_list",
        parameters=[AdminSessionFilterSerializer, *_PAGE],
        responses=SessionListItemSerializer(many=True),
        tags=["admin"],
    )
    def get(self, request):
        filters = AdminSessionFilterSerializer(data=query_params(request))
        filters.is_valid(raise_exception=True)
        return _paginated(
            request, self, session_list(filters=filters.validated_data), SessionListItemSerializer
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
    def post(self, request):
        data = AnswerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        wait = _wait_seconds(request)
        result = answer_submit(request=request, item=AnswerIn.from_input(data.validated_data))
        if wait and result.status == AnalysisStatus.PENDING:
            result = wait_for_completion(analysis_id=result.pk, seconds=wait)
        if result.status in (AnalysisStatus.COMPLETED, AnalysisStatus.FAILED) and wait:
            return Response(AnalysisResultSerializer(result).data)
        return analysis_accepted(result, request)


def _wait_seconds(request) -> float:
    raw = request.query_params.get("wait")
    if raw is None:
        return 0.0
    try:
        value = float(raw)
    except ValueError:
        raise ApplicationError(
            _("wait must be a number of seconds."),
            code="invalid_input",
            details={"fields": {"wait": ["a number from 0 to 10"]}},
        ) from None
    return max(0.0, min(value, float(settings.ANALYSIS_MAX_WAIT_SECONDS)))


class AnalysisBatchView(APIView):
    """Up to 20 answers in one request: every item is validated before any is stored."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analysis_batch",
        request=BatchInputSerializer,
        responses={202: BatchOutputSerializer},
        tags=["analysis"],
    )
    def post(self, request):
        data = BatchInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        items = [AnswerIn.from_input(item) for item in data.validated_data["items"]]
        results = answers_submit_batch(request=request, items=items)
        body = {"results": [{"id": r.pk, "status": r.status} for r in results]}
        return Response(BatchOutputSerializer(body).data, status=status.HTTP_202_ACCEPTED)
