from __future__ import annotations

from django.db import transaction
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from . import health
from .base import APIView
from .envelope import error_body
from .errors import ErrorType

_check = inline_serializer(
    "HealthCheck",
    {
        "status": serializers.ChoiceField(choices=["ok", "down"]),
        "latencyMs": serializers.FloatField(required=False),
        "error": serializers.CharField(required=False),
    },
)


# Outside a request transaction, so a database that is down is reported as one failed part.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class HealthView(APIView):
    """Database, cache and broker: 200 when all answer, 503 naming the parts that did not."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        operation_id="health",
        responses={
            200: inline_serializer(
                "Health",
                {
                    "status": serializers.CharField(),
                    "checks": serializers.DictField(child=_check),
                },
            ),
            503: OpenApiResponse(
                description="The error envelope; `details.checks` says which part is down."
            ),
        },
        tags=["health"],
    )
    def get(self, request):
        checks = health.health_report()
        down = sorted(name for name, result in checks.items() if result["status"] != "ok")
        if down:
            body = error_body(
                type=ErrorType.DATABASE if "database" in down else ErrorType.NETWORK,
                code="service_unavailable",
                message=_("Unavailable: %(parts)s.") % {"parts": ", ".join(down)},
                details={"down": down, "checks": checks},
            )
            return Response(body, status=503)
        return Response({"status": "ok", "checks": checks})


# The benchmark's baseline (`make bench`): the cost of the stack alone (gunicorn, middleware, DRF
# rendering) with no authentication, no database and no cache, so every other figure can be read
# as a ratio to it. Non-atomic, or ATOMIC_REQUESTS would check a connection out of the pool.
@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PingView(APIView):
    """Answers `{"pong": true}` without touching the database, the cache or the user."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        operation_id="ping",
        responses={200: inline_serializer("Pong", {"pong": serializers.BooleanField()})},
        tags=["health"],
    )
    def get(self, request):
        return Response({"pong": True})
