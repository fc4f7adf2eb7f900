from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from interview_platform.api.base import APIView
from interview_platform.api.i18n import request_language
from interview_platform.api.pagination import PageNumberPagination
from interview_platform.api.params import query_params
from interview_platform.api.permissions import IsStaff
from interview_platform.api.ratelimit import rate_limit

from .generation import questions_generate
from .listing import question_list_page
from .selectors import (
    question_categories,
    question_difficulties,
    question_has_been_answered,
    question_list,
    question_queryset,
)
from .serializers import (
    CategoryQuerySerializer,
    CategorySerializer,
    DifficultySerializer,
    GenerateInputSerializer,
    QuestionFilterSerializer,
    QuestionSerializer,
    QuestionWriteSerializer,
    withhold,
)
from .services import question_create, question_delete, question_update


def _questions_rate() -> str:
    return settings.RATE_LIMITS["questions"]


questions_limited = rate_limit(group="questions", key="user_or_ip", rate=_questions_rate)

_LIST_PARAMETERS = [
    OpenApiParameter("page", int),
    OpenApiParameter("pageSize", int, description="At most 100."),
]


class QuestionListView(APIView):
    """Active questions, filtered, ordered and paginated; cached for an hour per filter set."""

    # Documents the list as `{count, next, previous, results}` (drf-spectacular).
    pagination_class = PageNumberPagination
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="questions_list",
        parameters=[QuestionFilterSerializer, *_LIST_PARAMETERS],
        responses=QuestionSerializer(many=True),
        tags=["questions"],
    )
    @questions_limited
    def get(self, request):
        params = QuestionFilterSerializer(data=query_params(request))
        params.is_valid(raise_exception=True)
        return Response(
            question_list_page(request=request, view=self, filters=params.validated_data)
        )


class QuestionDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="questions_retrieve", responses=QuestionSerializer, tags=["questions"]
    )
    @questions_limited
    def get(self, request, question_id):
        staff = request.user.is_staff
        question = get_object_or_404(
            question_queryset(include_inactive=staff, user=request.user), pk=question_id
        )
        answered = not staff and question_has_been_answered(user=request.user, question=question)
        return Response(withhold(QuestionSerializer(question).data, answered=answered, staff=staff))


class CategoryListView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="questions_categories",
        parameters=[CategoryQuerySerializer],
        responses=CategorySerializer(many=True),
        tags=["questions"],
    )
    @questions_limited
    def get(self, request):
        params = CategoryQuerySerializer(data=query_params(request))
        params.is_valid(raise_exception=True)
        language = params.validated_data.get("language") or request_language(request)
        return Response(CategorySerializer(question_categories(language=language), many=True).data)


class DifficultyListView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="questions_difficulties",
        responses=DifficultySerializer(many=True),
        tags=["questions"],
    )
    @questions_limited
    def get(self, request):
        language = request_language(request)
        return Response(
            DifficultySerializer(question_difficulties(language=language), many=True).data
        )


class AdminQuestionListView(APIView):
    """Staff: every question, active or not, and adding one."""

    # Documents the list as `{count, next, previous, results}` (drf-spectacular).
    pagination_class = PageNumberPagination
    permission_classes = [IsStaff]

    @extend_schema(
        operation_id="admin_questions_list",
        parameters=[QuestionFilterSerializer, *_LIST_PARAMETERS],
        responses=QuestionSerializer(many=True),
        tags=["admin"],
    )
    def get(self, request):
        params = QuestionFilterSerializer(data=query_params(request))
        params.is_valid(raise_exception=True)
        paginator = PageNumberPagination()
        queryset = question_list(filters=params.validated_data, include_inactive=True)
        page = paginator.paginate_queryset(queryset, request, view=self)
        return paginator.get_paginated_response(QuestionSerializer(page, many=True).data)

    @extend_schema(
        operation_id="admin_questions_create",
        request=QuestionWriteSerializer,
        responses={201: QuestionSerializer},
        tags=["admin"],
    )
    def post(self, request):
        data = QuestionWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        question = question_create(data=data.validated_data, created_by=request.user)
        return Response(QuestionSerializer(question).data, status=status.HTTP_201_CREATED)


class AdminQuestionDetailView(APIView):
    permission_classes = [IsStaff]

    def _update(self, request, question_id, *, partial: bool):
        question = get_object_or_404(question_queryset(include_inactive=True), pk=question_id)
        data = QuestionWriteSerializer(data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        question = question_update(question=question, data=data.validated_data)
        return Response(QuestionSerializer(question).data)

    @extend_schema(
        operation_id="admin_questions_update",
        request=QuestionWriteSerializer,
        responses=QuestionSerializer,
        tags=["admin"],
    )
    def put(self, request, question_id):
        return self._update(request, question_id, partial=False)

    @extend_schema(
        operation_id="admin_questions_partial_update",
        request=QuestionWriteSerializer,
        responses=QuestionSerializer,
        tags=["admin"],
    )
    def patch(self, request, question_id):
        return self._update(request, question_id, partial=True)

    @extend_schema(
        operation_id="admin_questions_destroy",
        responses={
            204: OpenApiResponse(description="Deleted: nobody had answered it."),
            200: OpenApiResponse(
                QuestionSerializer, description="Deactivated: answers refer to it."
            ),
        },
        tags=["admin"],
    )
    def delete(self, request, question_id):
        question = get_object_or_404(question_queryset(include_inactive=True), pk=question_id)
        if question_delete(question=question) == "deleted":
            return Response(status=status.HTTP_204_NO_CONTENT)
        question.refresh_from_db()
        return Response(QuestionSerializer(question).data)


# Each question is a paid provider call that may take seconds: no transaction is held open for it
# (questions_generate stores what it got in its own short one).
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class GenerateQuestionsView(APIView):
    """Questions written by the AI provider for a category (or a custom role), stored for this
    user. Counts against the analysis rate limit: each one is a paid provider call."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="questions_generate",
        request=GenerateInputSerializer,
        responses={
            201: QuestionSerializer(many=True),
            429: OpenApiResponse(description="The analysis rate limit: the error envelope."),
            503: OpenApiResponse(
                description="The error envelope, `ai_service_error`: the provider failed "
                "(`ai_unavailable`), or every candidate duplicated a question the user already "
                "has (`generation_exhausted`; the offline generator runs out of unique "
                "questions for a category)."
            ),
        },
        tags=["questions"],
    )
    @rate_limit(group="analysis", key="user", rate=lambda: settings.RATE_LIMITS["analysis"])
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
