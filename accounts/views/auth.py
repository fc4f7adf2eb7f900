"""`/api/auth/*`: register, login, refresh, logout, password reset, Google and LinkedIn."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework_simplejwt.tokens import Token

from interview_platform.api.base import APIView

from .. import services
from ..ratelimits import auth_rate_limit, body_identifier
from ..serializers import (
    AuthSessionSerializer,
    ForgotPasswordSerializer,
    GoogleOAuthSerializer,
    LinkedInOAuthSerializer,
    LoginSerializer,
    OAuthSessionSerializer,
    ReauthenticatedSerializer,
    ReauthenticateSerializer,
    RefreshTokenSerializer,
    RegisterSerializer,
    ResetPasswordSerializer,
    TokenPairSerializer,
)
from .common import NOT_AUTHENTICATED, RATE_LIMITED, auth_body, errors, login_result, validated


class PublicAuthView(APIView):
    """No authentication is read: a stale bearer token must not block signing in again."""

    permission_classes = [AllowAny]
    authentication_classes: list = []


class RegisterView(PublicAuthView):
    @extend_schema(
        operation_id="auth_register",
        summary="Create an account with email and password",
        request=RegisterSerializer,
        responses={
            201: AuthSessionSerializer,
            400: errors("invalid_input", "weak_password"),
            409: errors("email_taken"),
            429: RATE_LIMITED,
        },
        tags=["auth"],
    )
    def post(self, request):
        auth_rate_limit(
            request, group="auth.register", identifier=body_identifier(request, "email")
        )
        data = validated(RegisterSerializer, request)
        result = services.user_register(
            email=data["email"],
            password=data["password"],
            name=data["name"],
            language=data.get("language"),
        )
        return Response(auth_body(result, request), status=status.HTTP_201_CREATED)


class LoginView(PublicAuthView):
    @extend_schema(
        operation_id="auth_login",
        summary="Sign in with email and password",
        description="Users with MFA on get `{mfaRequired: true, mfaToken}` instead of tokens: "
        "send it with a code to `POST /api/auth/mfa/verify`.",
        request=LoginSerializer,
        responses={
            200: login_result("LoginResult", AuthSessionSerializer),
            400: errors("invalid_input"),
            401: errors("invalid_credentials"),
            403: errors("account_disabled"),
            429: RATE_LIMITED,
        },
        tags=["auth"],
    )
    def post(self, request):
        auth_rate_limit(request, group="auth.login", identifier=body_identifier(request, "email"))
        data = validated(LoginSerializer, request)
        result = services.user_login(email=data["email"], password=data["password"])
        return Response(auth_body(result, request))


class RefreshView(PublicAuthView):
    @extend_schema(
        operation_id="auth_refresh",
        summary="Exchange a refresh token for a new pair (the old one stops working)",
        request=RefreshTokenSerializer,
        responses={
            200: TokenPairSerializer,
            401: errors("token_expired", "token_invalid", "token_reused", "token_revoked"),
            403: errors("account_disabled"),
            429: RATE_LIMITED,
        },
        tags=["auth"],
    )
    def post(self, request):
        auth_rate_limit(request, group="auth.refresh")
        data = validated(RefreshTokenSerializer, request)
        pair = services.token_refresh(refresh_token=data["refresh_token"])
        return Response({"access_token": pair.access, "refresh_token": pair.refresh})


class LogoutView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="auth_logout",
        summary="Revoke the refresh token and, at once, the access token",
        request=RefreshTokenSerializer,
        responses={204: None, 401: NOT_AUTHENTICATED},
        tags=["auth"],
    )
    def post(self, request):
        data = validated(RefreshTokenSerializer, request)
        services.user_logout(
            user=request.user,
            refresh_token=data["refresh_token"],
            access_token=request.auth if isinstance(request.auth, Token) else None,
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


_ACCEPTED = inline_serializer("ForgotPasswordAccepted", {"detail": serializers.CharField()})


class ForgotPasswordView(PublicAuthView):
    @extend_schema(
        operation_id="auth_forgot_password",
        summary="Email a password-reset link",
        description="Always 202, whether or not the address has an account.",
        request=ForgotPasswordSerializer,
        responses={202: _ACCEPTED, 400: errors("invalid_input"), 429: RATE_LIMITED},
        tags=["auth"],
    )
    def post(self, request):
        auth_rate_limit(
            request, group="auth.forgot-password", identifier=body_identifier(request, "email")
        )
        data = validated(ForgotPasswordSerializer, request)
        services.password_reset_request(
            email=data["email"], site_url=request.build_absolute_uri("/")
        )
        message = _("If an account uses this address, a reset link is on its way.")
        return Response({"detail": message}, status=status.HTTP_202_ACCEPTED)


class ResetPasswordView(PublicAuthView):
    @extend_schema(
        operation_id="auth_reset_password",
        summary="Set a new password with the emailed uid and token",
        description="Signs the user out everywhere: every refresh token is revoked.",
        request=ResetPasswordSerializer,
        responses={
            204: None,
            400: errors("invalid_input", "reset_token_invalid", "weak_password"),
            429: RATE_LIMITED,
        },
        tags=["auth"],
    )
    def post(self, request):
        auth_rate_limit(
            request, group="auth.reset-password", identifier=body_identifier(request, "uid")
        )
        data = validated(ResetPasswordSerializer, request)
        services.password_reset_confirm(
            uid=data["uid"], token=data["token"], password=data["password"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


_OAUTH_ERRORS = {
    400: errors("invalid_input", "oauth_email_missing"),
    401: errors("oauth_token_invalid", "oauth_failed"),
    403: errors("account_disabled", "signup_closed"),
    404: errors("oauth_provider_not_configured"),
    409: errors("email_taken"),
    429: RATE_LIMITED,
}


class GoogleOAuthView(PublicAuthView):
    @extend_schema(
        operation_id="auth_oauth_google",
        summary="Sign in (or up) with Google",
        description="Send the ID token Google Identity Services gave the browser, or an "
        "authorization code with the redirect URI it was issued for. An existing account with "
        "the same verified email is linked.",
        request=GoogleOAuthSerializer,
        responses={200: login_result("OAuthLoginResult", OAuthSessionSerializer), **_OAUTH_ERRORS},
        tags=["auth"],
    )
    def post(self, request):
        auth_rate_limit(request, group="auth.oauth")
        data = validated(GoogleOAuthSerializer, request)
        result = services.oauth_login(
            request=request._request,
            provider_id="google",
            id_token=data.get("id_token"),
            code=data.get("code"),
            redirect_uri=data.get("redirect_uri"),
            code_verifier=data.get("code_verifier"),
        )
        return Response(auth_body(result, request, with_created=True))


class LinkedInOAuthView(PublicAuthView):
    @extend_schema(
        operation_id="auth_oauth_linkedin",
        summary="Sign in (or up) with LinkedIn (OpenID Connect)",
        request=LinkedInOAuthSerializer,
        responses={200: login_result("OAuthLoginResult", OAuthSessionSerializer), **_OAUTH_ERRORS},
        tags=["auth"],
    )
    def post(self, request):
        auth_rate_limit(request, group="auth.oauth")
        data = validated(LinkedInOAuthSerializer, request)
        result = services.oauth_login(
            request=request._request,
            provider_id="linkedin",
            code=data["code"],
            redirect_uri=data["redirect_uri"],
            code_verifier=data.get("code_verifier"),
        )
        return Response(auth_body(result, request, with_created=True))


class ReauthenticateView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="auth_reauthenticate",
        summary="Confirm it is you again, before a sensitive action",
        description="Send the password or an authenticator (or recovery) code. For the next few "
        "minutes this sign-in may see recovery codes and change the password or email without "
        "being asked again; those answer 403 `reauthentication_required` otherwise.",
        request=ReauthenticateSerializer,
        responses={
            200: ReauthenticatedSerializer,
            400: errors("invalid_input"),
            401: NOT_AUTHENTICATED,
            403: errors("invalid_credentials", "invalid_mfa_code"),
            429: RATE_LIMITED,
            503: errors("mfa_unavailable"),
        },
        tags=["auth"],
    )
    def post(self, request):
        auth_rate_limit(request, group="auth.reauthenticate", identifier=str(request.user.pk))
        data = validated(ReauthenticateSerializer, request)
        expires_at = services.reauthenticate(
            request=request, password=data.get("password"), code=data.get("code")
        )
        return Response(ReauthenticatedSerializer({"expires_at": expires_at}).data)
