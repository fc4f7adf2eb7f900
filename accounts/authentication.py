"""Bearer-token authentication for the API: simplejwt's, with revocation and stable error codes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from rest_framework import exceptions
from rest_framework_simplejwt import authentication
from rest_framework_simplejwt.exceptions import ExpiredTokenError, TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import Token

from interview_platform.api.errors import ApplicationError, ErrorType
from interview_platform.logging import user_id_var

from . import tokens
from .models import User


def account_disabled_error() -> ApplicationError:
    return ApplicationError(
        _("This account has been deactivated."),
        code="account_disabled",
        type=ErrorType.AUTHENTICATION,
        status=403,
    )


class JWTAuthentication(authentication.JWTAuthentication):
    """Answers `token_expired` (refresh and retry), `token_invalid` or `token_revoked` (sign in
    again), or `account_disabled`, decided by exception type rather than by message text.

    A token is revoked when its family ended (logout, refresh-token reuse) or the user's password
    or email changed since it was issued; both are read with the user, in one query.
    """

    def get_validated_token(self, raw_token: bytes) -> Token:
        expired = False
        for token_class in api_settings.AUTH_TOKEN_CLASSES:
            try:
                return token_class(raw_token)
            except ExpiredTokenError:
                expired = True
            except TokenError:
                continue
        if expired:
            raise exceptions.AuthenticationFailed(
                _("The access token has expired."), code="token_expired"
            )
        raise _token_invalid()

    def get_user(self, validated_token: Token) -> User:
        if tokens.family_id_of(validated_token.payload) is None:
            raise _token_invalid()  # issued before families existed, or not one of ours
        user, live = tokens.user_for_access_token(validated_token.payload)
        # A deleted account's tokens were revoked with it.
        if user is None or not live:
            raise exceptions.AuthenticationFailed(
                _("This token has been revoked. Sign in again."), code="token_revoked"
            )
        if not user.is_active:
            raise account_disabled_error()
        user_id_var.set(str(user.pk))
        return user


def _token_invalid() -> exceptions.AuthenticationFailed:
    return exceptions.AuthenticationFailed(_("The access token is invalid."), code="token_invalid")


class JWTAuthenticationScheme(SimpleJWTScheme):
    """drf-spectacular documents simplejwt's class only, not subclasses of it."""

    target_class = "accounts.authentication.JWTAuthentication"
