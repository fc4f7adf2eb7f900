from __future__ import annotations

from django.db import transaction
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from djangorestframework_camel_case.parser import CamelCaseMultiPartParser
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from interview_platform.api.base import APIView
from interview_platform.api.errors import ApplicationError
from interview_platform.api.pagination import PageNumberPagination
from interview_platform.api.parsers import JSONParser
from sessions_app.selectors import session_get
from sessions_app.serializers import SessionDetailSerializer

from .resume import MAX_RESUME_BYTES
from .selectors import job_fit_get, job_profile_get, job_profile_list
from .serializers import (
    JobFitSerializer,
    JobProfileConfirmSerializer,
    JobProfileCreateSerializer,
    JobProfileListItemSerializer,
    JobProfileSerializer,
    JobSessionStartSerializer,
)
from .services import job_profile_confirm, job_profile_create, job_profile_delete, job_session_start


def _resume(upload) -> tuple[str, bytes | None]:
    if upload is None:
        return "", None
    if upload.size is not None and upload.size > MAX_RESUME_BYTES:
        message = _("A résumé may be at most 2 MB.")
        raise ApplicationError(
            message, code="resume_too_large", status=413, details={"fields": {"resume": [message]}}
        )
    return upload.name or "", upload.read(MAX_RESUME_BYTES + 1)


# Extraction may call the AI provider: no transaction is held open for it.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class JobProfileListView(APIView):
    # Documents the list as `{count, next, previous, results}` (drf-spectacular).
    pagination_class = PageNumberPagination
    permission_classes = [IsAuthenticated]
    # JSON, or multipart when a résumé file comes with the description.
    parser_classes = [JSONParser, CamelCaseMultiPartParser]

    @extend_schema(
        operation_id="jobs_profiles_list",
        responses=JobProfileListItemSerializer(many=True),
        tags=["jobs"],
    )
    def get(self, request):
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(job_profile_list(user=request.user), request, view=self)
        return paginator.get_paginated_response(JobProfileListItemSerializer(page, many=True).data)

    @extend_schema(
        operation_id="jobs_profiles_create",
        request={
            "application/json": JobProfileCreateSerializer,
            "multipart/form-data": JobProfileCreateSerializer,
        },
        responses={201: JobProfileSerializer},
        tags=["jobs"],
        description="Paste a job description (and optionally upload a résumé): the role's "
        "requirements are extracted for the user to confirm or edit.",
    )
    def post(self, request):
        data = JobProfileCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        params = data.validated_data
        name, content = _resume(params.get("resume"))
        profile = job_profile_create(
            user=request.user,
            description=params["description"],
            language=params.get("language"),
            title=params["title"],
            url=params["url"],
            resume_name=name,
            resume_data=content,
        )
        return Response(JobProfileSerializer(profile).data, status=status.HTTP_201_CREATED)


class JobProfileDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="jobs_profiles_retrieve", responses=JobProfileSerializer, tags=["jobs"]
    )
    def get(self, request, profile_id):
        return Response(
            JobProfileSerializer(job_profile_get(user=request.user, profile_id=profile_id)).data
        )

    @extend_schema(operation_id="jobs_profiles_destroy", responses={204: None}, tags=["jobs"])
    def delete(self, request, profile_id):
        job_profile_delete(user=request.user, profile_id=profile_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class JobProfileRequirementsView(APIView):
    """The user confirms (or edits) the extracted requirements."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="jobs_profiles_requirements_update",
        request=JobProfileConfirmSerializer,
        responses=JobProfileSerializer,
        tags=["jobs"],
    )
    def put(self, request, profile_id):
        data = JobProfileConfirmSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        profile = job_profile_confirm(
            user=request.user,
            profile_id=profile_id,
            requirements=data.validated_data["requirements"],
            category=data.validated_data.get("category"),
            difficulty=data.validated_data.get("difficulty"),
        )
        return Response(JobProfileSerializer(profile).data)


# The résumé questions may be written by the AI provider: no transaction is held open for it; the
# service stores them with the session in its own short one.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class JobSessionStartView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="jobs_profiles_sessions_create",
        request=JobSessionStartSerializer,
        responses={201: SessionDetailSerializer},
        tags=["jobs"],
    )
    def post(self, request, profile_id):
        data = JobSessionStartSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        session = job_session_start(
            user=request.user,
            profile_id=profile_id,
            question_count=data.validated_data["question_count"],
            follow_ups=data.validated_data["follow_ups"],
            metadata={
                "user_agent": request.META.get("HTTP_USER_AGENT", "")[:500],
                "platform": "unknown",
            },
        )
        body = SessionDetailSerializer(
            session_get(user=request.user, session_id=session.pk),
            context={"staff": request.user.is_staff},
        ).data
        return Response(body, status=status.HTTP_201_CREATED)


class JobFitView(APIView):
    """A job session's requirements: covered (with the answers' sentences) or missing."""

    permission_classes = [IsAuthenticated]

    @extend_schema(operation_id="jobs_sessions_fit", responses=JobFitSerializer, tags=["jobs"])
    def get(self, request, session_id):
        return Response(
            JobFitSerializer(job_fit_get(user=request.user, session_id=session_id)).data
        )
