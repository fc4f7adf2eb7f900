"""Changing the password or the email of the signed-in user, after a fresh re-authentication.

Either change ends every token the user holds (the credentials fingerprint, accounts/tokens.py);
a caller signed in with tokens gets a new pair for its own device, a browser session is kept.
"""

from __future__ import annotations

from allauth.account.internal.flows.password_change import (
    change_password,
    finalize_password_change,
)
from allauth.account.models import EmailAddress
from allauth.core import context
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from interview_platform.api.errors import ErrorType

from .. import errors, selectors, tokens
from ..models import User
from .auth import password_check
from .reauth import django_request_of, reauthentication_require, token_of


def _fresh_pair_if_token(request, user: User) -> tokens.TokenPair | None:
    return tokens.token_pair_for(user) if token_of(request) is not None else None


@transaction.atomic
def user_password_change(
    *, request, new_password: str, current_password: str | None = None
) -> tokens.TokenPair | None:
    """The current password is itself the re-authentication; without it (an account that has
    none yet, or a caller who re-authenticated with a code) a fresh re-authentication is
    required."""
    user: User = request.user
    if current_password:
        if not user.has_usable_password() or not user.check_password(current_password):
            raise errors.field_error(
                _("The current password is incorrect."),
                code="invalid_credentials",
                field="current_password",
                status=403,
                type=ErrorType.AUTHENTICATION,
            )
    else:
        reauthentication_require(request=request)
    password_check(user=user, password=new_password)
    change_password(user, new_password)
    if token_of(request) is None:
        # allauth's ending: notification email, signal, and the browser session kept.
        finalize_password_change(django_request_of(request), user)
    return _fresh_pair_if_token(request, user)


@transaction.atomic
def user_email_change(*, request, email: str) -> tokens.TokenPair | None:
    """Moves the account to `email` (unverified until its owner confirms the link allauth
    sends); needs a fresh re-authentication."""
    reauthentication_require(request=request)
    user: User = request.user
    email = selectors.email_normalize(email)
    if email == user.email:
        return None
    taken = errors.field_error(
        _("An account with this email already exists."),
        code="email_taken",
        field="email",
        status=409,
    )
    if selectors.user_get_by_email(email=email) is not None:
        raise taken
    EmailAddress.objects.filter(user=user).delete()
    user.email = email
    try:
        with transaction.atomic():
            user.save(update_fields=["email", "updated_at"])
    except IntegrityError as exc:
        raise taken from exc
    address = EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    django_request = django_request_of(request)

    def send_confirmation() -> None:
        with context.request_context(django_request):
            address.send_confirmation(django_request)

    transaction.on_commit(send_confirmation)
    return _fresh_pair_if_token(request, user)
