"""Reads: users by login identifier, and the state of a user's second factor."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from django.db.models import Exists, OuterRef

from .models import User


def email_normalize(email: str) -> str:
    """Emails are stored and compared lower-cased: one account per address, whatever its case."""
    return (email or "").strip().lower()


def user_get_by_email(*, email: str) -> User | None:
    return User.objects.filter(email__iexact=email_normalize(email)).first()


def user_get_for_login(*, email: str) -> User | None:
    """The user by email, with `mfa_enabled` (a TOTP authenticator) read by the same query."""
    totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    return (
        User.objects.filter(email__iexact=email_normalize(email))
        .annotate(mfa_enabled=Exists(totp))
        .first()
    )


def user_get_active(*, user_id) -> User | None:
    return User.objects.filter(pk=user_id, is_active=True).first()


def user_mfa_enabled(*, user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


@dataclass(frozen=True)
class MfaStatus:
    enabled: bool
    recovery_codes_remaining: int


def user_mfa_status(*, user: User) -> MfaStatus:
    authenticators = {a.type: a for a in Authenticator.objects.filter(user=user)}
    codes = authenticators.get(Authenticator.Type.RECOVERY_CODES)
    return MfaStatus(
        enabled=Authenticator.Type.TOTP in authenticators,
        recovery_codes_remaining=len(codes.wrap().get_unused_codes()) if codes else 0,
    )


def user_recovery_codes(*, user: User) -> list[str]:
    """The recovery codes not used yet (empty without MFA)."""
    codes = Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).first()
    return codes.wrap().get_unused_codes() if codes else []
