"""Two-factor authentication with allauth.mfa: TOTP authenticator apps and recovery codes.

allauth's own MFA flows re-authenticate through the Django session; the API has bearer tokens
instead, so these services call allauth's authenticator classes directly and ask for a current
code wherever allauth would ask for re-authentication.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.base.internal.flows import delete_dangling_recovery_codes
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret, validate_totp_code
from allauth.mfa.utils import decrypt, encrypt
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework_simplejwt.exceptions import ExpiredTokenError, TokenError
from rest_framework_simplejwt.settings import api_settings

from interview_platform.api.errors import ApplicationError, ErrorType
from interview_platform.cache import shared_cache_reachable

from .. import errors, selectors, tokens
from ..models import User
from .auth import AuthResult, login_complete


@dataclass(frozen=True)
class TotpSetup:
    secret: str
    otpauth_uri: str
    qr_code: str  # an SVG data URI


def _setup_key(user: User) -> str:
    return f"mfa:totp-setup:{user.pk}"


def _normalize(code: str) -> str:
    return "".join((code or "").split())


def _already_enabled() -> Exception:
    return errors.field_error(
        _("Two-factor authentication is already on."),
        code="mfa_already_enabled",
        field="code",
        status=409,
    )


def _not_enabled() -> Exception:
    return errors.field_error(
        _("Two-factor authentication is off."), code="mfa_not_enabled", field="code"
    )


def _invalid_code(status: int = 400) -> Exception:
    if status == 401:
        return errors.auth_error(
            _("The authentication code is incorrect."), code="invalid_mfa_code"
        )
    return errors.field_error(
        _("The authentication code is incorrect."),
        code="invalid_mfa_code",
        field="code",
        status=status,
    )


def _login_token_spent() -> Exception:
    return errors.auth_error(_("This login was already completed."), code="token_reused")


def mfa_state_store_unavailable() -> ApplicationError:
    return ApplicationError(
        _(
            "Two-factor authentication is briefly unavailable on our side. "
            "Your code was not checked: try again in a minute."
        ),
        code="mfa_unavailable",
        type=ErrorType.NETWORK,
        status=503,
        headers={"Retry-After": "30"},
    )


def mfa_state_store_require() -> None:
    """Codes are accepted once each, remembered in the shared cache: without it a code cannot be
    checked safely, and a silent cache miss would read as a wrong code. Say so instead."""
    if not shared_cache_reachable():
        raise mfa_state_store_unavailable()


def totp_setup_start(*, user: User) -> TotpSetup:
    """A new secret, held (encrypted) until `totp_setup_confirm` proves the app has it."""
    if selectors.user_mfa_enabled(user=user):
        raise _already_enabled()
    mfa_state_store_require()  # the pending secret waits there
    secret = generate_totp_secret()
    cache.set(_setup_key(user), encrypt(secret), timeout=settings.MFA_SETUP_TIMEOUT_SECONDS)
    adapter = get_mfa_adapter()
    uri = adapter.build_totp_url(user, secret)
    svg = adapter.build_totp_svg(uri)
    qr_code = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    return TotpSetup(secret=secret, otpauth_uri=uri, qr_code=qr_code)


@transaction.atomic
def totp_setup_confirm(*, user: User, code: str) -> list[str]:
    """Turns TOTP on once `code` matches the pending secret; returns the new recovery codes."""
    mfa_state_store_require()
    pending = cache.get(_setup_key(user))
    if not pending:
        raise errors.field_error(
            _("Start the setup again: it has expired or was never started."),
            code="mfa_setup_expired",
            field="code",
        )
    if selectors.user_mfa_enabled(user=user):
        raise _already_enabled()
    secret = decrypt(pending)
    if not validate_totp_code(secret, _normalize(code)):
        raise _invalid_code()
    TOTP.activate(user, secret)
    Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).delete()
    recovery = RecoveryCodes.activate(user)
    cache.delete(_setup_key(user))
    return recovery.get_unused_codes()


def mfa_code_verify(*, user: User, code: str, allow_recovery_code: bool = True) -> bool:
    """Checks a TOTP code (each accepted once) or an unused recovery code (then spent)."""
    code = _normalize(code)
    if not code:
        return False
    mfa_state_store_require()
    types = [Authenticator.Type.TOTP]
    if allow_recovery_code:
        types.append(Authenticator.Type.RECOVERY_CODES)
    for authenticator in Authenticator.objects.filter(user=user, type__in=types).order_by("type"):
        if authenticator.wrap().validate_code(code):
            authenticator.record_usage()
            return True
    return False


@transaction.atomic
def totp_disable(*, user: User, code: str | None) -> None:
    """Turns TOTP off. `code`: a current or recovery code; None only when the caller has checked
    a fresh re-authentication instead (`reauth.mfa_disable`)."""
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is None:
        raise _not_enabled()
    if code is not None and not mfa_code_verify(user=user, code=code):
        raise _invalid_code()
    totp.delete()
    delete_dangling_recovery_codes(user)


@transaction.atomic
def recovery_codes_regenerate(*, user: User, code: str | None) -> list[str]:
    """A new set of recovery codes (the old ones stop working). `code`: one from the app; None
    only when the caller has checked a fresh re-authentication instead
    (`reauth.recovery_codes_renew`)."""
    if not selectors.user_mfa_enabled(user=user):
        raise _not_enabled()
    if code is not None and not mfa_code_verify(user=user, code=code, allow_recovery_code=False):
        raise _invalid_code()
    # As allauth's generate_recovery_codes: lock the user row so two regenerations cannot race.
    User.objects.select_for_update().get(pk=user.pk)
    Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).delete()
    return RecoveryCodes.activate(user).get_unused_codes()


@transaction.atomic
def mfa_login_verify(*, mfa_token: str, code: str) -> AuthResult:
    """Second step of a login: the token from the first step plus a TOTP or recovery code."""
    try:
        token = tokens.MfaLoginToken(mfa_token)
    except ExpiredTokenError as exc:
        raise errors.token_expired() from exc
    except TokenError as exc:
        raise errors.token_invalid() from exc
    user = User.objects.filter(pk=token.get(api_settings.USER_ID_CLAIM)).first()
    if user is None:
        raise errors.token_invalid()
    if not tokens.credentials_match(user, token.payload):  # password changed meanwhile
        raise errors.token_revoked()
    if not user.is_active:
        raise errors.account_disabled_error()
    mfa_state_store_require()
    if tokens.mfa_login_token_is_spent(token):
        raise _login_token_spent()
    if not mfa_code_verify(user=user, code=code):
        raise _invalid_code(status=401)
    if not tokens.mfa_login_token_consume(token):  # a concurrent request spent it meanwhile
        raise _login_token_spent()
    return login_complete(user=user, mfa_verified=True)
