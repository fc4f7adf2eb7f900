"""This app's API routes, mounted under /api/ (paths here start with the resource name)."""

from django.urls import path

from .views.auth import (
    ForgotPasswordView,
    GoogleOAuthView,
    LinkedInOAuthView,
    LoginView,
    LogoutView,
    ReauthenticateView,
    RefreshView,
    RegisterView,
    ResetPasswordView,
)
from .views.mfa import (
    MfaStatusView,
    MfaVerifyView,
    RecoveryCodesView,
    TotpConfirmView,
    TotpDisableView,
    TotpSetupView,
)
from .views.users import (
    AccountView,
    AvatarView,
    EmailChangeView,
    PasswordChangeView,
    ProfileView,
    SettingsView,
)

urlpatterns = [
    path("auth/register", RegisterView.as_view(), name="auth-register"),
    path("auth/login", LoginView.as_view(), name="auth-login"),
    path("auth/refresh", RefreshView.as_view(), name="auth-refresh"),
    path("auth/logout", LogoutView.as_view(), name="auth-logout"),
    path("auth/profile", ProfileView.as_view(), name="auth-profile"),
    path("auth/forgot-password", ForgotPasswordView.as_view(), name="auth-forgot-password"),
    path("auth/reset-password", ResetPasswordView.as_view(), name="auth-reset-password"),
    path("auth/oauth/google", GoogleOAuthView.as_view(), name="auth-oauth-google"),
    path("auth/oauth/linkedin", LinkedInOAuthView.as_view(), name="auth-oauth-linkedin"),
    path("auth/reauthenticate", ReauthenticateView.as_view(), name="auth-reauthenticate"),
    path("auth/mfa", MfaStatusView.as_view(), name="auth-mfa"),
    path("auth/mfa/totp/setup", TotpSetupView.as_view(), name="auth-mfa-totp-setup"),
    path("auth/mfa/totp/confirm", TotpConfirmView.as_view(), name="auth-mfa-totp-confirm"),
    path("auth/mfa/totp/disable", TotpDisableView.as_view(), name="auth-mfa-totp-disable"),
    path("auth/mfa/recovery-codes", RecoveryCodesView.as_view(), name="auth-mfa-recovery-codes"),
    path("auth/mfa/verify", MfaVerifyView.as_view(), name="auth-mfa-verify"),
    path("users/profile", ProfileView.as_view(), name="users-profile"),
    path("users/settings", SettingsView.as_view(), name="users-settings"),
    path("users/avatar", AvatarView.as_view(), name="users-avatar"),
    path("users/account", AccountView.as_view(), name="users-account"),
    path("users/password", PasswordChangeView.as_view(), name="users-password"),
    path("users/email", EmailChangeView.as_view(), name="users-email"),
]
