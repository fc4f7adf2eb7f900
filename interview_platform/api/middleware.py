"""Request id, the error envelope outside DRF, and the access log."""

from __future__ import annotations

import logging
import re
import time
import traceback
import uuid

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext as _

from interview_platform.logging import request_id_var, session_id_var, user_id_var

from .envelope import error_response
from .errors import ErrorType

logger = logging.getLogger("api.request")
error_logger = logging.getLogger("api.errors")

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


class RequestIdMiddleware:
    """Takes a sane incoming X-Request-ID or makes one; echoes it and puts it in every log line."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if _SANE_REQUEST_ID.match(incoming) else str(uuid.uuid4())
        request.request_id = request_id
        tokens = (
            request_id_var.set(request_id),
            user_id_var.set(None),
            session_id_var.set(None),
        )
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(tokens[0])
            user_id_var.reset(tokens[1])
            session_id_var.reset(tokens[2])
        response[REQUEST_ID_HEADER] = request_id
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Routes about one practice session name it, so its log lines carry the sessionId.
        if "session_id" in view_kwargs:
            session_id_var.set(str(view_kwargs["session_id"]))


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response; `Cache-Control: no-store` on API responses.

    API responses carry tokens and personal data (profiles, answers, scores), so no browser or
    shared cache may keep them, unless a view chose its own caching policy.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and not response.has_header("Permissions-Policy"):
            response["Permissions-Policy"] = policy
        if _is_api(request) and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store"
        return response


class ApiExceptionMiddleware:
    """Under /api/, Django's own error pages (404, 405, 500, CSRF) become the error envelope."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not _is_api(request) or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        return self._envelope_for_status(response.status_code, response)

    def _envelope_for_status(self, status: int, original):
        if status == 404:
            return error_response(
                status=404, code="not_found", message=_("Not found."), type=ErrorType.VALIDATION
            )
        if status == 405:
            response = error_response(
                status=405,
                code="method_not_allowed",
                message=_("Method not allowed."),
                type=ErrorType.VALIDATION,
            )
            if original.has_header("Allow"):
                response["Allow"] = original["Allow"]
            return response
        if status == 403:
            return error_response(
                status=403,
                code="permission_denied",
                message=_("You do not have permission to perform this action."),
                type=ErrorType.AUTHENTICATION,
            )
        if status >= 500:
            return error_response(
                status=status,
                code="internal_error",
                message=_("Something went wrong on our side."),
                type=ErrorType.INTERNAL,
            )
        return error_response(
            status=status, code="bad_request", message=_("Bad request."), type=ErrorType.VALIDATION
        )

    def process_exception(self, request, exception):
        if not _is_api(request):
            return None
        from .exception_handler import request_refusal

        refusal = request_refusal(exception)
        if refusal is not None:
            status, code, message = refusal
            return error_response(status=status, code=code, message=message)
        if isinstance(exception, (OperationalError, InterfaceError)):
            error_logger.error("database unavailable", exc_info=exception)
            return error_response(
                status=503,
                code="database_unavailable",
                message=_("The database is unavailable. Please try again shortly."),
                type=ErrorType.DATABASE,
            )
        error_logger.error("unhandled error", exc_info=exception, extra={"operation": request.path})
        details = None
        if settings.DEBUG:
            details = {"exception": repr(exception), "stack": traceback.format_exc()}
        return error_response(
            status=500,
            code="internal_error",
            message=_("Something went wrong on our side."),
            type=ErrorType.INTERNAL,
            details=details,
        )


class AccessLogMiddleware:
    """One structured line per API request: operation, status, duration, user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if _is_api(request):
            user = getattr(request, "user", None)
            user_id = str(user.pk) if user is not None and user.is_authenticated else None
            level = logging.WARNING if response.status_code >= 400 else logging.INFO
            if response.status_code >= 500:
                level = logging.ERROR
            logger.log(
                level,
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "service": "api",
                    "operation": f"{request.method} {request.path}",
                    "duration": round((time.perf_counter() - started) * 1000, 2),
                    "user_id": user_id,
                    "metadata": {"status": response.status_code},
                },
            )
        return response
