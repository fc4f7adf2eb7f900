"""The one application error type and the spec's ErrorType values."""

from __future__ import annotations

from typing import Any

from django.db import models


class ErrorType(models.TextChoices):
    AUTHENTICATION = "auth_error"
    VALIDATION = "validation_error"
    AI_SERVICE = "ai_service_error"
    DATABASE = "database_error"
    RATE_LIMIT = "rate_limit_error"
    NETWORK = "network_error"
    INTERNAL = "internal_error"


_DEFAULT_STATUS = {
    ErrorType.AUTHENTICATION: 401,
    ErrorType.VALIDATION: 400,
    ErrorType.AI_SERVICE: 502,
    ErrorType.DATABASE: 503,
    ErrorType.RATE_LIMIT: 429,
    ErrorType.NETWORK: 503,
    ErrorType.INTERNAL: 500,
}


class ApplicationError(Exception):
    """Raised by services; the exception handler turns it into the error envelope."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        type: ErrorType = ErrorType.VALIDATION,
        status: int | None = None,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        keep_writes: bool = False,
    ) -> None:
        super().__init__(message)
        # True for an error that reports what the request recorded (a revocation, say): the
        # request's transaction commits instead of rolling back.
        self.keep_writes = keep_writes
        self.message = str(message)
        self.code = code
        self.type = ErrorType(type)
        self.status = status or _DEFAULT_STATUS[self.type]
        self.details = details
        self.headers = headers or {}


class RateLimitExceeded(ApplicationError):
    def __init__(self, *, retry_after: int, scope: str) -> None:
        from django.utils.translation import gettext

        super().__init__(
            gettext("Too many requests. Try again in %(seconds)s seconds.")
            % {"seconds": retry_after},
            code="rate_limited",
            type=ErrorType.RATE_LIMIT,
            status=429,
            details={"retryAfter": retry_after, "scope": scope},
            headers={"Retry-After": str(retry_after)},
        )
