"""The errors of the auth API, one function per stable `code` so that every path words it alike."""

from __future__ import annotations

from django.utils.translation import gettext as _

from interview_platform.api.errors import ApplicationError, ErrorType

from .authentication import account_disabled_error

__all__ = [
    "account_disabled_error",
    "auth_error",
    "field_error",
    "invalid_credentials",
    "token_expired",
    "token_invalid",
    "token_reused",
    "token_revoked",
]


def auth_error(message: str, *, code: str, status: int = 401) -> ApplicationError:
    return ApplicationError(message, code=code, type=ErrorType.AUTHENTICATION, status=status)


def field_error(
    message: str,
    *,
    code: str,
    field: str,
    messages: list[str] | None = None,
    status: int = 400,
    type: ErrorType = ErrorType.VALIDATION,
) -> ApplicationError:
    """An error naming the field it is about, like DRF's own field errors."""
    return ApplicationError(
        message,
        code=code,
        type=type,
        status=status,
        details={"fields": {field: messages or [message]}},
    )


def invalid_credentials(status: int = 401) -> ApplicationError:
    return auth_error(
        _("The email or password is incorrect."), code="invalid_credentials", status=status
    )


def token_expired() -> ApplicationError:
    return auth_error(_("The token has expired."), code="token_expired")


def token_invalid() -> ApplicationError:
    return auth_error(_("The token is invalid."), code="token_invalid")


def token_reused() -> ApplicationError:
    """Its sign-in was revoked by this very request: that revocation is kept."""
    return ApplicationError(
        _("This refresh token was already used or revoked. Sign in again."),
        code="token_reused",
        type=ErrorType.AUTHENTICATION,
        keep_writes=True,
    )


def token_revoked() -> ApplicationError:
    return auth_error(_("This token has been revoked. Sign in again."), code="token_revoked")
