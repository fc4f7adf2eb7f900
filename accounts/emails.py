"""The password-reset e-mail, sent by `tasks.password_reset_email_send_task` (off the request).

Outside the `services` package so that the task and the service that queues it
(`services.passwords.password_reset_request`) import each other in one direction only."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from core.choices import Language

from . import selectors
from .models import User

logger = logging.getLogger("accounts.password_reset")


# The product's own reset page (web: /reset-password), used when FRONTEND_URL is not set.
OWN_RESET_PATH = "/reset-password"


def password_reset_link(*, user: User, site_url: str = "") -> str:
    """FRONTEND_URL's reset page when a frontend is configured; else this server's own page at
    `site_url`, the scheme, host and port the request for the link came to."""
    query = urlencode(
        {"uid": user_pk_to_url_str(user), "token": default_token_generator.make_token(user)}
    )
    if settings.FRONTEND_URL:
        base = settings.FRONTEND_URL.rstrip("/") + settings.FRONTEND_RESET_PASSWORD_PATH
    else:
        base = (site_url or "http://127.0.0.1:8000").rstrip("/") + OWN_RESET_PATH
    return f"{base}?{query}"


def password_reset_email_send(*, email: str, site_url: str = "") -> bool:
    """Sends the reset link in the user's language; False when no active account has `email`."""
    user = selectors.user_get_by_email(email=email)
    if user is None or not user.is_active:
        logger.info("password reset asked for an unknown or inactive address")
        return False
    language = user.language if user.language in Language.values else Language.EN.value
    context = {
        "user": user,
        "reset_url": password_reset_link(user=user, site_url=site_url),
        "valid_minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
    }
    with translation.override(language):
        prefix = f"email/password_reset/{language}"
        subject = " ".join(render_to_string(f"{prefix}/subject.txt", context).split())
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string(f"{prefix}/body.txt", context),
            to=[user.email],
        )
        message.attach_alternative(render_to_string(f"{prefix}/body.html", context), "text/html")
        message.send()
    return True
