"""Writes of the accounts app (HackSoft style: keyword-only, typed, named `<noun>_<verb>`)."""

from ..emails import password_reset_email_send
from .auth import (
    AuthResult,
    login_complete,
    token_refresh,
    user_login,
    user_logout,
    user_register,
)
from .credentials import user_email_change, user_password_change
from .mfa import (
    TotpSetup,
    mfa_code_verify,
    mfa_login_verify,
    recovery_codes_regenerate,
    totp_disable,
    totp_setup_confirm,
    totp_setup_start,
)
from .oauth import oauth_login
from .passwords import password_reset_confirm, password_reset_request
from .reauth import (
    mfa_disable,
    reauthenticate,
    reauthentication_is_fresh,
    reauthentication_require,
    recovery_codes_renew,
    recovery_codes_reveal,
)
from .users import user_avatar_update, user_delete, user_profile_update, user_settings_update

__all__ = [
    "AuthResult",
    "TotpSetup",
    "login_complete",
    "mfa_code_verify",
    "mfa_disable",
    "mfa_login_verify",
    "oauth_login",
    "password_reset_confirm",
    "password_reset_email_send",
    "password_reset_request",
    "reauthenticate",
    "reauthentication_is_fresh",
    "reauthentication_require",
    "recovery_codes_regenerate",
    "recovery_codes_renew",
    "recovery_codes_reveal",
    "token_refresh",
    "totp_disable",
    "totp_setup_confirm",
    "totp_setup_start",
    "user_avatar_update",
    "user_delete",
    "user_email_change",
    "user_login",
    "user_logout",
    "user_password_change",
    "user_profile_update",
    "user_register",
    "user_settings_update",
]
