"""Forgotten passwords: the emailed link (uid + token) and the reset it allows."""

from __future__ import annotations

import logging

from allauth.account.forms import default_token_generator
from allauth.account.internal.flows.password_reset import reset_password
from allauth.account.models import EmailAddress
from allauth.account.utils import url_str_to_user_pk
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import errors, selectors
from ..models import User
from ..tasks import password_reset_email_send_task
from .auth import password_check

logger = logging.getLogger("accounts.password_reset")


def password_reset_request(*, email: str, site_url: str = "") -> None:
    """Queues the reset email; the queued task, not this request, looks the address up.

    So the request does the same work, in the same time, whether or not an account exists.
    `site_url` (scheme, host and port of the request) is where the link points when no
    FRONTEND_URL is set: this server's own reset page.
    """
    email = selectors.email_normalize(email)
    transaction.on_commit(
        lambda: password_reset_email_send_task.delay(email=email, site_url=site_url)
    )


def _reset_token_invalid() -> Exception:
    return errors.field_error(
        _("This reset link is invalid, expired or already used. Ask for a new one."),
        code="reset_token_invalid",
        field="token",
    )


def _user_from_uid(uid: str) -> User | None:
    try:
        pk = url_str_to_user_pk(uid)
        return User.objects.filter(pk=pk, is_active=True).first()
    except (ValueError, TypeError, OverflowError, DjangoValidationError):
        return None


@transaction.atomic
def password_reset_confirm(*, uid: str, token: str, password: str) -> User:
    """Sets the new password; every token of the user stops working (the credentials
    fingerprint in each token no longer matches).

    The token is Django's: bound to the password hash and the last login, so it stops working
    once used, and after PASSWORD_RESET_TIMEOUT.
    """
    user = _user_from_uid(uid)
    if user is None or not default_token_generator.check_token(user, token):
        raise _reset_token_invalid()
    password_check(user=user, password=password)
    # The new password hash ends every token issued before it (accounts/tokens.py).
    reset_password(user, password)
    # Only the owner of the address could read the link: the address is now verified (as
    # allauth's own reset-by-code does), which social logins rely on to link accounts safely.
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user
