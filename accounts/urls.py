"""Account routes: `auth_urlpatterns` under /api/auth/, `users_urlpatterns` under /api/users/."""

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

auth_urlpatterns = [
    path("register", RegisterView.as_view(), name="auth-register"),
    path("login", LoginView.as_view(), name="auth-login"),
    path("refresh", RefreshView.as_view(), name="auth-refresh"),
    path("logout", LogoutView.as_view(), name="auth-logout"),
    path("profile", ProfileView.as_view(), name="auth-profile"),
    path("forgot-password", ForgotPasswordView.as_view(), name="auth-forgot-password"),
    path("reset-password", ResetPasswordView.as_view(), name="auth-reset-password"),
    path("oauth/google", GoogleOAuthView.as_view(), name="auth-oauth-google"),
    path("oauth/linkedin", LinkedInOAuthView.as_view(), name="auth-oauth-linkedin"),
    path("reauthenticate", ReauthenticateView.as_view(), name="auth-reauthenticate"),
    path("mfa", MfaStatusView.as_view(), name="auth-mfa"),
    path("mfa/totp/setup", TotpSetupView.as_view(), name="auth-mfa-totp-setup"),
    path("mfa/totp/confirm", TotpConfirmView.as_view(), name="auth-mfa-totp-confirm"),
    path("mfa/totp/disable", TotpDisableView.as_view(), name="auth-mfa-totp-disable"),
    path("mfa/recovery-codes", RecoveryCodesView.as_view(), name="auth-mfa-recovery-codes"),
    path("mfa/verify", MfaVerifyView.as_view(), name="auth-mfa-verify"),
]

users_urlpatterns = [
    path("profile", ProfileView.as_view(), name="users-profile"),
    path("settings", SettingsView.as_view(), name="users-settings"),
    path("avatar", AvatarView.as_view(), name="users-avatar"),
    path("account", AccountView.as_view(), name="users-account"),
    path("password", PasswordChangeView.as_view(), name="users-password"),
    path("email", EmailChangeView.as_view(), name="users-email"),
]
