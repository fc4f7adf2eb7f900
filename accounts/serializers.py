"""Request and response bodies of the auth and user API (snake_case here, camelCase on the wire)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.choices import Difficulty, JobCategory, Language

from .models import Role, SubscriptionType, User

# allauth's EmailAddress holds at most 254 characters (RFC 5321's limit for an address), one
# fewer than User.email: a longer one is refused here, not by the database (a 500).
EMAIL_MAX_LENGTH = 254


def _password_field(**kwargs) -> serializers.CharField:
    return serializers.CharField(
        write_only=True,
        trim_whitespace=False,
        max_length=128,
        style={"input_type": "password"},
        **kwargs,
    )


# --- users -----------------------------------------------------------------------------------
class PreferencesSerializer(serializers.Serializer):
    job_category = serializers.ChoiceField(choices=JobCategory.choices)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices)
    notifications = serializers.BooleanField()
    language = serializers.ChoiceField(choices=Language.choices)


class PreferencesUpdateSerializer(serializers.Serializer):
    """Any subset of the preferences; the ones left out keep their stored value."""

    job_category = serializers.ChoiceField(choices=JobCategory.choices, required=False)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, required=False)
    notifications = serializers.BooleanField(required=False)
    language = serializers.ChoiceField(choices=Language.choices, required=False)


class SubscriptionSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=SubscriptionType.choices, source="subscription_type")
    expires_at = serializers.DateTimeField(source="subscription_expires_at", allow_null=True)


class UserSerializer(serializers.ModelSerializer):
    """The spec's User. Everything but `name` and `preferences` is read-only."""

    avatar = serializers.SerializerMethodField()
    role = serializers.ChoiceField(choices=Role.choices, read_only=True)
    preferences = PreferencesSerializer()
    subscription = SubscriptionSerializer(source="*", read_only=True)

    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "name",
            "avatar",
            "role",
            "preferences",
            "subscription",
            "created_at",
            "updated_at",
            "last_login_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_avatar(self, user: User) -> str | None:
        if not user.avatar:
            return None
        url = user.avatar.url
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url


class ProfileUpdateSerializer(serializers.Serializer):
    """PUT needs `name`; PATCH any subset. `preferences` is merged into the stored ones."""

    name = serializers.CharField(max_length=255, min_length=1)
    preferences = PreferencesUpdateSerializer(required=False)


class AvatarUploadSerializer(serializers.Serializer):
    avatar = serializers.FileField(
        help_text=_("PNG, JPEG or WebP, at most 2 MB; stored as a square WebP.")
    )


class AccountDeleteSerializer(serializers.Serializer):
    password = _password_field(required=False)
    confirm = serializers.CharField(
        required=False, help_text=_('"DELETE": a guard against a slip, not a proof.')
    )
    code = serializers.CharField(
        required=False, max_length=32, help_text=_("An authenticator code, when MFA is on.")
    )


# --- auth ------------------------------------------------------------------------------------
class RegisterSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=EMAIL_MAX_LENGTH)
    password = _password_field()
    name = serializers.CharField(max_length=255, min_length=1)
    language = serializers.ChoiceField(choices=Language.choices, required=False)


class LoginSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=EMAIL_MAX_LENGTH)
    password = _password_field()


class RefreshTokenSerializer(serializers.Serializer):
    refresh_token = serializers.CharField()


class TokenPairSerializer(serializers.Serializer):
    access_token = serializers.CharField()
    refresh_token = serializers.CharField()


class AuthSessionSerializer(TokenPairSerializer):
    user = UserSerializer()


class OAuthSessionSerializer(AuthSessionSerializer):
    created = serializers.BooleanField(help_text=_("True when this sign-in created the account."))


class MfaChallengeSerializer(serializers.Serializer):
    mfa_required = serializers.BooleanField(help_text=_("Always true."))
    mfa_token = serializers.CharField(
        help_text=_("Send it with a code to POST /api/auth/mfa/verify (valid 5 minutes).")
    )


class ForgotPasswordSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=EMAIL_MAX_LENGTH)


class ResetPasswordSerializer(serializers.Serializer):
    uid = serializers.CharField(max_length=64)
    token = serializers.CharField(max_length=128)
    password = _password_field()


class GoogleOAuthSerializer(serializers.Serializer):
    """Either `idToken` (Google Identity Services) or `code` with `redirectUri`."""

    id_token = serializers.CharField(required=False)
    code = serializers.CharField(required=False)
    redirect_uri = serializers.URLField(required=False)
    code_verifier = serializers.CharField(
        required=False, max_length=128, help_text=_("The PKCE verifier, when PKCE was used.")
    )

    def validate(self, attrs):
        if attrs.get("id_token"):
            return attrs
        if attrs.get("code") and attrs.get("redirect_uri"):
            return attrs
        raise serializers.ValidationError(
            {"id_token": [_("Send idToken, or code with redirectUri.")]}, code="required"
        )


class LinkedInOAuthSerializer(serializers.Serializer):
    code = serializers.CharField()
    redirect_uri = serializers.URLField()
    code_verifier = serializers.CharField(required=False, max_length=128)


# --- MFA -------------------------------------------------------------------------------------
class MfaCodeSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=32)


class MfaProofSerializer(serializers.Serializer):
    code = serializers.CharField(
        max_length=32,
        required=False,
        help_text=_(
            "A code from the authenticator app; without one, a re-authentication within the last "
            "few minutes is required (POST /api/auth/reauthenticate)."
        ),
    )


class MfaVerifySerializer(serializers.Serializer):
    mfa_token = serializers.CharField()
    code = serializers.CharField(
        max_length=32, help_text=_("From the authenticator app, or an unused recovery code.")
    )


class MfaStatusSerializer(serializers.Serializer):
    enabled = serializers.BooleanField()
    recovery_codes_remaining = serializers.IntegerField()


class TotpSetupSerializer(serializers.Serializer):
    secret = serializers.CharField(help_text=_("Base32, for typing into the app by hand."))
    otpauth_uri = serializers.CharField()
    qr_code = serializers.CharField(help_text=_("An SVG data URI of the otpauth URI."))


class RecoveryCodesSerializer(serializers.Serializer):
    codes = serializers.ListField(child=serializers.CharField())


class ReauthenticateSerializer(serializers.Serializer):
    password = _password_field(required=False)
    code = serializers.CharField(
        required=False,
        max_length=32,
        help_text=_("From the authenticator app, or an unused recovery code."),
    )


class ReauthenticatedSerializer(serializers.Serializer):
    expires_at = serializers.DateTimeField(
        help_text=_("Sensitive actions are allowed without asking again until then.")
    )


class PasswordChangeSerializer(serializers.Serializer):
    current_password = _password_field(
        required=False,
        help_text=_("Leave out only after POST /api/auth/reauthenticate (or with no password)."),
    )
    new_password = _password_field()


class EmailChangeSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=EMAIL_MAX_LENGTH)


class CredentialsChangedSerializer(serializers.Serializer):
    """The caller's tokens end with the change; a bearer-token caller gets a new pair."""

    user = UserSerializer()
    access_token = serializers.CharField(required=False)
    refresh_token = serializers.CharField(required=False)
