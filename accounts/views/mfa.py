"""`/api/auth/mfa/*`: TOTP setup and removal, recovery codes, and the login's second step."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from interview_platform.api.base import APIView

from .. import selectors, services
from ..ratelimits import auth_rate_limit, body_identifier
from ..serializers import (
    AuthSessionSerializer,
    MfaCodeSerializer,
    MfaProofSerializer,
    MfaStatusSerializer,
    MfaVerifySerializer,
    RecoveryCodesSerializer,
    TotpSetupSerializer,
)
from .auth import PublicAuthView
from .common import (
    MFA_UNAVAILABLE,
    NOT_AUTHENTICATED,
    RATE_LIMITED,
    REAUTHENTICATION_REQUIRED,
    auth_body,
    errors,
    validated,
)

_CODE_ERRORS = errors("invalid_input", "invalid_mfa_code", "mfa_not_enabled")


class MfaView(APIView):
    permission_classes = [IsAuthenticated]

    def limit(self, request) -> None:
        # Codes are six digits: guesses are limited per account, not only per IP.
        auth_rate_limit(request, group="auth.mfa", identifier=str(request.user.pk))


class MfaStatusView(MfaView):
    @extend_schema(
        operation_id="auth_mfa_status",
        summary="Whether two-factor authentication is on",
        responses={200: MfaStatusSerializer, 401: NOT_AUTHENTICATED},
        tags=["auth: mfa"],
    )
    def get(self, request):
        mfa = selectors.user_mfa_status(user=request.user)
        return Response(
            {"enabled": mfa.enabled, "recovery_codes_remaining": mfa.recovery_codes_remaining}
        )


class TotpSetupView(MfaView):
    @extend_schema(
        operation_id="auth_mfa_totp_setup",
        summary="Start TOTP setup: a new secret, its otpauth URI and QR code",
        description="Nothing changes until `POST /api/auth/mfa/totp/confirm` sends a code "
        "from the app (within 10 minutes).",
        request=None,
        responses={
            200: TotpSetupSerializer,
            401: NOT_AUTHENTICATED,
            409: errors("mfa_already_enabled"),
        },
        tags=["auth: mfa"],
    )
    def post(self, request):
        setup = services.totp_setup_start(user=request.user)
        return Response(
            {"secret": setup.secret, "otpauth_uri": setup.otpauth_uri, "qr_code": setup.qr_code}
        )


class TotpConfirmView(MfaView):
    @extend_schema(
        operation_id="auth_mfa_totp_confirm",
        summary="Turn TOTP on with a code from the app; returns the recovery codes",
        request=MfaCodeSerializer,
        responses={
            201: RecoveryCodesSerializer,
            400: errors("invalid_input", "invalid_mfa_code", "mfa_setup_expired"),
            401: NOT_AUTHENTICATED,
            409: errors("mfa_already_enabled"),
            429: RATE_LIMITED,
        },
        tags=["auth: mfa"],
    )
    def post(self, request):
        self.limit(request)
        data = validated(MfaCodeSerializer, request)
        codes = services.totp_setup_confirm(user=request.user, code=data["code"])
        return Response({"codes": codes}, status=status.HTTP_201_CREATED)


class TotpDisableView(MfaView):
    @extend_schema(
        operation_id="auth_mfa_totp_disable",
        summary="Turn two-factor authentication off (a fresh re-authentication, or a code sent "
        "along)",
        description="Without a `code` (current or recovery), answers 403 "
        "`reauthentication_required` unless the caller signed in or called "
        "`POST /api/auth/reauthenticate` within the last few minutes.",
        request=MfaProofSerializer,
        responses={
            204: None,
            400: _CODE_ERRORS,
            401: NOT_AUTHENTICATED,
            403: REAUTHENTICATION_REQUIRED,
            429: RATE_LIMITED,
        },
        tags=["auth: mfa"],
    )
    def post(self, request):
        self.limit(request)
        data = validated(MfaProofSerializer, request)
        services.mfa_disable(request=request, code=data.get("code"))
        return Response(status=status.HTTP_204_NO_CONTENT)


class RecoveryCodesView(MfaView):
    @extend_schema(
        operation_id="auth_mfa_recovery_codes_list",
        summary="The unused recovery codes (needs a fresh re-authentication)",
        description="Answers 403 `reauthentication_required` unless the caller signed in or "
        "called `POST /api/auth/reauthenticate` within the last few minutes.",
        responses={
            200: RecoveryCodesSerializer,
            401: NOT_AUTHENTICATED,
            403: REAUTHENTICATION_REQUIRED,
        },
        tags=["auth: mfa"],
    )
    def get(self, request):
        return Response({"codes": services.recovery_codes_reveal(request=request)})

    @extend_schema(
        operation_id="auth_mfa_recovery_codes_regenerate",
        summary="Replace the recovery codes (a fresh re-authentication, or a code from the app "
        "sent along)",
        description="Without a `code` from the app, answers 403 `reauthentication_required` "
        "unless the caller signed in or called `POST /api/auth/reauthenticate` within the last "
        "few minutes.",
        request=MfaProofSerializer,
        responses={
            201: RecoveryCodesSerializer,
            400: _CODE_ERRORS,
            401: NOT_AUTHENTICATED,
            403: REAUTHENTICATION_REQUIRED,
            429: RATE_LIMITED,
        },
        tags=["auth: mfa"],
    )
    def post(self, request):
        self.limit(request)
        data = validated(MfaProofSerializer, request)
        codes = services.recovery_codes_renew(request=request, code=data.get("code"))
        return Response({"codes": codes}, status=status.HTTP_201_CREATED)


class MfaVerifyView(PublicAuthView):
    @extend_schema(
        operation_id="auth_mfa_verify",
        summary="Finish an MFA login: the mfaToken from login plus a code",
        request=MfaVerifySerializer,
        responses={
            200: AuthSessionSerializer,
            400: errors("invalid_input"),
            401: errors("invalid_mfa_code", "token_expired", "token_invalid", "token_reused"),
            403: errors("account_disabled"),
            429: RATE_LIMITED,
            503: MFA_UNAVAILABLE,
        },
        tags=["auth: mfa"],
    )
    def post(self, request):
        # Per login attempt too: each mfaToken gets a few guesses, however many IPs try it.
        auth_rate_limit(
            request, group="auth.mfa-verify", identifier=body_identifier(request, "mfa_token")
        )
        data = validated(MfaVerifySerializer, request)
        result = services.mfa_login_verify(mfa_token=data["mfa_token"], code=data["code"])
        return Response(auth_body(result, request))
