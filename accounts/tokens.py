"""API tokens: simplejwt's access/refresh pair, the MFA login token, and their revocation.

Revocation lives in PostgreSQL, never only in the cache, so it survives a Redis outage or a
Redis restart without persistence:

- Every token carries its **family** (`fam`): the sign-in it descends from (a `TokenFamily`
  row). Logout, and the replay of a used refresh token, end the family: its refresh and access
  tokens stop working at once.
- Every token carries a **credentials fingerprint** (`ver`), a keyed hash of the user's
  password salt and email. Changing either, by any path (API reset, allauth's pages, the admin,
  `manage.py changepassword`), changes the fingerprint, so all of the user's earlier tokens stop
  working with no code in those paths: the same idea as Django's session auth hash. A new
  password always has a new salt; re-hashing the same password at a new cost keeps it
  (password_salt.py), so an upgraded hash at sign-in ends no other sign-in.

Both are checked in the query that loads the token's user, so a request pays no extra round trip.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken as _RefreshToken
from rest_framework_simplejwt.tokens import Token
from rest_framework_simplejwt.utils import datetime_from_epoch

from .models import TokenFamily, TokenFamilyEndReason, User
from .password_salt import password_salt

FAMILY_CLAIM = "fam"
CREDENTIALS_CLAIM = "ver"


class TokenReusedError(Exception):
    """A refresh token that was already rotated is presented again."""


def credentials_fingerprint(user: User) -> str:
    """Changes whenever the user's password or email changes (HMAC with SECRET_KEY)."""
    return _fingerprint("accounts.tokens.credentials.salt", password_salt(user.password), user)


def _fingerprint_of_hash(user: User) -> str:
    """The fingerprint of tokens minted before it followed the salt: over the whole password
    hash. Still accepted, so they were not all ended at once; a password change ends them too."""
    return _fingerprint("accounts.tokens.credentials", user.password, user)


def _fingerprint(key_salt: str, password_part: str, user: User) -> str:
    material = f"{password_part}\x00{(user.email or '').lower()}"
    return salted_hmac(key_salt, material, algorithm="sha256").hexdigest()[:32]


def credentials_match(user: User, payload) -> bool:
    claimed = str(payload.get(CREDENTIALS_CLAIM) or "")
    return bool(claimed) and (
        constant_time_compare(claimed, credentials_fingerprint(user))
        or constant_time_compare(claimed, _fingerprint_of_hash(user))
    )


def family_id_of(payload) -> uuid.UUID | None:
    """The family a token names, or None for a token without a well-formed one."""
    try:
        return uuid.UUID(str(payload.get(FAMILY_CLAIM)))
    except (TypeError, ValueError):
        return None


class RefreshToken(_RefreshToken):
    """simplejwt's refresh token; whether it was used already is decided by
    `refresh_token_rotate` under the family's row lock, not while parsing."""

    def check_blacklist(self) -> None:
        return None


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
    """A new sign-in: a new family and its first refresh token (recorded as outstanding)."""
    refresh = RefreshToken()
    family = TokenFamily.objects.create(user=user, expires_at=_expiry_of(refresh))
    refresh[api_settings.USER_ID_CLAIM] = str(user.pk)
    refresh[FAMILY_CLAIM] = str(family.pk)
    refresh[CREDENTIALS_CLAIM] = credentials_fingerprint(user)
    _outstanding_record(refresh, user=user)
    return TokenPair(access=str(refresh.access_token), refresh=str(refresh))


def _outstanding_record(refresh: RefreshToken, *, user: User) -> None:
    """Records a refresh token just minted as outstanding: one INSERT. simplejwt's
    `outstand()` reads the user back by id and runs a get_or_create (five round trips), but the
    caller holds the user and the token's jti is new."""
    OutstandingToken.objects.create(
        user=user,
        jti=refresh[api_settings.JTI_CLAIM],
        token=str(refresh),
        created_at=refresh.current_time,
        expires_at=_expiry_of(refresh),
    )


def _expiry_of(token: Token) -> datetime:
    return datetime_from_epoch(token["exp"])


def refresh_token_rotate(refresh: RefreshToken, *, user: User) -> TokenPair:
    """Blacklists `refresh` and returns a new pair in the same family.

    The caller holds the family's row lock, so two requests with the same token run one after
    the other and the second sees the first's blacklist row; the insert's `created` flag is the
    last guard should a caller not hold the lock.
    """
    if BlacklistedToken.objects.filter(token__jti=refresh[api_settings.JTI_CLAIM]).exists():
        raise TokenReusedError
    _blacklisted, created = refresh.blacklist()
    if not created:
        raise TokenReusedError
    access = refresh.access_token
    refresh.set_jti()
    refresh.set_exp()
    refresh.set_iat()
    _outstanding_record(refresh, user=user)
    TokenFamily.objects.filter(pk=family_id_of(refresh.payload)).update(
        expires_at=_expiry_of(refresh)
    )
    return TokenPair(access=str(access), refresh=str(refresh))


def token_family_revoke(family: TokenFamily, *, reason: TokenFamilyEndReason) -> None:
    if family.revoked_at is None:
        family.revoked_at = timezone.now()
        family.revoked_reason = reason
        family.save(update_fields=["revoked_at", "revoked_reason"])


def token_families_revoke_all(user: User, *, reason: TokenFamilyEndReason) -> int:
    return TokenFamily.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_reason=reason
    )


def token_families_purge_expired() -> int:
    """Deletes the families nothing can use any more (their newest refresh token expired)."""
    now = timezone.now()
    lifetime = api_settings.REFRESH_TOKEN_LIFETIME
    deleted, _by_model = TokenFamily.objects.filter(
        Q(expires_at__lt=now) | Q(expires_at__isnull=True, created_at__lt=now - lifetime)
    ).delete()
    return deleted


def user_for_access_token(payload) -> tuple[User | None, bool]:
    """The token's user and whether the token is still good (family live, credentials same),
    in one query."""
    family_id = family_id_of(payload)
    user_id = payload.get(api_settings.USER_ID_CLAIM)
    if family_id is None or not user_id:
        return None, False
    user = (
        User.objects.filter(**{api_settings.USER_ID_FIELD: user_id})
        .annotate(
            _token_family_live=Exists(
                TokenFamily.objects.filter(
                    pk=family_id, user=OuterRef("pk"), revoked_at__isnull=True
                )
            )
        )
        .first()
    )
    if user is None:
        return None, False
    return user, bool(user._token_family_live) and credentials_match(user, payload)


def mfa_login_token_for(user: User) -> str:
    token = MfaLoginToken()
    token[api_settings.USER_ID_CLAIM] = str(user.pk)
    token[CREDENTIALS_CLAIM] = credentials_fingerprint(user)
    return str(token)


def _seconds_left(payload: dict) -> int:
    return max(int(payload.get("exp", 0) - timezone.now().timestamp()), 0) + 1


def _mfa_login_used_key(token: MfaLoginToken) -> str:
    return f"auth:mfa-login-used:{token[api_settings.JTI_CLAIM]}"


def mfa_login_token_is_spent(token: MfaLoginToken) -> bool:
    return bool(cache.get(_mfa_login_used_key(token)))


def mfa_login_token_consume(token: MfaLoginToken) -> bool:
    """True the first time a given MFA login token is spent, False on a replay."""
    return bool(cache.add(_mfa_login_used_key(token), 1, _seconds_left(token.payload)))
