"""Background jobs of the accounts app (thin: each calls a service)."""

from __future__ import annotations

import smtplib

from celery import shared_task
from django.core.management import call_command

from .emails import password_reset_email_send
from .tokens import token_families_purge_expired


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, ConnectionError),
    retry_backoff=True,
    max_retries=5,
    soft_time_limit=30,
    time_limit=60,
    queue="default",
)
def password_reset_email_send_task(self, *, email: str, site_url: str = "") -> bool:
    # Takes the address rather than a user id on purpose: the lookup happens here, off the
    # request, so the API answers alike whether or not the address has an account.
    return password_reset_email_send(email=email, site_url=site_url)


@shared_task(acks_late=True, soft_time_limit=300, time_limit=360, queue="default")
def flush_expired_tokens_task() -> None:
    """Removes expired refresh tokens (and their blacklist entries): simplejwt's own command;
    then the sign-in families none of whose tokens can be used any more."""
    call_command("flushexpiredtokens")
    token_families_purge_expired()
