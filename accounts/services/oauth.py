"""Sign-in with Google and LinkedIn, verified and completed by allauth's provider code.

The browser talks to the provider; we get a Google ID token, or an authorization code to
exchange. allauth verifies the token (signature against the provider's keys, issuer, audience,
expiry, replay) and its login flow finds, links or creates the account, exactly as allauth's own
headless `ProviderTokenView` does. We then issue our token pair instead of a session.
"""

from __future__ import annotations

import logging

from allauth.core.exceptions import ImmediateHttpResponse, SignupClosedException
from allauth.socialaccount.adapter import get_adapter as get_socialaccount_adapter
from allauth.socialaccount.internal import flows
from allauth.socialaccount.models import SocialApp, SocialLogin
from allauth.socialaccount.providers.base import AuthProcess, ProviderException
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from django.contrib.auth import logout as session_logout
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from requests import RequestException

from interview_platform.api.errors import ApplicationError, ErrorType

from .. import errors, selectors
from .auth import AuthResult, login_complete

logger = logging.getLogger("accounts.oauth")

PROVIDER_NAMES = {"google": "Google", "linkedin": "LinkedIn"}


def _provider(request: HttpRequest, provider_id: str):
    # Not configured is a deployment's choice (no client id for it), not a fault: the endpoint
    # answers as if absent, with a code a client can use to hide the button.
    try:
        return get_socialaccount_adapter(request).get_provider(request, provider_id)
    except SocialApp.DoesNotExist as exc:
        raise ApplicationError(
            _("Sign-in with %(provider)s is not available.")
            % {"provider": PROVIDER_NAMES[provider_id]},
            code="oauth_provider_not_configured",
            type=ErrorType.VALIDATION,
            status=404,
        ) from exc


def _login_from_code(
    request: HttpRequest, provider, *, code: str, redirect_uri: str, code_verifier: str | None
) -> SocialLogin:
    """allauth's OAuth2CallbackView without its session-held `state`: the browser app that
    started the redirect checked that; the redirect URI must match the provider's record."""
    adapter = provider.get_oauth2_adapter(request)
    app = provider.app
    client = adapter.get_client(request, app)
    client.callback_url = redirect_uri
    access_token = client.get_access_token(code, pkce_code_verifier=code_verifier)
    adapter.did_fetch_access_token = True
    token = adapter.parse_token(access_token)
    sociallogin = adapter.complete_login(request, app, token, response=access_token)
    sociallogin.token = token
    return sociallogin


def _verification_failed(provider_id: str) -> ApplicationError:
    return errors.auth_error(
        _("%(provider)s could not confirm this sign-in. Try again.")
        % {"provider": PROVIDER_NAMES[provider_id]},
        code="oauth_token_invalid",
    )


def _signup_blocked(sociallogin: SocialLogin) -> ApplicationError:
    email = sociallogin.email_addresses[0].email if sociallogin.email_addresses else ""
    if not email:
        return errors.field_error(
            _("The provider did not share an email address, which an account needs."),
            code="oauth_email_missing",
            field="email",
        )
    if selectors.user_get_by_email(email=email) is not None:
        # The provider does not vouch for the address, so it cannot claim the existing account.
        return errors.field_error(
            _("An account with this email exists. Sign in with its password first."),
            code="email_taken",
            field="email",
            status=409,
        )
    return errors.auth_error(_("This sign-in could not be completed."), code="oauth_failed")


@transaction.atomic
def oauth_login(
    *,
    request: HttpRequest,
    provider_id: str,
    id_token: str | None = None,
    code: str | None = None,
    redirect_uri: str | None = None,
    code_verifier: str | None = None,
) -> AuthResult:
    """`request` is Django's: allauth's flow keeps its own state on it while it runs."""
    provider = _provider(request, provider_id)
    try:
        if id_token:
            sociallogin = provider.verify_token(request, {"id_token": id_token})
        else:
            sociallogin = _login_from_code(
                request, provider, code=code, redirect_uri=redirect_uri, code_verifier=code_verifier
            )
    except (
        DjangoValidationError,
        OAuth2Error,
        ProviderException,
        PermissionDenied,
        RequestException,
    ) as exc:
        logger.info("%s sign-in refused: %r", provider_id, exc)
        raise _verification_failed(provider_id) from exc

    sociallogin.state["process"] = AuthProcess.LOGIN
    try:
        flows.login.complete_login(request, sociallogin, raises=True)
    except SignupClosedException as exc:
        raise errors.auth_error(_("Sign-up is closed."), code="signup_closed", status=403) from exc
    except ImmediateHttpResponse as exc:
        raise errors.auth_error(
            _("This sign-in could not be completed."), code="oauth_failed"
        ) from exc
    finally:
        signed_in = getattr(request, "user", None)
        signed_in_pk = (
            signed_in.pk if signed_in is not None and signed_in.is_authenticated else None
        )
        # The API is stateless: end the Django session allauth's flow used (and any pending
        # step it parked there); the client gets our tokens instead.
        session_logout(request)

    user = sociallogin.user
    # Found, linked or signed up, the social account is saved; else allauth stopped short of an
    # account (UUID primary keys are set before saving, so the user's pk cannot tell).
    if user is None or sociallogin.account.pk is None:
        raise _signup_blocked(sociallogin)
    if not user.is_active:
        raise errors.account_disabled_error()
    mfa_pending = selectors.user_mfa_enabled(user=user)
    if not mfa_pending and signed_in_pk != user.pk:
        # allauth stopped at a login stage this API does not offer.
        raise errors.auth_error(_("This sign-in could not be completed."), code="oauth_failed")
    return login_complete(user=user, created=not sociallogin.state.get("existing_user", True))
