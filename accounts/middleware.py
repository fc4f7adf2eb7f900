"""A signed-in browser session of a user with two-factor authentication must have passed it."""

from __future__ import annotations

import logging

from allauth.account.internal.flows.login import get_authentication_records
from django.contrib.auth import logout

from . import selectors

logger = logging.getLogger("accounts.security")


def session_passed_mfa(request) -> bool:
    """allauth records each way a session authenticated; "mfa" is the second factor."""
    methods = get_authentication_records(request, request.user)
    return any(isinstance(entry, dict) and entry.get("method") == "mfa" for entry in methods)


class MfaSessionGuardMiddleware:
    """Ends a session that skipped the second factor of a user who has one, whatever made it
    (Django's admin login, a `login()` in some flow, a session from before MFA was turned on).

    allauth's own sign-in asks for the factor before it signs the session in and records it, so
    its sessions pass; so does the session in which the user turned TOTP on
    (accounts.forms.MfaActivateTotpForm). Runs before any view, so neither the admin nor the
    API's session authentication ever sees such a session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not session_passed_mfa(request)
            and selectors.user_mfa_enabled(user=user)
        ):
            logger.warning("session without its second factor ended", extra={"user_id": user.pk})
            logout(request)
        return self.get_response(request)
