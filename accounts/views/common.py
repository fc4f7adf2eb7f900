"""What the accounts views share: input parsing, the login response, schema fragments."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, PolymorphicProxySerializer
from rest_framework import serializers

from ..serializers import MfaChallengeSerializer, UserSerializer
from ..services import AuthResult


def validated(serializer_class: type[serializers.Serializer], request, **kwargs) -> dict[str, Any]:
    serializer = serializer_class(data=request.data, context={"request": request}, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def user_body(user, request) -> dict[str, Any]:
    return UserSerializer(user, context={"request": request}).data


def auth_body(result: AuthResult, request, *, with_created: bool = False) -> dict[str, Any]:
    """Tokens and the user, or the MFA challenge when a second factor is still needed."""
    if result.mfa_required:
        return {"mfa_required": True, "mfa_token": result.mfa_token}
    body = {
        "user": user_body(result.user, request),
        "access_token": result.tokens.access,
        "refresh_token": result.tokens.refresh,
    }
    if with_created:
        body["created"] = result.created
    return body


def login_result(component_name: str, session_serializer) -> PolymorphicProxySerializer:
    return PolymorphicProxySerializer(
        component_name=component_name,
        serializers=[session_serializer, MfaChallengeSerializer],
        resource_type_field_name=None,
    )


def errors(*codes: str) -> OpenApiResponse:
    return OpenApiResponse(
        description="The error envelope; `error.code` is one of: "
        + ", ".join(f"`{code}`" for code in codes)
        + "."
    )


RATE_LIMITED = errors("rate_limited")
NOT_AUTHENTICATED = errors(
    "not_authenticated", "token_expired", "token_invalid", "token_revoked", "account_disabled"
)
REAUTHENTICATION_REQUIRED = errors("reauthentication_required")
MFA_UNAVAILABLE = errors("mfa_unavailable")
