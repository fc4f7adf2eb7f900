"""Password sign-up and sign-in, token refresh and logout."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework_simplejwt.exceptions import ExpiredTokenError, TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import Token

from core.choices import Language

from .. import errors, selectors, tokens
from ..models import TokenFamily, TokenFamilyEndReason, User, default_preferences


@dataclass(frozen=True)
class AuthResult:
    """A finished login (`tokens`) or one waiting for its second factor (`mfa_token`)."""

    user: User
    tokens: tokens.TokenPair | None = None
    mfa_token: str | None = None
    created: bool = False

    @property
    def mfa_required(self) -> bool:
        return self.tokens is None


def login_complete(
    *,
    user: User,
    created: bool = False,
    mfa_verified: bool = False,
    mfa_enabled: bool | None = None,
) -> AuthResult:
    """The last step of every login: ask for the second factor, or record it and issue tokens.
    `mfa_enabled` is whether the user has a second factor, when the caller read it already."""
    if mfa_enabled is None and not mfa_verified:
        mfa_enabled = selectors.user_mfa_enabled(user=user)
    if mfa_enabled and not mfa_verified:
        return AuthResult(user=user, mfa_token=tokens.mfa_login_token_for(user), created=created)
    user.last_login_at = timezone.now()
    # An UPDATE of the one column, not `save()`: the audit log leaves last_login_at out
    # (settings/audit.py), and its save hook read the row back only to find nothing to record.
    User.objects.filter(pk=user.pk).update(last_login_at=user.last_login_at)
    return AuthResult(user=user, tokens=tokens.token_pair_for(user), created=created)


def password_check(*, user: User, password: str) -> None:
    """Refuses a weak password with Django's validators, as a field error on `password`."""
    try:
        validate_password(password, user)
    except DjangoValidationError as exc:
        raise errors.field_error(
            exc.messages[0], code="weak_password", field="password", messages=exc.messages
        ) from exc


def _email_taken() -> Exception:
    return errors.field_error(
        _("An account with this email already exists."),
        code="email_taken",
        field="email",
        status=409,
    )


@transaction.atomic
def user_register(*, email: str, password: str, name: str, language: str | None) -> AuthResult:
    email = selectors.email_normalize(email)
    if selectors.user_get_by_email(email=email) is not None:
        raise _email_taken()
    user = User(
        email=email,
        name=name.strip(),
        preferences={**default_preferences(), "language": language or Language.KO.value},
    )
    password_check(user=user, password=password)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:  # the same email registered concurrently
        raise _email_taken() from exc
    # allauth's record of the address: social logins find and link accounts through it.
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    return login_complete(user=user, created=True)


def user_login(*, email: str, password: str) -> AuthResult:
    user = selectors.user_get_for_login(email=email)
    if user is None or not user.has_usable_password():
        # Hash anyway, so an unknown email answers in the same time as a wrong password.
        User().set_password(password)
        raise errors.invalid_credentials()
    if not user.check_password(password):  # also re-hashes an older hash with the first hasher
        raise errors.invalid_credentials()
    # Told only to whoever knows the password: it reveals nothing to a guesser.
    if not user.is_active:
        raise errors.account_disabled_error()
    return login_complete(user=user, mfa_enabled=user.mfa_enabled)


def _refresh_token_parse(raw: str) -> tokens.RefreshToken:
    try:
        return tokens.RefreshToken(raw)
    except ExpiredTokenError as exc:
        raise errors.token_expired() from exc
    except TokenError as exc:
        raise errors.token_invalid() from exc


def token_refresh(*, refresh_token: str) -> tokens.TokenPair:
    """Rotates a refresh token within its family (RFC 6819 5.2.2.3).

    A refresh token presented a second time means two parties hold it (or a client raced
    itself): the whole family is revoked, so the token it was rotated into stops working too.
    The error says its writes are kept (`keep_writes`), so the request's transaction commits
    the revocation although the answer is 401.
    """
    refresh = _refresh_token_parse(refresh_token)
    family_id = tokens.family_id_of(refresh.payload)
    if family_id is None:
        raise errors.token_invalid()
    reused = False
    with transaction.atomic():
        # The family's row lock puts concurrent refreshes of one sign-in in a queue.
        family = (
            TokenFamily.objects.select_for_update()
            .select_related("user")
            .filter(pk=family_id, user_id=refresh.get(api_settings.USER_ID_CLAIM))
            .first()
        )
        if family is None:
            raise errors.token_invalid()
        if family.revoked_at is not None or not tokens.credentials_match(
            family.user, refresh.payload
        ):
            raise errors.token_revoked()
        if not family.user.is_active:
            raise errors.account_disabled_error()
        try:
            pair = tokens.refresh_token_rotate(refresh, user=family.user)
        except tokens.TokenReusedError:
            tokens.token_family_revoke(family, reason=TokenFamilyEndReason.REUSE)
            reused = True
    if reused:
        raise errors.token_reused()
    return pair


@transaction.atomic
def user_logout(*, user: User, refresh_token: str, access_token: Token | None) -> None:
    """Ends the sign-in: its family (every refresh and access token of it) is revoked at once.

    The family is read from the access token the request came with, and from the refresh token
    when it is a valid one of this user (a bad signature is refused, an expired one ignored).
    """
    families = set()
    if access_token is not None and tokens.family_id_of(access_token.payload):
        families.add(tokens.family_id_of(access_token.payload))
    try:
        refresh = tokens.RefreshToken(refresh_token)
    except ExpiredTokenError:
        refresh = None  # already unusable
    except TokenError as exc:
        raise errors.token_invalid() from exc
    if refresh is not None:
        if str(refresh.get(api_settings.USER_ID_CLAIM)) != str(user.pk):
            raise errors.token_invalid()
        if tokens.family_id_of(refresh.payload):
            families.add(tokens.family_id_of(refresh.payload))
        refresh.blacklist()
    for family in TokenFamily.objects.filter(user=user, pk__in=families):
        tokens.token_family_revoke(family, reason=TokenFamilyEndReason.LOGOUT)
