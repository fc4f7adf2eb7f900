"""allauth adapters: how a social login fills our User, and how MFA secrets are kept."""

from __future__ import annotations

import base64
import functools

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.translation import gettext

from core.choices import Language
from interview_platform.api.errors import RateLimitExceeded

from . import selectors
from .ratelimits import auth_rate_limit


def site_name() -> str:
    """SITE_NAME in the active language (the catalogue translates the default name)."""
    return gettext(settings.SITE_NAME)


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request, **credentials) -> None:
        """The sign-in pages (the admin's included) count against the same limit as the API's
        login (RATE_LIMITS["auth"], per IP and per account), on top of allauth's own."""
        try:
            auth_rate_limit(
                request,
                group="auth.login",
                identifier=str(credentials.get("email") or credentials.get("username") or "")
                .strip()
                .lower()[:320],
            )
        except RateLimitExceeded as exc:
            raise self.validation_error("too_many_login_attempts") from exc
        super().pre_authenticate(request, **credentials)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's e-mails (address confirmation, reset from the web pages, "no account",
        "already signed up") in the recipient's saved language, else the page's, signed with
        SITE_NAME and this server's address, never with the request's bare host name."""
        user = context.get("user") or selectors.user_get_by_email(email=email)
        saved = user.language if user is not None else None
        language = saved if saved in Language.values else translation.get_language()
        request = context.get("request")
        with translation.override(language or Language.EN.value):
            super().send_mail(
                template_prefix,
                email,
                {
                    **context,
                    "user": user,
                    "site_name": site_name(),
                    "site_url": _site_url(request),
                },
            )

    def format_email_subject(self, subject: str) -> str:
        return f"[{site_name()}] {subject}"

    def add_message(self, request, *args, **kwargs) -> None:
        # The API reports in its response body; Django's flash messages are for the HTML pages.
        if request is not None and request.path.startswith("/api/"):
            return
        super().add_message(request, *args, **kwargs)


def _site_url(request) -> str:
    request = request or allauth_context.request
    return request.build_absolute_uri("/") if request is not None else ""


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin) -> None:
        # Called right after allauth looked the login up: remember whether it found an account,
        # so the API can answer `created`.
        sociallogin.state["existing_user"] = sociallogin.is_existing

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        full_name = data.get("name") or " ".join(
            part for part in (data.get("first_name"), data.get("last_name")) if part
        )
        user.name = (full_name or (user.email or "").split("@")[0])[:255]
        user.preferences = {**user.preferences, "language": _language_of(sociallogin, request)}
        return user


def _language_of(sociallogin, request) -> str:
    """The provider's locale claim when it names one we speak, else the request's language."""
    extra = sociallogin.account.extra_data or {}
    # OpenID Connect logins keep {"userinfo": ..., "id_token": ...}; Google keeps the claims.
    claims = extra.get("userinfo") or extra.get("id_token") or extra
    locale = claims.get("locale") or ""
    if isinstance(locale, dict):  # LinkedIn: {"country": "KR", "language": "ko"}
        locale = locale.get("language") or ""
    for candidate in (str(locale)[:2].lower(), (translation.get_language() or "")[:2]):
        if candidate in Language.values:
            return candidate
    return Language.EN.value


class MFAAdapter(DefaultMFAAdapter):
    """Encrypts TOTP secrets and recovery-code seeds before allauth stores them."""

    def encrypt(self, text: str) -> str:
        return _fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        try:
            return _fernet().decrypt(encrypted_text.encode()).decode()
        except InvalidToken as exc:
            raise ImproperlyConfigured(
                "An MFA secret cannot be decrypted: MFA_ENCRYPTION_KEY (or SECRET_KEY) changed."
            ) from exc


@functools.cache
def _fernet_for(configured_key: str, secret_key: str) -> MultiFernet:
    keys = [key.strip() for key in configured_key.split(",") if key.strip()]
    if not keys:
        derived = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"interview-platform mfa"
        ).derive(secret_key.encode())
        keys = [base64.urlsafe_b64encode(derived).decode()]
    # The first key encrypts; the others still decrypt, so keys can be rotated.
    return MultiFernet([Fernet(key) for key in keys])


def _fernet() -> MultiFernet:
    return _fernet_for(settings.MFA_ENCRYPTION_KEY, settings.SECRET_KEY)
