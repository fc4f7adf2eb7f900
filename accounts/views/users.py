"""`/api/users/*` (and `/api/auth/profile`): the signed-in user's own account."""

from __future__ import annotations

from djangorestframework_camel_case.parser import CamelCaseMultiPartParser
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from interview_platform.api.base import APIView

from .. import services
from ..models import default_preferences
from ..ratelimits import auth_rate_limit
from ..serializers import (
    AccountDeleteSerializer,
    AvatarUploadSerializer,
    CredentialsChangedSerializer,
    EmailChangeSerializer,
    PasswordChangeSerializer,
    PreferencesSerializer,
    PreferencesUpdateSerializer,
    ProfileUpdateSerializer,
    UserSerializer,
)
from .common import NOT_AUTHENTICATED, errors, user_body, validated


class ProfileView(APIView):
    """The same resource at `/api/auth/profile` and `/api/users/profile`: always the caller's."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: UserSerializer, 401: NOT_AUTHENTICATED}, tags=["users"])
    def get(self, request):
        return Response(user_body(request.user, request))

    @extend_schema(
        summary="Update name and preferences (role and subscription are read-only)",
        request=ProfileUpdateSerializer,
        responses={200: UserSerializer, 400: errors("invalid_input"), 401: NOT_AUTHENTICATED},
        tags=["users"],
    )
    def put(self, request):
        return self._update(request, partial=False)

    @extend_schema(
        summary="Update some of name and preferences",
        request=ProfileUpdateSerializer(partial=True),
        responses={200: UserSerializer, 400: errors("invalid_input"), 401: NOT_AUTHENTICATED},
        tags=["users"],
    )
    def patch(self, request):
        return self._update(request, partial=True)

    def _update(self, request, *, partial: bool):
        data = validated(ProfileUpdateSerializer, request, partial=partial)
        user = services.user_profile_update(
            user=request.user, name=data.get("name"), preferences=data.get("preferences")
        )
        return Response(user_body(user, request))


class SettingsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="users_settings_retrieve",
        summary="The user's preferences",
        responses={200: PreferencesSerializer, 401: NOT_AUTHENTICATED},
        tags=["users"],
    )
    def get(self, request):
        preferences = {**default_preferences(), **(request.user.preferences or {})}
        return Response(PreferencesSerializer(preferences).data)

    @extend_schema(
        operation_id="users_settings_update",
        summary="Replace the preferences (all four)",
        request=PreferencesSerializer,
        responses={
            200: PreferencesSerializer,
            400: errors("invalid_input"),
            401: NOT_AUTHENTICATED,
        },
        tags=["users"],
    )
    def put(self, request):
        data = validated(PreferencesSerializer, request)
        preferences = services.user_settings_update(user=request.user, preferences=data)
        return Response(PreferencesSerializer(preferences).data)

    @extend_schema(
        operation_id="users_settings_partial_update",
        summary="Change some preferences (the ones left out keep their value)",
        request=PreferencesUpdateSerializer,
        responses={
            200: PreferencesSerializer,
            400: errors("invalid_input"),
            401: NOT_AUTHENTICATED,
        },
        tags=["users"],
    )
    def patch(self, request):
        data = validated(PreferencesUpdateSerializer, request)
        preferences = services.user_settings_update(user=request.user, preferences=data)
        return Response(PreferencesSerializer(preferences).data)


class AvatarView(APIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [CamelCaseMultiPartParser]

    @extend_schema(
        operation_id="users_avatar_upload",
        summary="Upload a profile picture (PNG, JPEG or WebP, at most 2 MB)",
        request={"multipart/form-data": AvatarUploadSerializer},
        responses={
            200: UserSerializer,
            400: errors(
                "invalid_input", "avatar_invalid", "avatar_too_large", "avatar_too_many_pixels"
            ),
            401: NOT_AUTHENTICATED,
        },
        tags=["users"],
    )
    def post(self, request):
        data = validated(AvatarUploadSerializer, request)
        user = services.user_avatar_update(user=request.user, upload=data["avatar"])
        return Response(user_body(user, request))


class AccountView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="users_account_delete",
        summary="Erase the account and everything of it",
        description="Needs a fresh re-authentication: a sign-in or `POST /api/auth/"
        "reauthenticate` within the last few minutes, or the `password` sent along (with MFA on, "
        "and no fresh re-authentication, also a `code`); otherwise 403 "
        '`reauthentication_required`. `confirm`, if sent, must be "DELETE". Every token stops '
        "working.",
        request=AccountDeleteSerializer,
        responses={
            204: None,
            400: errors("invalid_input", "confirmation_required", "invalid_mfa_code"),
            401: NOT_AUTHENTICATED,
            403: errors("invalid_credentials", "mfa_required", "reauthentication_required"),
        },
        tags=["users"],
    )
    def delete(self, request):
        data = validated(AccountDeleteSerializer, request)
        services.user_delete(
            request=request,
            password=data.get("password"),
            confirm=data.get("confirm"),
            code=data.get("code"),
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


def _credentials_changed(request, pair) -> dict:
    body = {"user": user_body(request.user, request)}
    if pair is not None:
        body.update({"access_token": pair.access, "refresh_token": pair.refresh})
    return body


_CREDENTIAL_ERRORS = {
    401: NOT_AUTHENTICATED,
    403: errors("reauthentication_required", "invalid_credentials"),
    429: errors("rate_limited"),
}


class PasswordChangeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="users_password_change",
        summary="Change the password",
        description="With `currentPassword`, or after `POST /api/auth/reauthenticate`. Every "
        "token of the account stops working; a bearer-token caller gets a new pair.",
        request=PasswordChangeSerializer,
        responses={
            200: CredentialsChangedSerializer,
            400: errors("invalid_input", "weak_password"),
            **_CREDENTIAL_ERRORS,
        },
        tags=["users"],
    )
    def post(self, request):
        auth_rate_limit(request, group="auth.password-change", identifier=str(request.user.pk))
        data = validated(PasswordChangeSerializer, request)
        pair = services.user_password_change(
            request=request,
            new_password=data["new_password"],
            current_password=data.get("current_password"),
        )
        return Response(_credentials_changed(request, pair))


class EmailChangeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="users_email_change",
        summary="Change the email address (needs a fresh re-authentication)",
        description="Call `POST /api/auth/reauthenticate` first. The new address gets a "
        "confirmation link; every token of the account stops working and a bearer-token caller "
        "gets a new pair.",
        request=EmailChangeSerializer,
        responses={
            200: CredentialsChangedSerializer,
            400: errors("invalid_input"),
            409: errors("email_taken"),
            **_CREDENTIAL_ERRORS,
        },
        tags=["users"],
    )
    def post(self, request):
        auth_rate_limit(request, group="auth.email-change", identifier=str(request.user.pk))
        data = validated(EmailChangeSerializer, request)
        pair = services.user_email_change(request=request, email=data["email"])
        return Response(_credentials_changed(request, pair))
