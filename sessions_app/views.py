from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from interview_platform.api.base import APIView
from interview_platform.api.pagination import PageNumberPagination
from interview_platform.api.params import query_params
from interview_platform.api.permissions import IsStaff

from .selectors import session_get, session_list
from .serializers import (
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


class SessionListView(APIView):
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
        params = {k: v for k, v in filters.validated_data.items() if k != "user"}
        return _paginated(
            request,
            self,
            session_list(filters=params, user=request.user),
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
            metadata=_metadata(request, params),
        )
        response = _detail(request, session.pk)
        response.status_code = status.HTTP_201_CREATED
        return response


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


class SessionNextView(APIView):
    """Serves the next question, chosen by the adaptive selector."""

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

    permission_classes = [IsStaff]

    @extend_schema(
        operation_id="admin_sessions_list",
        parameters=[SessionFilterSerializer, *_PAGE],
        responses=SessionListItemSerializer(many=True),
        tags=["admin"],
    )
    def get(self, request):
        filters = SessionFilterSerializer(data=query_params(request))
        filters.is_valid(raise_exception=True)
        return _paginated(
            request, self, session_list(filters=filters.validated_data), SessionListItemSerializer
        )
