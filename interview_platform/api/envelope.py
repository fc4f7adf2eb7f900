"""Builds the spec's ErrorResponse body, the single shape of every API error."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.http import JsonResponse

from interview_platform.logging import request_id_var

from .errors import ErrorType


def error_body(*, type: str, code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {
        "success": False,
        "error": {"type": str(type), "message": str(message), "code": code, "details": details},
        "requestId": request_id_var.get(),
        "timestamp": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
    }


def error_response(
    *,
    status: int,
    code: str,
    message: str,
    type: str = ErrorType.VALIDATION,
    details: Any = None,
    headers: dict[str, str] | None = None,
) -> JsonResponse:
    response = JsonResponse(
        error_body(type=type, code=code, message=message, details=details),
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response
