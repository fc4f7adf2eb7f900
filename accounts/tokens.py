"""API tokens: simplejwt's access/refresh pair, the MFA login token, and their revocation.

Two revocation lists live in the shared cache, each entry only until the tokens it names expire:
the ids (jti) of access tokens ended by a logout, and per user an "issued before" time that ends
every access token issued earlier (password reset, account deletion). Refresh tokens are revoked
through simplejwt's blacklist app, in the database.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import AccessToken as _AccessToken
from rest_framework_simplejwt.tokens import RefreshToken as _RefreshToken
from rest_framework_simplejwt.tokens import Token

from .models import User

ISSUED_AT_MS_CLAIM = "iat_ms"


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


class AccessToken(_AccessToken):
    """simplejwt's access token plus its issue time in milliseconds: `iat` has whole seconds,
    too coarse to tell a token issued just before a password reset from one just after."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.token is None:
            self.payload[ISSUED_AT_MS_CLAIM] = _now_ms()


class TokenReusedError(TokenError):
    """A refresh token that was already rotated or revoked is presented again."""


class RefreshToken(_RefreshToken):
    """simplejwt's refresh token, telling a reused (blacklisted) token apart from a bad one."""

    access_token_class = AccessToken

    def check_blacklist(self) -> None:
        jti = self.payload[api_settings.JTI_CLAIM]
        if BlacklistedToken.objects.filter(token__jti=jti).exists():
            raise TokenReusedError(_("Token is blacklisted"))


class MfaLoginToken(Token):
    """Proves the password (or social login) step of a login whose second factor is pending.

    Its type claim keeps it from being accepted as an access or refresh token.
    """

    token_type = "mfa_login"  # noqa: S105 (a claim value, not a secret)
    lifetime = settings.MFA_LOGIN_TOKEN_LIFETIME


@dataclass(frozen=True)
class TokenPair:
    access: str
    refresh: str


def token_pair_for(user: User) -> TokenPair:
    refresh = RefreshToken.for_user(user)  # also records it as an outstanding token
    return TokenPair(access=str(refresh.access_token), refresh=str(refresh))


def refresh_token_rotate(refresh: RefreshToken) -> TokenPair:
    """Blacklists `refresh` and returns a new pair: simplejwt's rotation, made race-safe.

    Two requests presenting the same token at once both pass the blacklist check; only the one
    that inserts the blacklist row wins, the other is refused as a reuse.
    """
    _, created = refresh.blacklist()
    if not created:
        raise TokenReusedError(_("Token is blacklisted"))
    access = refresh.access_token
    refresh.set_jti()
    refresh.set_exp()
    refresh.set_iat()
    refresh.outstand()
    return TokenPair(access=str(access), refresh=str(refresh))


def refresh_tokens_revoke_all(user: User) -> int:
    """Blacklists every outstanding refresh token of `user`; returns how many were revoked."""
    pending = OutstandingToken.objects.filter(user=user, blacklistedtoken__isnull=True)
    blacklisted = BlacklistedToken.objects.bulk_create(
        [BlacklistedToken(token=token) for token in pending], ignore_conflicts=True
    )
    return len(blacklisted)


def _deny_key(jti: str) -> str:
    return f"auth:denied-access:{jti}"


def _revoked_before_key(user_id: Any) -> str:
    return f"auth:revoked-before:{user_id}"


def _seconds_left(payload: dict) -> int:
    return max(int(payload.get("exp", 0) - time.time()), 0) + 1


def access_token_deny(token: Token) -> None:
    """Ends one access token at once (logout): its id is refused until it would have expired."""
    cache.set(_deny_key(token[api_settings.JTI_CLAIM]), 1, timeout=_seconds_left(token.payload))


def access_tokens_revoke_all(user: User) -> None:
    """Ends every access token of `user` issued until now (password reset, deletion)."""
    lifetime = int(api_settings.ACCESS_TOKEN_LIFETIME.total_seconds()) + 1
    cache.set(_revoked_before_key(user.pk), _now_ms(), timeout=lifetime)


def access_token_is_revoked(payload: dict) -> bool:
    """One cache round trip per request: the token's own denial and its user's cut-off."""
    jti = payload.get(api_settings.JTI_CLAIM)
    user_id = payload.get(api_settings.USER_ID_CLAIM)
    keys = [_deny_key(jti), _revoked_before_key(user_id)]
    found = cache.get_many(keys)
    if found.get(keys[0]):
        return True
    revoked_before = found.get(keys[1])
    if revoked_before is None:
        return False
    issued_at = payload.get(ISSUED_AT_MS_CLAIM) or int(payload.get("iat", 0)) * 1000
    return issued_at < revoked_before


def mfa_login_token_for(user: User) -> str:
    token = MfaLoginToken()
    token[api_settings.USER_ID_CLAIM] = str(user.pk)
    return str(token)


def _mfa_login_used_key(token: MfaLoginToken) -> str:
    return f"auth:mfa-login-used:{token[api_settings.JTI_CLAIM]}"


def mfa_login_token_is_spent(token: MfaLoginToken) -> bool:
    return bool(cache.get(_mfa_login_used_key(token)))


def mfa_login_token_consume(token: MfaLoginToken) -> bool:
    """True the first time a given MFA login token is spent, False on a replay."""
    return cache.add(_mfa_login_used_key(token), 1, _seconds_left(token.payload))
