"""DRF's exception handler: every exception raised under a DRF view becomes the error envelope."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import (
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError
from django.http import Http404
from django.utils.translation import gettext as _
from django_ratelimit.exceptions import Ratelimited
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import set_rollback

from interview_platform.handlers import SAFE_METHODS

from .envelope import error_body
from .errors import ApplicationError, ErrorType

logger = logging.getLogger("api.errors")


def _response(
    status_code: int,
    *,
    type: str,
    code: str,
    message: str,
    details: Any = None,
    headers: dict[str, str] | None = None,
) -> Response:
    return Response(
        error_body(type=type, code=code, message=message, details=details),
        status=status_code,
        headers=headers,
    )


def _first_message(detail: Any) -> str | None:
    if isinstance(detail, dict):
        for value in detail.values():
            found = _first_message(value)
            if found:
                return found
    elif isinstance(detail, list):
        for value in detail:
            found = _first_message(value)
            if found:
                return found
    elif detail:
        return str(detail)
    return None


def _field_errors(detail: Any) -> dict[str, Any]:
    if isinstance(detail, dict):
        return {key: value for key, value in detail.items()}
    return {"nonFieldErrors": detail if isinstance(detail, list) else [detail]}


def _auth_code(exc: exceptions.APIException) -> str:
    codes = exc.get_codes()
    if isinstance(codes, dict):
        codes = codes.get("code") or codes.get("detail") or next(iter(codes.values()), None)
    if isinstance(codes, list):
        codes = codes[0] if codes else None
    return str(codes or exc.default_code)


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    response = _handle(exc)
    request = context.get("request")
    # A non_atomic_requests view (session start, answers) has no request transaction either.
    non_atomic = getattr(getattr(context.get("view"), "dispatch", None), "_non_atomic_requests", ())
    in_request_transaction = (request is None or request.method not in SAFE_METHODS) and (
        DEFAULT_DB_ALIAS not in non_atomic
    )
    if response is not None and in_request_transaction and not getattr(exc, "keep_writes", False):
        # Under ATOMIC_REQUESTS an error answer must not commit what the view wrote before it.
        # A safe method has no request transaction (interview_platform/handlers.py): whatever
        # atomic block is open around it is not its to roll back.
        set_rollback()
    return response


def request_refusal(exc: Exception) -> tuple[int, str, str] | None:
    """(status, code, message) for a request Django refuses to read: too big, too many fields,
    or otherwise suspicious. The client's fault, never a 500."""
    if isinstance(exc, (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)):
        return 413, "payload_too_large", _("The request body is too large.")
    if isinstance(exc, SuspiciousOperation):
        return 400, "bad_request", _("Bad request.")
    return None


def _handle(exc: Exception) -> Response | None:
    refusal = request_refusal(exc)
    if refusal is not None:
        status_code, code, message = refusal
        return _response(status_code, type=ErrorType.VALIDATION, code=code, message=message)
    if isinstance(exc, ApplicationError):
        return _response(
            exc.status,
            type=exc.type,
            code=exc.code,
            message=exc.message,
            details=exc.details,
            headers=exc.headers,
        )
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, Ratelimited):
        return _response(
            429,
            type=ErrorType.RATE_LIMIT,
            code="rate_limited",
            message=_("Too many requests. Try again later."),
            details={"retryAfter": 60},
            headers={"Retry-After": "60"},
        )
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, (OperationalError, InterfaceError)):
        logger.error("database unavailable", exc_info=exc, extra={"operation": "database"})
        return _response(
            503,
            type=ErrorType.DATABASE,
            code="database_unavailable",
            message=_("The database is unavailable. Please try again shortly."),
        )
    if isinstance(exc, DatabaseError):
        return None  # a bug, not an outage: the middleware answers 500

    if not isinstance(exc, exceptions.APIException):
        return None

    headers: dict[str, str] = {}
    if isinstance(exc, exceptions.ValidationError):
        return _response(
            400,
            type=ErrorType.VALIDATION,
            code="invalid_input",
            message=_first_message(exc.detail) or _("Invalid input."),
            details={"fields": _field_errors(exc.detail)},
        )
    if isinstance(exc, exceptions.ParseError):
        return _response(
            400, type=ErrorType.VALIDATION, code="malformed_request", message=str(exc.detail)
        )
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return _response(
            415, type=ErrorType.VALIDATION, code="unsupported_media_type", message=str(exc.detail)
        )
    if isinstance(exc, exceptions.MethodNotAllowed):
        return _response(
            405, type=ErrorType.VALIDATION, code="method_not_allowed", message=str(exc.detail)
        )
    if isinstance(exc, exceptions.NotAcceptable):
        return _response(
            406, type=ErrorType.VALIDATION, code="not_acceptable", message=str(exc.detail)
        )
    if isinstance(exc, exceptions.NotFound):
        return _response(404, type=ErrorType.VALIDATION, code="not_found", message=_("Not found."))
    if isinstance(exc, exceptions.Throttled):
        wait = int(exc.wait or 1)
        return _response(
            429,
            type=ErrorType.RATE_LIMIT,
            code="rate_limited",
            message=str(exc.detail),
            details={"retryAfter": wait},
            headers={"Retry-After": str(wait)},
        )
    if isinstance(exc, exceptions.NotAuthenticated):
        return _response(
            401,
            type=ErrorType.AUTHENTICATION,
            code="not_authenticated",
            message=str(exc.detail),
            headers={"WWW-Authenticate": 'Bearer realm="api"'},
        )
    if isinstance(exc, exceptions.AuthenticationFailed):
        return _response(
            401,
            type=ErrorType.AUTHENTICATION,
            code=_auth_code(exc),
            message=_first_message(exc.detail) or _("Authentication failed."),
            headers={"WWW-Authenticate": 'Bearer realm="api"'},
        )
    if isinstance(exc, exceptions.PermissionDenied):
        return _response(
            403, type=ErrorType.AUTHENTICATION, code="permission_denied", message=str(exc.detail)
        )
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    error_type = ErrorType.INTERNAL if exc.status_code >= 500 else ErrorType.VALIDATION
    return _response(
        exc.status_code,
        type=error_type,
        code=str(exc.default_code),
        message=_first_message(exc.detail) or str(exc),
        headers=headers,
    )
