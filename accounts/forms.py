"""allauth's MFA forms for the HTML pages, refusing with a true message while the shared cache
(where used codes are remembered) is down, instead of calling a right code wrong."""

from __future__ import annotations

from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
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
