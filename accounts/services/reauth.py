"""Fresh re-authentication before sensitive actions: seeing or renewing recovery codes, turning
MFA off, changing the password or email and deleting the account. A proof sent with the action
itself (the current password, an authenticator code) is a re-authentication made that instant
and counts as well; a bearer token alone never does.

"Fresh" means a password or a second-factor code proved within REAUTHENTICATION_TIMEOUT
seconds, remembered where the caller's authentication lives:

- bearer tokens: on the token's family (its sign-in) in PostgreSQL, set by
  `POST /api/auth/reauthenticate`; a sign-in made within the window counts too (it just proved
  the password, and the second factor when the user has one);
- browser sessions: allauth's own record of a reauthentication in the session (its
  "Confirm access" page, or `POST /api/auth/reauthenticate` with session authentication).

The HTML pages (pages12's settings page) and the API call the same functions, so the rule has one
home: `reauthentication_require`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from allauth.account.internal.flows.login import record_authentication
from allauth.account.internal.flows.reauthentication import did_recently_reauthenticate
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework_simplejwt.tokens import Token

from interview_platform.api.errors import ApplicationError, ErrorType

from .. import errors, selectors, tokens
from ..models import TokenFamily, User
from .mfa import mfa_code_verify, recovery_codes_regenerate, totp_disable


def _window() -> timedelta:
    return timedelta(seconds=settings.REAUTHENTICATION_TIMEOUT)


def reauthentication_required_error() -> ApplicationError:
    return ApplicationError(
        _(
            "Confirm it is you: enter your password or an authenticator code again "
            "(POST /api/auth/reauthenticate), then retry."
        ),
        code="reauthentication_required",
        type=ErrorType.AUTHENTICATION,
        status=403,
    )


def django_request_of(request) -> HttpRequest:
    return getattr(request, "_request", request)


def token_of(request) -> Token | None:
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, Token) else None


def reauthentication_is_fresh(*, request) -> bool:
    token = token_of(request)
    if token is not None:
        family = TokenFamily.objects.filter(
            pk=tokens.family_id_of(token.payload), revoked_at__isnull=True
        ).first()
        if family is None:
            return False
        since = timezone.now() - _window()
        proved_at = max(family.created_at, family.reauthenticated_at or family.created_at)
        return proved_at >= since
    return did_recently_reauthenticate(django_request_of(request))


def reauthentication_require(*, request) -> None:
    """Raises `reauthentication_required` (403) unless the caller proved it is them lately."""
    if not reauthentication_is_fresh(request=request):
        raise reauthentication_required_error()


def _proof_check(*, user: User, password: str | None, code: str | None) -> str:
    """The method proved: "password" or "mfa"; raises on a wrong or missing proof."""
    if password:
        if user.has_usable_password() and user.check_password(password):
            return "password"
        raise errors.field_error(
            _("The password is incorrect."),
            code="invalid_credentials",
            field="password",
            status=403,
            type=ErrorType.AUTHENTICATION,
        )
    if code:
        if selectors.user_mfa_enabled(user=user) and mfa_code_verify(user=user, code=code):
            return "mfa"
        raise errors.field_error(
            _("The authentication code is incorrect."),
            code="invalid_mfa_code",
            field="code",
            status=403,
            type=ErrorType.AUTHENTICATION,
        )
    raise errors.field_error(
        _("Enter your password or an authenticator code."),
        code="invalid_input",
        field="password",
    )


@transaction.atomic
def reauthenticate(*, request, password: str | None = None, code: str | None = None) -> datetime:
    """Records a fresh proof for the caller's sign-in; returns when it stops counting."""
    django_request = django_request_of(request)
    user = request.user
    method = _proof_check(user=user, password=password, code=code)
    now = timezone.now()
    token = token_of(request)
    if token is not None:
        updated = TokenFamily.objects.filter(
            pk=tokens.family_id_of(token.payload), user=user, revoked_at__isnull=True
        ).update(reauthenticated_at=now)
        if not updated:
            raise errors.token_revoked()
    else:
        extra = {"reauthenticated": True}
        if method == "mfa":
            extra["type"] = "totp"
        record_authentication(django_request, user, method=method, **extra)
    return now + _window()


def recovery_codes_reveal(*, request) -> list[str]:
    """The unused recovery codes: a bearer token alone is not enough to read them."""
    reauthentication_require(request=request)
    return selectors.user_recovery_codes(user=request.user)


def mfa_disable(*, request, code: str | None = None) -> None:
    """Turns MFA off: with a code sent along, or after a fresh re-authentication."""
    if not code:
        reauthentication_require(request=request)
    totp_disable(user=request.user, code=code or None)


def recovery_codes_renew(*, request, code: str | None = None) -> list[str]:
    """New recovery codes: with a code from the app sent along, or after a fresh
    re-authentication."""
    if not code:
        reauthentication_require(request=request)
    return recovery_codes_regenerate(user=request.user, code=code or None)
