from __future__ import annotations

from django.conf import settings
from django.http import FileResponse, HttpResponseRedirect
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.choices import JobCategory
from interview_platform.api.base import APIView
from interview_platform.api.pagination import PageNumberPagination
from interview_platform.api.params import query_params
from interview_platform.api.permissions import IsStaff
from interview_platform.api.ratelimit import enforce_rate_limit

from . import selectors
from .exports import CONTENT_TYPES
from .exports.links import download_path
from .models import ExportJob
from .selectors.exports import export_download, export_file_available, export_get, export_list
from .serializers import (
    AdminUserSerializer,
    AdminUsersQuerySerializer,
    BenchmarksQuerySerializer,
    BenchmarksSerializer,
    ExportCreateSerializer,
    ExportJobSerializer,
    PlatformAnalyticsSerializer,
    PlatformQuerySerializer,
    ProgressQuerySerializer,
    ProgressSerializer,
    SkillsSerializer,
    UserStatsQuerySerializer,
    UserStatsSerializer,
)
from .services.export_requests import export_create

_PAGE = [OpenApiParameter("page", int), OpenApiParameter("pageSize", int)]


def _params(serializer_class, request) -> dict:
    params = serializer_class(data=query_params(request))
    params.is_valid(raise_exception=True)
    return params.validated_data


class UserStatsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analytics_user_stats",
        summary="The user's performance totals",
        parameters=[UserStatsQuerySerializer],
        responses=UserStatsSerializer,
        tags=["analytics"],
    )
    def get(self, request):
        params = _params(UserStatsQuerySerializer, request)
        data = selectors.user_stats(user=request.user, tz=params["timezone"])
        return Response(UserStatsSerializer(data).data)


class ProgressView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analytics_progress",
        summary="Progress over time, by day or week",
        description="A bucket per day or ISO week from `from` to `to` (default: the last 30 "
        "days), empty buckets included. In UTC, finished days are read from the daily rollups "
        "and today from the live data.",
        parameters=[ProgressQuerySerializer],
        responses=ProgressSerializer,
        tags=["analytics"],
    )
    def get(self, request):
        params = _params(ProgressQuerySerializer, request)
        data = selectors.progress(
            user=request.user,
            period=params["period"],
            start=params["start"],
            end=params["end"],
            tz=params["timezone"],
        )
        return Response(ProgressSerializer(data).data)


class SkillsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analytics_skills",
        summary="Skill breakdown with trends and recurring weak areas",
        responses=SkillsSerializer,
        tags=["analytics"],
    )
    def get(self, request):
        return Response(SkillsSerializer(selectors.skills(user=request.user)).data)


class BenchmarksView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analytics_benchmarks",
        summary="The user's percentile among users of the same category",
        description="Computed in the database; the cohort's distribution is cached per "
        "category and difficulty for a few minutes.",
        parameters=[BenchmarksQuerySerializer],
        responses=BenchmarksSerializer,
        tags=["analytics"],
    )
    def get(self, request):
        params = _params(BenchmarksQuerySerializer, request)
        category = (
            params.get("category")
            or (request.user.preferences or {}).get("job_category")
            or JobCategory.SOFTWARE_ENGINEERING
        )
        data = selectors.benchmarks(
            user=request.user, category=category, difficulty=params.get("difficulty")
        )
        return Response(BenchmarksSerializer(data).data)


def _download_url(request, job: ExportJob) -> str | None:
    """A fresh signed link while the file is there; None before and after."""
    if not export_file_available(job):
        return None
    return request.build_absolute_uri(download_path(job))


def _job_response(request, job: ExportJob, **kwargs) -> Response:
    urls = {job.pk: _download_url(request, job)}
    return Response(ExportJobSerializer(job, context={"download_urls": urls}).data, **kwargs)


def _export_rate() -> str:
    return settings.RATE_LIMITS["export"]


class ExportListView(APIView):
    # Documents the list as `{count, next, previous, results}` (drf-spectacular).
    pagination_class = PageNumberPagination
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analytics_export_create",
        summary="Export my data (json, csv zip or pdf)",
        description="Queues the export on the `exports` queue and answers 202 with the job; "
        "poll `GET /api/analytics/export/{id}` for `downloadUrl`. Scope `all` is the GDPR "
        "export of every record of the user. At most 2 exports per hour.",
        request=ExportCreateSerializer,
        responses={
            202: ExportJobSerializer,
            429: OpenApiResponse(description="The error envelope: 2 exports per hour."),
        },
        tags=["analytics"],
    )
    def post(self, request):
        data = ExportCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        enforce_rate_limit(request, group="export", key="user_or_ip", rate=_export_rate())
        job = export_create(user=request.user, **data.validated_data)
        path = reverse("analytics-export-detail", kwargs={"export_id": job.pk})
        return _job_response(
            request,
            job,
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": request.build_absolute_uri(path)},
        )

    @extend_schema(
        operation_id="analytics_export_list",
        summary="My exports, newest first",
        parameters=_PAGE,
        responses=ExportJobSerializer(many=True),
        tags=["analytics"],
    )
    def get(self, request):
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(export_list(user=request.user), request, view=self)
        urls = {job.pk: _download_url(request, job) for job in page}
        return paginator.get_paginated_response(
            ExportJobSerializer(page, many=True, context={"download_urls": urls}).data
        )


class ExportDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="analytics_export_retrieve",
        summary="An export's status and, once completed, its signed download link",
        responses=ExportJobSerializer,
        tags=["analytics"],
    )
    def get(self, request, export_id):
        return _job_response(request, export_get(user=request.user, export_id=export_id))


# `{"export": {...}, "<table>": [rows] | {record} | null, ...}` (`exports/json_export.py`).
JSON_EXPORT_DOCUMENT = {
    "type": "object",
    "description": "The export: its header in `export`, then one member per table of the "
    "scope, an array of rows (or one record, such as `profile`).",
    "properties": {"export": {"type": "object"}},
    "required": ["export"],
    "additionalProperties": {
        "oneOf": [{"type": "array", "items": {"type": "object"}}, {"type": "object"}],
        "nullable": True,
    },
}


class ExportDownloadView(APIView):
    """The signed link is the authorisation: it works without a bearer token (a plain link for a
    frontend) for EXPORT_LINK_MAX_AGE_SECONDS, and only for the file it was made for."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="analytics_export_download",
        summary="Download an export's file (the signed, short-lived `downloadUrl`)",
        parameters=[OpenApiParameter("token", str, required=True, description="The signature.")],
        auth=[],
        responses={
            **{
                (200, content_type): OpenApiResponse(
                    # A JSON export is one document, not a string: a client parses it.
                    JSON_EXPORT_DOCUMENT
                    if content_type == "application/json"
                    else OpenApiTypes.BINARY,
                    description="The file: `json` is application/json, `csv` a zip archive "
                    "(application/zip) of one CSV per table, `pdf` application/pdf.",
                )
                for content_type in dict.fromkeys(CONTENT_TYPES.values())
            },
            302: OpenApiResponse(description="On S3: to a presigned URL of the private bucket."),
            403: OpenApiResponse(description="The link is not valid."),
            409: OpenApiResponse(description="The export is not ready yet."),
            410: OpenApiResponse(description="The link or the file has expired."),
        },
        tags=["analytics"],
    )
    def get(self, request, export_id):
        download = export_download(export_id=export_id, token=request.query_params.get("token", ""))
        if download.redirect_url:
            response = HttpResponseRedirect(download.redirect_url)
        else:
            response = FileResponse(
                download.file,
                as_attachment=True,
                filename=download.filename,
                content_type=download.content_type,
            )
        response["Cache-Control"] = "private, no-store"
        response["Referrer-Policy"] = "no-referrer"
        return response


class AdminUserListView(APIView):
    """Staff: every user with their practice totals."""

    # Documents the list as `{count, next, previous, results}` (drf-spectacular).
    pagination_class = PageNumberPagination
    permission_classes = [IsStaff]

    @extend_schema(
        operation_id="admin_users_list",
        parameters=[AdminUsersQuerySerializer, *_PAGE],
        responses=AdminUserSerializer(many=True),
        tags=["admin"],
    )
    def get(self, request):
        filters = _params(AdminUsersQuerySerializer, request)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(
            selectors.admin_user_list(filters=filters), request, view=self
        )
        return paginator.get_paginated_response(
            AdminUserSerializer(page, many=True, context={"request": request}).data
        )


class AdminAnalyticsView(APIView):
    """Staff: platform analytics over a range of UTC days (default: the last 30)."""

    permission_classes = [IsStaff]

    @extend_schema(
        operation_id="admin_analytics",
        summary="Platform analytics",
        description="Active users and sessions per day, completion rate, average score by "
        "category, AI provider latency p50/p95 and fallback and failure rates; cached for a "
        "minute per range.",
        parameters=[PlatformQuerySerializer],
        responses=PlatformAnalyticsSerializer,
        tags=["admin"],
    )
    def get(self, request):
        params = _params(PlatformQuerySerializer, request)
        data = selectors.platform_analytics(start=params["start"], end=params["end"])
        return Response(PlatformAnalyticsSerializer(data).data)
