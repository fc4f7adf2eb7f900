"""allauth's MFA forms for the HTML pages, refusing with a true message while the shared cache
(where used codes are remembered) is down, instead of calling a right code wrong."""

from __future__ import annotations

from allauth.account.internal.flows.login import record_authentication
from allauth.core import context
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from django import forms

from interview_platform.cache import shared_cache_reachable

from .services.mfa import mfa_state_store_unavailable


class _StateStoreCheck:
    def clean_code(self) -> str:
        if not shared_cache_reachable():
            raise forms.ValidationError(mfa_state_store_unavailable().message)
        return super().clean_code()


class MfaAuthenticateForm(_StateStoreCheck, AuthenticateForm):
    pass


class MfaReauthenticateForm(_StateStoreCheck, ReauthenticateForm):
    pass


class MfaActivateTotpForm(ActivateTOTPForm):
    """allauth's TOTP activation; the code just checked proves the factor in this session, so
    the session is recorded as having passed it (MfaSessionGuardMiddleware keeps it)."""

    def clean_code(self) -> str:
        if not shared_cache_reachable():
            raise forms.ValidationError(mfa_state_store_unavailable().message)
        code = super().clean_code()
        record_authentication(context.request, self.user, method="mfa", type="totp")
        return code
