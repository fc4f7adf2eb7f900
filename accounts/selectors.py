"""Reads: users by login identifier, and the state of a user's second factor."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Lower

from .models import User


def email_normalize(email: str) -> str:
    """Emails are stored and compared lower-cased: one account per address, whatever its case."""
    return (email or "").strip().lower()


def users_with_email(email: str, *, queryset: QuerySet | None = None, path: str = "") -> QuerySet:
    """`queryset` (users by default) filtered to the account with this email, whatever its case.

    Compared as `lower(email)`, the expression of the unique index `user_email_ci_unique`:
    `email__iexact` compiles to `UPPER(email) = UPPER(%s)` on PostgreSQL, which no index serves,
    and read the whole user table at every sign-in (5 ms at 10,000 users). `path` leads from the
    queryset's model to the user (`"user__"` for a user's sessions)."""
    queryset = User.objects.all() if queryset is None else queryset
    return queryset.alias(_email_ci=Lower(f"{path}email")).filter(_email_ci=email_normalize(email))


def user_get_by_email(*, email: str) -> User | None:
    return users_with_email(email).first()


def user_get_for_login(*, email: str) -> User | None:
    """The user by email, with `mfa_enabled` (a TOTP authenticator) read by the same query."""
    totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    return users_with_email(email).annotate(mfa_enabled=Exists(totp)).first()


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
